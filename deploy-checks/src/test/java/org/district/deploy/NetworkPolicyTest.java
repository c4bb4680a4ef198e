package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything is denied unless allowed, and each service may reach only what it needs: its database, the Kafka
 * brokers (not the console, which has no Kafka), DNS, the identity provider it is configured with (HTTPS outside the
 * cluster, or the provider's pods where the overlay runs one), (loss-report-service only) mail and the IT webhook, and
 * (the console only) the APIs of the services it calls, by their Service names; only the Ingress controller,
 * Prometheus and the services' callers (the console) may reach a service, on its HTTP port.
 */
class NetworkPolicyTest {

    private static final Set<Integer> MAIL_AND_WEBHOOK_PORTS = Set.of(25, 465, 587, 1025, 443);

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static Stream<Arguments> serviceInOverlay() {
        return Manifests.overlayNames()
                .flatMap(o -> Stream.of(ServiceProperties.Service.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsDeniedByDefault(String overlay) {
        List<NetworkPolicy> policies = Manifests.of(overlay).typed("NetworkPolicy", NetworkPolicy.class);

        assertThat(policies)
                .as("a policy that selects every pod and allows nothing")
                .anySatisfy(p -> {
                    assertThat(isEmpty(p.getSpec().getPodSelector())).isTrue();
                    assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                    assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                    assertThat(p.getSpec().getEgress()).isNullOrEmpty();
                });
        assertThat(policies)
                .as("DNS for every pod, and nothing else in that policy")
                .anySatisfy(p -> {
                    assertThat(isEmpty(p.getSpec().getPodSelector())).isTrue();
                    assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                    assertThat(p.getSpec().getEgress()).singleElement().satisfies(rule -> assertThat(
                                    ports(rule.getPorts()))
                            .containsExactly(53));
                });
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void serviceReachesOnlyItsDatabaseKafkaTheIdentityProviderAndWhatItNotifiesOrCalls(
            String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> podLabels = podLabels(manifests, service);
        String postgresCluster = Tree.name(manifests.ofKind("Cluster").get(0));
        String kafkaCluster = Tree.name(manifests.ofKind("Kafka").get(0));
        Provider provider = Provider.of(manifests, service);
        Map<Integer, Map<String, String>> calledPods = new java.util.TreeMap<>();
        for (ServiceProperties.Service called : service.calls().values()) {
            calledPods.put(called.port, podLabels(manifests, called));
        }

        Set<Integer> egressPorts = new TreeSet<>();
        boolean reachesProvider = false;
        for (NetworkPolicy policy : selecting(manifests, podLabels)) {
            if (isEmpty(policy.getSpec().getPodSelector())) {
                continue; // the namespace-wide default deny and DNS policies, checked above
            }
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertThat(rule.getTo())
                        .as("%s: egress always names its destination", service.module)
                        .isNotEmpty();
                assertThat(rule.getPorts())
                        .as("%s: egress always names its ports", service.module)
                        .isNotEmpty();
                Set<Integer> rulePorts = ports(rule.getPorts());
                egressPorts.addAll(rulePorts);
                if (rulePorts.contains(5432)) {
                    assertThat(rule.getTo()).allSatisfy(peer -> assertThat(labels(peer.getPodSelector()))
                            .containsEntry("cnpg.io/cluster", postgresCluster));
                }
                if (rulePorts.contains(9092)) {
                    assertThat(rule.getTo()).allSatisfy(peer -> assertThat(labels(peer.getPodSelector()))
                            .containsEntry("strimzi.io/cluster", kafkaCluster));
                }
                for (Integer port : rulePorts) {
                    Map<String, String> called = calledPods.get(port);
                    if (called != null) {
                        assertThat(rulePorts)
                                .as("%s: a called service's port alone", service.module)
                                .containsExactly(port);
                        assertThat(rule.getTo())
                                .as("%s reaches port %d of the service it calls only", service.module, port)
                                .allSatisfy(peer -> {
                                    assertThat(peer.getNamespaceSelector()).isNull();
                                    assertThat(peer.getIpBlock()).isNull();
                                    Map<String, String> selected = labels(peer.getPodSelector());
                                    assertThat(selected).isNotEmpty();
                                    assertThat(called).containsAllEntriesOf(selected);
                                });
                    }
                }
                reachesProvider |= provider.reachedBy(rule);
            }
        }

        assertThat(egressPorts).as("%s egress in %s", service.module, overlay).contains(5432);
        if (service.kafka) {
            assertThat(egressPorts)
                    .as("%s reaches Kafka in %s", service.module, overlay)
                    .contains(9092);
        } else {
            assertThat(egressPorts).as("%s has no Kafka", service.module).doesNotContain(9092);
        }
        assertThat(egressPorts)
                .as("%s reaches every service it calls", service.module)
                .containsAll(calledPods.keySet());
        assertThat(reachesProvider)
                .as("%s reaches its identity provider %s in %s", service.module, provider, overlay)
                .isTrue();
        Set<Integer> beyondDatabaseAndKafka = new TreeSet<>(egressPorts);
        beyondDatabaseAndKafka.removeAll(List.of(5432, 9092, 443, provider.podPort()));
        beyondDatabaseAndKafka.removeAll(calledPods.keySet());
        if (service == ServiceProperties.Service.LOSS_REPORT) {
            assertThat(MAIL_AND_WEBHOOK_PORTS).containsAll(beyondDatabaseAndKafka);
            assertThat(beyondDatabaseAndKafka).as("mail").isNotEmpty();
        } else {
            assertThat(beyondDatabaseAndKafka)
                    .as("%s needs nothing else", service.module)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void anIdentityProviderInTheClusterLetsTheServiceIn(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Provider provider = Provider.of(manifests, service);
        if (provider.podLabels() == null) {
            return;
        }
        Map<String, String> podLabels = manifests
                .deployment(service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();

        assertThat(selecting(manifests, provider.podLabels()).stream()
                        .filter(p -> !isEmpty(p.getSpec().getPodSelector()))
                        .toList())
                .as("a policy lets %s reach the identity provider on %d", service.module, provider.podPort())
                .anySatisfy(p -> assertThat(p.getSpec().getIngress()).anySatisfy(rule -> {
                    assertThat(ports(rule.getPorts())).contains(provider.podPort());
                    assertThat(rule.getFrom()).anySatisfy(peer -> assertThat(podLabels)
                            .containsAllEntriesOf(labels(peer.getPodSelector())));
                }));
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void onlyTheIngressControllerPrometheusAndItsCallersReachAService(
            String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> podLabels = podLabels(manifests, service);
        List<Map<String, String>> callers = service.callers().stream()
                .map(caller -> podLabels(manifests, caller))
                .toList();
        int rules = 0;
        Set<Map<String, String>> admittedCallers = new java.util.HashSet<>();
        for (NetworkPolicy policy : selecting(manifests, podLabels)) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                rules++;
                assertThat(ports(rule.getPorts())).containsExactly(service.port);
                assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> {
                    assertThat(peer.getIpBlock()).isNull();
                    if (peer.getPodSelector() != null) {
                        assertThat(peer.getNamespaceSelector())
                                .as("callers are pods of this namespace")
                                .isNull();
                        Map<String, String> selected = labels(peer.getPodSelector());
                        assertThat(selected).as("a pod peer names its pods").isNotEmpty();
                        assertThat(callers)
                                .as("%s is reached by pods that call it only: %s", service.module, selected)
                                .anySatisfy(caller -> assertThat(caller).containsAllEntriesOf(selected));
                        callers.stream()
                                .filter(caller -> caller.entrySet().containsAll(selected.entrySet()))
                                .forEach(admittedCallers::add);
                        return;
                    }
                    assertThat(labels(peer.getNamespaceSelector()))
                            .containsKey("kubernetes.io/metadata.name")
                            .extractingByKey("kubernetes.io/metadata.name")
                            .isIn("ingress-nginx", "monitoring");
                });
            }
        }
        assertThat(rules).as("%s is reachable at all", service.module).isPositive();
        assertThat(admittedCallers)
                .as("%s lets in every service that calls it", service.module)
                .containsAll(callers);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleCallsTheServicesByTheirServiceNames(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ServiceProperties.Service console = ServiceProperties.Service.CONSOLE;
        Map<String, String> environment = manifests.environment(Manifests.mainContainer(manifests.deployment(console)));

        assertThat(console.calls().values())
                .as("the console calls every service")
                .containsExactlyInAnyOrder(
                        ServiceProperties.Service.INVENTORY,
                        ServiceProperties.Service.LOSS_REPORT,
                        ServiceProperties.Service.CHECKIN);
        console.calls().forEach((name, called) -> {
            assertThat(environment).as("%s: %s is given", overlay, name).containsKey(name);
            URI url = URI.create(environment.get(name));
            Service target = manifests.typed("Service", Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(url.getHost()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no Service " + url.getHost()));
            assertThat(podLabels(manifests, called))
                    .as("%s names the Service of %s", name, called.module)
                    .containsAllEntriesOf(target.getSpec().getSelector());
            ServicePort port = target.getSpec().getPorts().stream()
                    .filter(p -> p.getPort() == url.getPort())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": " + url.getHost() + " has no port " + url));
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            assertThat(url.getPort()).isEqualTo(called.port);
            assertThat(url.getScheme()).as("inside the cluster").isEqualTo("http");
        });
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void databaseAndKafkaLetTheServiceIn(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> podLabels = manifests
                .deployment(service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        String postgresCluster = Tree.name(manifests.ofKind("Cluster").get(0));

        List<NetworkPolicy> postgresPolicies = selecting(manifests, Map.of("cnpg.io/cluster", postgresCluster)).stream()
                .filter(p -> !isEmpty(p.getSpec().getPodSelector()))
                .toList();
        assertThat(postgresPolicies)
                .as("a policy lets %s reach PostgreSQL on 5432", service.module)
                .anySatisfy(p -> assertThat(p.getSpec().getIngress()).anySatisfy(rule -> {
                    assertThat(ports(rule.getPorts())).contains(5432);
                    assertThat(rule.getFrom()).anySatisfy(peer -> assertThat(podLabels)
                            .containsAllEntriesOf(labels(peer.getPodSelector())));
                }));

        // Strimzi writes the brokers' ingress policy from the listener's networkPolicyPeers.
        List<Object> peers = Tree.listAt(manifests.ofKind("Kafka").get(0), "spec", "kafka", "listeners").stream()
                .map(l -> Tree.map(l, "listener"))
                .filter(l -> Integer.valueOf(9092).equals(l.get("port")))
                .flatMap(l -> Tree.listAt(l, "networkPolicyPeers").stream())
                .toList();
        if (service.kafka) {
            assertThat(peers)
                    .as("Kafka listener 9092 admits %s", service.module)
                    .anySatisfy(peer -> assertThat(podLabels)
                            .containsAllEntriesOf(stringMap(Tree.mapAt(peer, "podSelector", "matchLabels"))));
        } else {
            assertThat(peers)
                    .as("Kafka listener 9092 does not admit %s", service.module)
                    .noneSatisfy(peer -> assertThat(podLabels)
                            .containsAllEntriesOf(stringMap(Tree.mapAt(peer, "podSelector", "matchLabels"))));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> podLabels(Manifests manifests, ServiceProperties.Service service) {
        return manifests
                .deployment(service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }

    /**
     * The identity provider a service is configured with (OIDC_AUTH_SERVER_URL): a Service of the overlay, reached on
     * its pods' port ({@code podLabels} set), or an address outside the cluster, reached over HTTPS.
     */
    record Provider(URI url, Map<String, String> podLabels, int podPort) {

        static Provider of(Manifests manifests, ServiceProperties.Service service) {
            URI url = URI.create(manifests
                    .environment(Manifests.mainContainer(manifests.deployment(service)))
                    .get("OIDC_AUTH_SERVER_URL"));
            for (Service s : manifests.typed("Service", Service.class)) {
                if (!s.getMetadata().getName().equals(url.getHost())) {
                    continue;
                }
                ServicePort port = s.getSpec().getPorts().stream()
                        .filter(p -> p.getPort() == url.getPort())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(s.getMetadata().getName() + " has no port " + url));
                Deployment pods = manifests.typed("Deployment", Deployment.class).stream()
                        .filter(d -> d.getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getLabels()
                                .entrySet()
                                .containsAll(s.getSpec().getSelector().entrySet()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(url.getHost() + " selects no Deployment"));
                IntOrString target = port.getTargetPort();
                int podPort = Manifests.mainContainer(pods).getPorts().stream()
                        .filter(p -> target.getStrVal() != null
                                ? target.getStrVal().equals(p.getName())
                                : target.getIntVal().equals(p.getContainerPort()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(url.getHost() + " targets no port of its pods"))
                        .getContainerPort();
                return new Provider(
                        url, pods.getSpec().getTemplate().getMetadata().getLabels(), podPort);
            }
            assertThat(url.getScheme())
                    .as("a provider outside the cluster is reached over HTTPS: %s", url)
                    .isEqualTo("https");
            return new Provider(url, null, 443);
        }

        /** Whether the egress rule lets the service reach the provider. */
        boolean reachedBy(NetworkPolicyEgressRule rule) {
            if (!ports(rule.getPorts()).contains(podPort)) {
                return false;
            }
            if (podLabels != null) {
                return rule.getTo().stream()
                        .anyMatch(peer -> peer.getPodSelector() != null
                                && podLabels
                                        .entrySet()
                                        .containsAll(
                                                labels(peer.getPodSelector()).entrySet()));
            }
            return rule.getTo().stream()
                    .anyMatch(peer -> peer.getIpBlock() != null
                            && peer.getIpBlock().getCidr().equals("0.0.0.0/0"));
        }

        @Override
        public String toString() {
            return url.toString();
        }
    }

    private static List<NetworkPolicy> selecting(Manifests manifests, Map<String, String> podLabels) {
        return manifests.typed("NetworkPolicy", NetworkPolicy.class).stream()
                .filter(p -> podLabels
                        .entrySet()
                        .containsAll(labels(p.getSpec().getPodSelector()).entrySet()))
                .toList();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || ((selector.getMatchLabels() == null
                                || selector.getMatchLabels().isEmpty())
                        && (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty()));
    }

    private static Map<String, String> labels(LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null) {
            return Map.of();
        }
        assertThat(selector.getMatchExpressions())
                .as("selectors use matchLabels")
                .isNullOrEmpty();
        return selector.getMatchLabels();
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    private static Set<Integer> ports(List<NetworkPolicyPort> ports) {
        Set<Integer> numbers = new TreeSet<>();
        for (NetworkPolicyPort port : ports) {
            assertThat(port.getPort().getIntVal()).as("numeric ports").isNotNull();
            numbers.add(port.getPort().getIntVal());
        }
        return numbers;
    }
}
