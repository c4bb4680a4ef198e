package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services' one Dockerfile: a pinned Java 17 runtime image, the Quarkus fast-jar layout, a non-root user, the
 * service's port (a build argument), a health check on liveness, container-aware memory settings and an entrypoint
 * that lets the JVM receive SIGTERM (graceful shutdown).
 */
class DockerfileTest {

    /** The Dockerfile every service's image is built from, its module folder being the build context. */
    static final String DOCKERFILE = "deploy/docker/service.Dockerfile";

    /** One instruction: keyword and arguments, continuation lines joined, comments dropped. */
    record Instruction(String keyword, String arguments) {}

    @Test
    void baseImageIsAPinnedJava17Runtime() {
        List<Instruction> from = instructions("FROM");

        assertThat(from).as("single stage").hasSize(1);
        String image = from.get(0).arguments();
        assertThat(WorkloadPolicyTest.isPinned(image)).as("%s is pinned", image).isTrue();
        assertThat(image.substring(image.lastIndexOf(':') + 1))
                .as("a full Java 17 version and a JRE")
                .matches("17\\.\\d+\\.\\d+.*")
                .contains("jre");
    }

    @Test
    void copiesTheFastJarLayout() {
        List<String> copies =
                instructions("COPY").stream().map(Instruction::arguments).toList();

        assertThat(copies)
                .containsExactly(
                        "target/quarkus-app/lib/ /deployments/lib/",
                        "target/quarkus-app/*.jar /deployments/",
                        "target/quarkus-app/app/ /deployments/app/",
                        "target/quarkus-app/quarkus/ /deployments/quarkus/");
        assertThat(instructions("ADD"))
                .as("no ADD (it fetches URLs and unpacks archives)")
                .isEmpty();
    }

    @Test
    void runsAsANonRootUser() {
        List<Instruction> all = instructions(null);
        int lastUser = -1;
        int lastBuildStep = -1;
        for (int i = 0; i < all.size(); i++) {
            switch (all.get(i).keyword()) {
                case "USER" -> lastUser = i;
                case "RUN", "COPY" -> lastBuildStep = i;
                default -> {}
            }
        }

        assertThat(lastUser).as("a USER instruction after the last RUN/COPY").isGreaterThan(lastBuildStep);
        String user = all.get(lastUser).arguments();
        assertThat(user).as("numeric, so Kubernetes can verify runAsNonRoot").matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        assertThat(instructions("RUN"))
                .anySatisfy(
                        run -> assertThat(run.arguments()).contains("useradd").contains("--uid " + user));
    }

    @Test
    void exposesTheServicePortGivenAtBuildWithAHealthCheck() {
        assertThat(instructions("ARG"))
                .extracting(Instruction::arguments)
                .containsExactly("HTTP_PORT", "JAVA_GC=\"-XX:+UseSerialGC\"");
        assertThat(instructions("EXPOSE")).extracting(Instruction::arguments).containsExactly("${HTTP_PORT}");
        assertThat(env()).contains("HTTP_PORT=${HTTP_PORT}");
        assertThat(instructions("HEALTHCHECK")).singleElement().satisfies(h -> assertThat(h.arguments())
                .contains("CMD")
                .contains("/q/health/live")
                .contains("${HTTP_PORT}")
                .contains("--start-period="));
    }

    @Test
    void jvmFitsTheContainerAndShutsDownGracefully() {
        String env = env();

        assertThat(env)
                .contains("-XX:MaxRAMPercentage=")
                .contains("-Dquarkus.http.host=0.0.0.0")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .contains("MALLOC_ARENA_MAX=2")
                .as("the collector given at build, serial unless checkin-service's G1")
                .contains("${JAVA_GC}");
        List<Instruction> entrypoint = instructions("ENTRYPOINT");
        assertThat(entrypoint).singleElement().satisfies(e -> assertThat(e.arguments())
                .as("exec form, and exec java so that the JVM is PID 1 and receives SIGTERM")
                .startsWith("[")
                .contains("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"));
        assertThat(instructions("STOPSIGNAL"))
                .extracting(Instruction::arguments)
                .containsExactly("SIGTERM");
    }

    private static String env() {
        return String.join(
                " ", instructions("ENV").stream().map(Instruction::arguments).toList());
    }

    static List<Instruction> instructions(String keyword) {
        String text = RepositoryFiles.read(DOCKERFILE);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().replaceAll("\\s+", " ").strip();
            current.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(), joined.substring(space + 1)));
        }
        return keyword == null
                ? instructions
                : instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
}
