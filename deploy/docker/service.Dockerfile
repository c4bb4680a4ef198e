# Container image of any of the three services: the Quarkus application (aot-jar, the fast-jar layout) on a Java 17
# runtime, run as a non-root user.
# The build context is the service's module folder; HTTP_PORT is the service's port (8081 inventory, 8082 loss-report,
# 8083 check-in). Build the application first, then the image:
#   mvn -B package -DskipTests -pl inventory-service -am
#   docker build -f deploy/docker/service.Dockerfile --build-arg HTTP_PORT=8081 \
#     -t district/inventory-service:1.0.0 inventory-service
# checkin-service also takes --build-arg JAVA_GC="-XX:+UseG1GC -XX:G1PeriodicGCInterval=5000" (below).
# docker compose builds the images itself after the mvn step (docker-compose.yml, "build").
FROM eclipse-temurin:17.0.15_6-jre-jammy

ARG HTTP_PORT
# The collector (scripts/lib.sh, service_jvm_flags; docs/benchmarks.md, "Idle memory cut"): the serial one for the
# services that answer requests, which idles in the least memory; checkin-service is built with G1, whose short pauses
# its ingestion of thousands of check-ins a second needs, collecting every 5 s when idle to give back its heap.
ARG JAVA_GC="-XX:+UseSerialGC"

# The application runs as uid 185; it owns nothing in the image, so it cannot change its own code. Kubernetes runs it
# with a read-only root file system and an emptyDir on /tmp.
RUN groupadd --system --gid 185 quarkus \
    && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus

# Two malloc arenas, as the local stack and the benchmarks run the services: the C library keeps no arena of freed
# memory per thread.
ENV LANG=C.UTF-8 \
    HTTP_PORT=${HTTP_PORT} \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError ${JAVA_GC} -Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

# The application's layout, from the layer that changes least (dependencies) to the one that changes most.
COPY target/quarkus-app/lib/ /deployments/lib/
COPY target/quarkus-app/*.jar /deployments/
COPY target/quarkus-app/app/ /deployments/app/
COPY target/quarkus-app/quarkus/ /deployments/quarkus/

WORKDIR /deployments
USER 185
EXPOSE ${HTTP_PORT}

# Liveness only: the database or Kafka being down must not mark the container unhealthy (readiness covers them).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${HTTP_PORT}/q/health/live" || exit 1

# SIGTERM starts Quarkus's graceful shutdown (quarkus.shutdown.timeout): requests in flight finish, the outbox relay
# and consumers stop after their current batch, producers flush and close.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
