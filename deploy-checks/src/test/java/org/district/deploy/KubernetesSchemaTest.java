package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is valid: built-in kinds parse strictly into the Kubernetes model; operator resources
 * (Strimzi, CloudNativePG) have the apiVersion, kind, metadata and spec shape their operators expect.
 */
class KubernetesSchemaTest {

    /** Custom resources the manifests may use; their fields are checked in the Kafka and PostgreSQL tests. */
    static final Set<String> OPERATOR_KINDS = Set.of(
            "kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser",
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database");

    private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void builtInObjectsMatchTheKubernetesSchema(String overlay) {
        for (Map<String, Object> object : Manifests.of(overlay).objects) {
            if (StrictKubernetesModel.isBuiltIn(object)) {
                assertThatCode(() -> StrictKubernetesModel.parse(object))
                        .as("%s in %s", Tree.id(object), overlay)
                        .doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesAreOnlyTheOperatorsKinds(String overlay) {
        for (Map<String, Object> object : Manifests.of(overlay).objects) {
            if (!StrictKubernetesModel.isBuiltIn(object)) {
                assertThat(object.get("apiVersion") + "/" + Tree.kind(object))
                        .as(Tree.id(object))
                        .isIn(OPERATOR_KINDS);
                assertThat(object).as(Tree.id(object)).containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
                assertThat(object.get("spec")).as("spec of %s", Tree.id(object)).isInstanceOf(Map.class);
                assertThat(Tree.mapAt(object, "metadata"))
                        .as("metadata of %s", Tree.id(object))
                        .containsKeys("name", "namespace");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void namesAreValidKubernetesNames(String overlay) {
        for (Map<String, Object> object : Manifests.of(overlay).objects) {
            String name = Tree.name(object);
            assertThat(name)
                    .as("name of %s", Tree.id(object))
                    .hasSizeLessThanOrEqualTo(253)
                    .matches(DNS_SUBDOMAIN);
            if (Set.of("Service", "Namespace").contains(Tree.kind(object))) {
                assertThat(name)
                        .as("Service names are DNS labels")
                        .hasSizeLessThanOrEqualTo(63)
                        .matches(DNS_LABEL);
            }
        }
    }

    // ---------------------------------------------------------------- the validator itself

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: sample
            spec:
              selector:
                matchLabels:
                  app: sample
              template:
                metadata:
                  labels:
                    app: sample
                spec:
                  containers:
                    - name: sample
                      image: sample:1.0.0
                      %s
            """;

    private static Map<String, Object> deployment(String containerField) {
        return Tree.map(
                YamlFiles.documents(DEPLOYMENT.formatted(containerField), "test")
                        .get(0),
                "test");
    }

    @Test
    void validatorAcceptsAValidDeployment() {
        Deployment parsed = StrictKubernetesModel.parse(deployment("imagePullPolicy: IfNotPresent"), Deployment.class);

        assertThat(parsed.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImagePullPolicy())
                .isEqualTo("IfNotPresent");
    }

    @Test
    void validatorRejectsAnUnknownField() {
        assertThatThrownBy(() -> StrictKubernetesModel.parse(deployment("imagePulPolicy: IfNotPresent")))
                .hasMessageContaining("imagePulPolicy");
    }

    @Test
    void validatorRejectsANumberWhereTheApiWantsAString() {
        assertThatThrownBy(() -> StrictKubernetesModel.parse(deployment("env: [{name: PORT, value: 8081}]")))
                .hasMessageContaining("does not match the Kubernetes schema");
    }

    @Test
    void validatorRejectsAStringWhereTheApiWantsANumber() {
        assertThatThrownBy(() -> StrictKubernetesModel.parse(deployment("ports: [{containerPort: \"8081\"}]")))
                .hasMessageContaining("does not match the Kubernetes schema");
    }

    @Test
    void validatorRejectsAnApiVersionTheClusterDoesNotServe() {
        Map<String, Object> old = deployment("imagePullPolicy: IfNotPresent");
        old.put("apiVersion", "extensions/v1beta1");

        assertThatThrownBy(() -> StrictKubernetesModel.parse(old)).hasMessageContaining("unknown built-in kind");
    }
}
