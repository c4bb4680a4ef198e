package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.district.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka through Strimzi: a KRaft cluster with node pools, a listener the services use, and one KafkaTopic for every
 * topic of the event contracts, with its partitions, cleanup policy and a replication the cluster can hold.
 */
class KafkaOnKubernetesTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void clusterRunsInKraftModeWithNodePools(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> kafka = kafka(manifests);

        assertThat(Tree.mapAt(kafka, "metadata", "annotations"))
                .containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        assertThat(Tree.stringAt(kafka, "spec", "kafka", "version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Tree.at(kafka, "spec", "zookeeper")).as("no ZooKeeper").isNull();
        assertThat(Tree.mapAt(kafka, "spec", "kafka", "config"))
                .as("topics come only from KafkaTopic resources")
                .containsEntry("auto.create.topics.enable", false);
        assertThat(Tree.mapAt(kafka, "spec", "entityOperator", "topicOperator"))
                .as("the topic operator reconciles the KafkaTopics")
                .isNotNull();

        List<Map<String, Object>> pools = manifests.ofKind("KafkaNodePool");
        assertThat(pools).isNotEmpty().allSatisfy(pool -> {
            assertThat(pool.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(Tree.mapAt(pool, "metadata", "labels")).containsEntry("strimzi.io/cluster", Tree.name(kafka));
            assertThat(Tree.at(pool, "spec", "replicas")).isInstanceOf(Integer.class);
            assertThat(Tree.listAt(pool, "spec", "roles")).isNotEmpty().isSubsetOf("broker", "controller");
            assertThat(Tree.stringAt(pool, "spec", "storage", "type")).isIn("jbod", "persistent-claim");
        });
        assertThat(nodes(manifests, "controller")).as("controllers").isOdd();
        assertThat(brokers(manifests)).as("brokers").isPositive();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void replicationFitsTheBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> config = Tree.mapAt(kafka(manifests), "spec", "kafka", "config");
        int brokers = brokers(manifests);

        for (String key : List.of(
                "default.replication.factor",
                "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertThat((Integer) config.get(key)).as(key).isBetween(1, brokers);
        }
        assertThat((Integer) config.get("min.insync.replicas"))
                .isLessThanOrEqualTo((Integer) config.get("default.replication.factor"));
        if (overlay.equals("production")) {
            assertThat(brokers).isGreaterThanOrEqualTo(3);
            assertThat((Integer) config.get("min.insync.replicas")).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsAreExactlyTheEventContractsTopics(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String cluster = Tree.name(kafka(manifests));
        int brokers = brokers(manifests);

        Map<String, String> expected = new TreeMap<>();
        Topics.ALL.forEach(t -> expected.put(t.name(), t.partitions() + " " + (t.compacted() ? "compact" : "delete")));
        Map<String, String> actual = new TreeMap<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            assertThat(topic.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(Tree.mapAt(topic, "metadata", "labels")).containsEntry("strimzi.io/cluster", cluster);
            String name = Tree.stringAt(topic, "spec", "topicName");
            int replicas = (Integer) Tree.at(topic, "spec", "replicas");
            Object minInsync = Tree.at(topic, "spec", "config", "min.insync.replicas");
            assertThat(replicas).as("replicas of %s", name).isBetween(1, brokers);
            assertThat((Integer) minInsync)
                    .as("min.insync.replicas of %s", name)
                    .isBetween(1, replicas);
            if (overlay.equals("production")) {
                assertThat(replicas).as("replicas of %s", name).isGreaterThanOrEqualTo(3);
                assertThat(replicas - (Integer) minInsync)
                        .as("%s stays writable with one broker down", name)
                        .isGreaterThanOrEqualTo(1);
                assertThat((Integer) minInsync)
                        .as("acknowledged on two brokers")
                        .isGreaterThanOrEqualTo(2);
            }
            actual.put(
                    name,
                    Tree.at(topic, "spec", "partitions") + " " + Tree.at(topic, "spec", "config", "cleanup.policy"));
        }

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesBootstrapFromTheListener(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> kafka = kafka(manifests);
        Map<String, Object> listener = Tree.listAt(kafka, "spec", "kafka", "listeners").stream()
                .map(l -> Tree.map(l, "listener"))
                .filter(l -> "internal".equals(l.get("type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no internal listener"));
        String bootstrap = Tree.name(kafka) + "-kafka-bootstrap:" + listener.get("port");

        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Map<String, String> environment =
                    manifests.environment(Manifests.mainContainer(manifests.deployment(service)));
            if (service.kafka) {
                assertThat(environment).as(service.module).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            } else {
                assertThat(environment.keySet())
                        .as("%s uses no Kafka", service.module)
                        .noneMatch(name -> name.startsWith("KAFKA_"));
            }
        }
        assertThat(listener.get("tls"))
                .as("the listener takes TLS only (SCRAM sign-in, inside the cluster)")
                .isEqualTo(true);
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            if (!service.kafka) {
                continue;
            }
            var deployment = manifests.deployment(service);
            var container = Manifests.mainContainer(deployment);
            String truststore = manifests.environment(container).get("KAFKA_TRUSTSTORE");
            assertThat(truststore)
                    .as("%s trusts the cluster CA", service.module)
                    .isNotBlank();
            var mount = container.getVolumeMounts().stream()
                    .filter(m -> truststore.startsWith(m.getMountPath() + "/"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError(service.module + ": " + truststore + " is mounted from nothing"));
            var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.getSecret().getSecretName())
                    .as("%s: the CA Strimzi keeps for the cluster", service.module)
                    .isEqualTo(Tree.name(kafka) + "-cluster-ca-cert");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyClientSignsInAsItsOwnUserWithTheGrantsOfTheAccessList(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> kafka = kafka(manifests);
        assertThat(Tree.listAt(kafka, "spec", "kafka", "listeners"))
                .allSatisfy(listener -> assertThat(Tree.stringAt(listener, "authentication", "type"))
                        .isEqualTo("scram-sha-512"));
        assertThat(Tree.stringAt(kafka, "spec", "kafka", "authorization", "type"))
                .isEqualTo("simple");
        assertThat(Tree.mapAt(kafka, "spec", "entityOperator", "userOperator")).isNotNull();

        Set<String> granted = new TreeSet<>();
        for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
            assertThat(Tree.mapAt(user, "metadata", "labels")).containsEntry("strimzi.io/cluster", Tree.name(kafka));
            assertThat(Tree.stringAt(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(Tree.stringAt(user, "spec", "authorization", "type")).isEqualTo("simple");
            for (Object acl : Tree.listAt(user, "spec", "authorization", "acls")) {
                String type =
                        switch (Tree.stringAt(acl, "resource", "type")) {
                            case "transactionalId" -> "transactional-id";
                            case "topic", "group" -> Tree.stringAt(acl, "resource", "type");
                            default -> throw new AssertionError("unexpected resource type in " + acl);
                        };
                String pattern =
                        "prefix".equals(Tree.stringAt(acl, "resource", "patternType")) ? "prefixed" : "literal";
                List<String> operations = Tree.listAt(acl, "operations").stream()
                        .map(Object::toString)
                        .toList();
                granted.add(String.join(
                        " ",
                        Tree.name(user),
                        type,
                        pattern,
                        Tree.stringAt(acl, "resource", "name"),
                        String.join(",", operations)));
            }
        }
        assertThat(granted)
                .as("the KafkaUsers grant exactly deploy/kafka/access.txt")
                .isEqualTo(accessList());

        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            if (!service.kafka) {
                continue;
            }
            Container container = Manifests.mainContainer(manifests.deployment(service));
            EnvVar password = container.getEnv().stream()
                    .filter(env -> env.getName().equals("KAFKA_PASSWORD"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service.module + " has no KAFKA_PASSWORD"));
            assertThat(password.getValueFrom().getSecretKeyRef().getName())
                    .as("%s signs in as the KafkaUser of its name, whose Secret Strimzi writes", service.module)
                    .isEqualTo(service.module);
            assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
            assertThat(manifests.environment(container).getOrDefault("KAFKA_USERNAME", service.module))
                    .isEqualTo(service.module);
        }
    }

    /** The grants of deploy/kafka/access.txt, one "user resource pattern name operations" line each. */
    static Set<String> accessList() {
        Set<String> rows = new TreeSet<>();
        for (String line : RepositoryFiles.read("deploy/kafka/access.txt").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            assertThat(fields).as(line).hasSize(5);
            rows.add(String.join(" ", fields));
        }
        return rows;
    }

    private static Map<String, Object> kafka(Manifests manifests) {
        List<Map<String, Object>> clusters = manifests.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
        return clusters.get(0);
    }

    private static int brokers(Manifests manifests) {
        return nodes(manifests, "broker");
    }

    private static int nodes(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> Tree.listAt(p, "spec", "roles").contains(role))
                .mapToInt(p -> (Integer) Tree.at(p, "spec", "replicas"))
                .sum();
    }
}
