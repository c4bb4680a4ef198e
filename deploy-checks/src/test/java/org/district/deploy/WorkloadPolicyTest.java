package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operational policies every workload must meet in every overlay: probes on the Quarkus health endpoints,
 * requests and limits, a non-root read-only container, pinned images, graceful shutdown that fits the grace period, a
 * Service and a PodDisruptionBudget per Deployment, an autoscaler for checkin-service, configuration the service (or
 * the console) really reads, Kafka settings only where Kafka is used, and secrets (passwords, the web pages' client
 * and session secrets) only by reference.
 */
class WorkloadPolicyTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static Stream<Arguments> serviceInOverlay() {
        return Manifests.overlayNames()
                .flatMap(o -> Stream.of(ServiceProperties.Service.values()).map(s -> Arguments.of(o, s)));
    }

    // ---------------------------------------------------------------- every Deployment

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasProbesRequestsAndLimits(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).typed("Deployment", Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String what = overlay + " " + container.getName();
                assertThat(container.getStartupProbe())
                        .as("startup probe of %s", what)
                        .isNotNull();
                assertThat(container.getReadinessProbe())
                        .as("readiness probe of %s", what)
                        .isNotNull();
                assertThat(container.getLivenessProbe())
                        .as("liveness probe of %s", what)
                        .isNotNull();
                assertThat(container.getResources()).as("resources of %s", what).isNotNull();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as("requests of %s", what).containsKeys("cpu", "memory");
                assertThat(limits).as("limits of %s", what).containsKeys("cpu", "memory");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests.get(resource).getNumericalAmount())
                            .as("%s request of %s within its limit", resource, what)
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsNonRootOnAReadOnlyFileSystem(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).typed("Deployment", Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String name = overlay + " " + deployment.getMetadata().getName();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertThat(podSecurity).as("pod security context of %s", name).isNotNull();
            assertThat(podSecurity.getRunAsNonRoot())
                    .as("runAsNonRoot of %s", name)
                    .isTrue();
            assertThat(podSecurity.getRunAsUser())
                    .as("runAsUser of %s", name)
                    .isNotNull()
                    .isPositive();
            assertThat(podSecurity.getSeccompProfile())
                    .as("seccomp of %s", name)
                    .isNotNull();
            assertThat(pod.getHostNetwork()).as("hostNetwork of %s", name).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as("hostPID of %s", name).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getAutomountServiceAccountToken())
                    .as("%s never calls the Kubernetes API: no token mounted", name)
                    .isFalse();
            for (Container container : pod.getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security)
                        .as("security context of %s", container.getName())
                        .isNotNull();
                assertThat(security.getPrivileged())
                        .as("privileged %s", container.getName())
                        .isNotEqualTo(true);
                assertThat(security.getAllowPrivilegeEscalation())
                        .as("allowPrivilegeEscalation of %s", container.getName())
                        .isFalse();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as("readOnlyRootFilesystem of %s", container.getName())
                        .isTrue();
                assertThat(security.getCapabilities().getDrop())
                        .as("dropped capabilities of %s", container.getName())
                        .contains("ALL");
                assertThat(security.getCapabilities().getAdd())
                        .as("added capabilities of %s", container.getName())
                        .isNullOrEmpty();
                VolumeMount tmp = container.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(container.getName() + " has no writable /tmp"));
                Volume volume = volume(pod, tmp.getName());
                assertThat(volume.getEmptyDir())
                        .as("/tmp of %s is an emptyDir", container.getName())
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageIsPinned(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).typed("Deployment", Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(isPinned(container.getImage()))
                        .as("%s image %s has a version tag or digest", container.getName(), container.getImage())
                        .isTrue();
                assertThat(container.getImagePullPolicy()).isNotEqualTo("Always");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasAServiceAndADisruptionBudget(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Service> services = manifests.typed("Service", Service.class);
        List<PodDisruptionBudget> budgets = manifests.typed("PodDisruptionBudget", PodDisruptionBudget.class);
        for (Deployment deployment : manifests.typed("Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels)
                    .as("%s selector matches its pods", name)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

            List<Service> selecting = services.stream()
                    .filter(s -> s.getSpec().getSelector() != null
                            && !s.getSpec().getSelector().isEmpty()
                            && podLabels
                                    .entrySet()
                                    .containsAll(s.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(selecting).as("Services of %s", name).isNotEmpty();
            List<ContainerPort> ports = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts().stream())
                    .toList();
            for (Service service : selecting) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    assertThat(ports)
                            .as("%s targets a port of %s", service.getMetadata().getName(), name)
                            .anyMatch(p -> port.getTargetPort().getStrVal() != null
                                    ? port.getTargetPort().getStrVal().equals(p.getName())
                                    : port.getTargetPort().getIntVal().equals(p.getContainerPort()));
                }
            }

            List<PodDisruptionBudget> protecting = budgets.stream()
                    .filter(b -> podLabels
                            .entrySet()
                            .containsAll(
                                    b.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(protecting).as("PodDisruptionBudget of %s", name).hasSize(1);
            PodDisruptionBudget budget = protecting.get(0);
            assertThat(budget.getSpec().getMinAvailable())
                    .as("%s: maxUnavailable, so a single replica never blocks a node drain", name)
                    .isNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isPositive();
        }
    }

    // ---------------------------------------------------------------- the three services and the console

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void probesUseTheQuarkusHealthEndpoints(String overlay, ServiceProperties.Service service) {
        Container container = Manifests.mainContainer(Manifests.of(overlay).deployment(service));

        assertProbe(container.getStartupProbe(), "/q/health/started", container);
        assertProbe(container.getReadinessProbe(), "/q/health/ready", container);
        assertProbe(container.getLivenessProbe(), "/q/health/live", container);
        assertThat(container.getStartupProbe().getFailureThreshold()
                        * container.getStartupProbe().getPeriodSeconds())
                .as("startup allows for database migrations")
                .isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void portIsTheOneTheServiceListensOn(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Deployment deployment = manifests.deployment(service);
        Container container = Manifests.mainContainer(deployment);
        Map<String, String> environment = manifests.environment(container);

        assertThat(service.properties().defaultHttpPort()).isEqualTo(service.port);
        assertThat(environment).containsEntry("HTTP_PORT", Integer.toString(service.port));
        assertThat(container.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("http"))
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(service.port));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", Integer.toString(service.port));
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void gracefulShutdownFitsTheGracePeriod(String overlay, ServiceProperties.Service service) {
        Deployment deployment = Manifests.of(overlay).deployment(service);
        Container container = Manifests.mainContainer(deployment);
        Duration shutdown = service.properties().shutdownTimeout();
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop)
                .as("preStop waits for endpoints to drop the pod")
                .hasSize(2)
                .startsWith("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1));

        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("grace period >= preStop + quarkus.shutdown.timeout + time to close clients")
                .isGreaterThanOrEqualTo(preStopSeconds + shutdown.toSeconds() + 10);
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .as("a rollout never lowers capacity")
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void environmentNamesOnlyWhatTheServiceReads(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        ServiceProperties properties = service.properties();
        Map<String, String> environment = manifests.environment(Manifests.mainContainer(manifests.deployment(service)));

        assertThat(environment.keySet())
                .as("%s: every variable is read by %s", overlay, properties.origin())
                .allSatisfy(name -> assertThat(properties.reads(name))
                        .as("%s is read by %s", name, properties.origin())
                        .isTrue());
        assertThat(environment.keySet())
                .as("what the production profile requires")
                .containsAll(properties.requiredInProduction());
        if (service.kafka) {
            assertThat(environment).containsEntry("KAFKA_CREATE_TOPICS", "false");
        } else {
            assertThat(environment.keySet())
                    .as("%s uses no Kafka", service.module)
                    .noneMatch(name -> name.startsWith("KAFKA_"));
        }
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void secretsComeOnlyFromSecretReferences(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Container container = Manifests.mainContainer(manifests.deployment(service));
        Map<String, String> environment = manifests.environment(container);

        environment.forEach((name, value) -> {
            if (looksSecret(name)) {
                assertThat(value).as("%s comes from a Secret", name).startsWith("secret:");
            }
        });
        for (EnvVar env : container.getEnv()) {
            assertThat(env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() != null)
                    .as("%s is a literal or a Secret reference", env.getName())
                    .isTrue();
        }
        for (String secret : List.of("OIDC_WEB_CLIENT_SECRET", "OIDC_SESSION_SECRET")) {
            if (service.properties().reads(secret)) {
                assertThat(environment.get(secret))
                        .as("%s: %s is given, from a Secret", service.module, secret)
                        .startsWith("secret:");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsInTheRepository(String overlay) throws IOException {
        assertThat(Manifests.of(overlay).ofKind("Secret"))
                .as("rendered Secrets")
                .isEmpty();
        try (Stream<Path> files = Files.walk(RepositoryFiles.path("k8s"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = RepositoryFiles.read(file);
                assertThat(text)
                        .as("%s", file)
                        .doesNotContain("secretGenerator")
                        .doesNotContain("kind: Secret");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void checkinServiceScalesWithAnAutoscaler(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        HorizontalPodAutoscaler hpa =
                manifests.typed("HorizontalPodAutoscaler", "checkin-service", HorizontalPodAutoscaler.class);
        Deployment deployment = manifests.deployment(ServiceProperties.Service.CHECKIN);

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("checkin-service");
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics())
                .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(deployment.getSpec().getReplicas())
                .as("the autoscaler owns the replica count; a fixed count would fight it on every apply")
                .isNull();
        if (overlay.equals("production")) {
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsAndTwiceOrMoreInProduction(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Integer replicas = manifests.deployment(service).getSpec().getReplicas();
            int minimum = Optional.ofNullable(replicas).orElseGet(() -> manifests
                    .typed("HorizontalPodAutoscaler", service.module, HorizontalPodAutoscaler.class)
                    .getSpec()
                    .getMinReplicas());
            assertThat(minimum).as("%s replicas in %s", service.module, overlay).isPositive();
            if (overlay.equals("production")) {
                assertThat(minimum)
                        .as("%s replicas in production", service.module)
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        if (colon < 0 || colon < image.lastIndexOf('/')) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && tag.matches("v?\\d+(\\.\\d+)+([._-][A-Za-z0-9._-]+)?");
    }

    static boolean looksSecret(String name) {
        return name.contains("PASSWORD")
                || name.contains("SECRET")
                // A token is secret; how old one may be (OIDC_TOKEN_MAX_AGE) is not.
                || (name.contains("TOKEN") && !name.endsWith("_MAX_AGE"))
                || name.equals("DB_USER")
                || name.equals("SMTP_USERNAME")
                || name.endsWith("WEBHOOK_URL");
    }

    private static void assertProbe(Probe probe, String path, Container container) {
        assertThat(probe.getHttpGet())
                .as("%s probe of %s uses HTTP", path, container.getName())
                .isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        String port = probe.getHttpGet().getPort().getStrVal();
        assertThat(port == null ? probe.getHttpGet().getPort().getIntVal() : port)
                .as("%s probe port", path)
                .isIn("http", container.getPorts().get(0).getContainerPort());
    }

    private static Volume volume(PodSpec pod, String name) {
        List<Volume> found = new ArrayList<>();
        pod.getVolumes().stream().filter(v -> v.getName().equals(name)).forEach(found::add);
        assertThat(found).as("volume %s", name).hasSize(1);
        return found.get(0);
    }
}
