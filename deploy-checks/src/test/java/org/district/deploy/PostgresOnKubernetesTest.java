package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL through CloudNativePG: one cluster, and for each service (and the identity provider, where an overlay runs
 * one) a login role whose password is the Secret it reads and a database it owns, named as its DB_NAME (KC_DB_URL);
 * no other database; the connection pools of every replica fit in max_connections.
 */
class PostgresOnKubernetesTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void clusterIsPinnedAndPersistent(String overlay) {
        Map<String, Object> cluster = cluster(Manifests.of(overlay));

        assertThat(WorkloadPolicyTest.isPinned(Tree.stringAt(cluster, "spec", "imageName")))
                .isTrue();
        assertThat(Tree.stringAt(cluster, "spec", "storage", "size")).matches("\\d+[GT]i");
        assertThat(Tree.mapAt(cluster, "spec", "resources")).containsKeys("requests", "limits");
        int instances = (Integer) Tree.at(cluster, "spec", "instances");
        assertThat(instances).isPositive();
        if (overlay.equals("production")) {
            assertThat(instances).as("a primary and two standbys").isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsOwnRoleAndDatabase(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> cluster = cluster(manifests);
        String clusterName = Tree.name(cluster);
        List<Map<String, Object>> roles = Tree.listAt(cluster, "spec", "managed", "roles").stream()
                .map(r -> Tree.map(r, "role"))
                .toList();
        List<Map<String, Object>> databases = manifests.ofKind("Database");
        assertThat(databases)
                .hasSize(ServiceProperties.Service.values().length
                        + identityProviders(manifests).size());

        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Map<String, String> env = manifests.environment(Manifests.mainContainer(manifests.deployment(service)));
            assertThat(env).as(service.module).containsEntry("DB_HOST", clusterName + "-rw");
            assertThat(env).containsEntry("DB_PORT", "5432").containsEntry("DB_NAME", service.database);
            String secret = env.get("DB_PASSWORD").replaceFirst("^secret:", "").replaceFirst("/password$", "");
            assertThat(env).containsEntry("DB_USER", "secret:" + secret + "/username");

            Map<String, Object> role = roles.stream()
                    .filter(r -> secret.equals(Tree.stringAt(r, "passwordSecret", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no managed role uses the Secret " + secret));
            assertThat(role).containsEntry("login", true).containsEntry("ensure", "present");
            assertThat(role.get("superuser")).as("no superuser").isNotEqualTo(true);
            assertThat(databases)
                    .as("database %s owned by %s", service.database, role.get("name"))
                    .anySatisfy(db -> {
                        assertThat(db.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
                        assertThat(Tree.stringAt(db, "spec", "name")).isEqualTo(service.database);
                        assertThat(Tree.stringAt(db, "spec", "owner")).isEqualTo(role.get("name"));
                        assertThat(Tree.stringAt(db, "spec", "cluster", "name")).isEqualTo(clusterName);
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIdentityProviderHasItsOwnRoleAndDatabase(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, Object> cluster = cluster(manifests);
        String clusterName = Tree.name(cluster);
        for (Deployment keycloak : identityProviders(manifests)) {
            Map<String, String> env = manifests.environment(Manifests.mainContainer(keycloak));
            Matcher url =
                    Pattern.compile("jdbc:postgresql://([^:/]+):5432/(\\w+)").matcher(env.get("KC_DB_URL"));
            assertThat(url.matches()).as("KC_DB_URL %s", env.get("KC_DB_URL")).isTrue();
            assertThat(url.group(1)).isEqualTo(clusterName + "-rw");
            String secret =
                    env.get("KC_DB_PASSWORD").replaceFirst("^secret:", "").replaceFirst("/password$", "");
            assertThat(env).containsEntry("KC_DB_USERNAME", "secret:" + secret + "/username");
            Map<String, Object> role = Tree.listAt(cluster, "spec", "managed", "roles").stream()
                    .map(r -> Tree.map(r, "role"))
                    .filter(r -> secret.equals(Tree.stringAt(r, "passwordSecret", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no managed role uses the Secret " + secret));
            assertThat(role).containsEntry("login", true).containsEntry("ensure", "present");
            assertThat(role.get("superuser")).as("no superuser").isNotEqualTo(true);
            assertThat(manifests.ofKind("Database"))
                    .as("database %s owned by %s", url.group(2), role.get("name"))
                    .anySatisfy(db -> {
                        assertThat(Tree.stringAt(db, "spec", "name")).isEqualTo(url.group(2));
                        assertThat(Tree.stringAt(db, "spec", "owner")).isEqualTo(role.get("name"));
                        assertThat(Tree.stringAt(db, "spec", "cluster", "name")).isEqualTo(clusterName);
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void connectionPoolsFitMaxConnections(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        int maxConnections = Integer.parseInt(
                Tree.stringAt(cluster(manifests), "spec", "postgresql", "parameters", "max_connections"));
        int needed = 0;
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Deployment deployment = manifests.deployment(service);
            Map<String, String> env = manifests.environment(Manifests.mainContainer(deployment));
            int pool = Integer.parseInt(env.getOrDefault("DB_POOL_MAX", defaultPool(service)));
            int replicas = deployment.getSpec().getReplicas() != null
                    ? deployment.getSpec().getReplicas()
                    : manifests
                            .typed("HorizontalPodAutoscaler", service.module, HorizontalPodAutoscaler.class)
                            .getSpec()
                            .getMaxReplicas();
            // A rolling update runs one extra pod (maxSurge 1) next to the others.
            needed += pool * (replicas + 1);
        }
        for (Deployment keycloak : identityProviders(manifests)) {
            Map<String, String> env = manifests.environment(Manifests.mainContainer(keycloak));
            // Keycloak's own default pool is 100 connections.
            int pool = Integer.parseInt(env.getOrDefault("KC_DB_POOL_MAX_SIZE", "100"));
            needed += pool * (keycloak.getSpec().getReplicas() + 1);
        }
        assertThat(needed + 10)
                .as("pools of every replica, during a rollout, plus room for the operator and maintenance")
                .isLessThanOrEqualTo(maxConnections);
    }

    private static String defaultPool(ServiceProperties.Service service) {
        return service.properties().references().stream()
                .filter(r -> r.name().equals("DB_POOL_MAX"))
                .findFirst()
                .orElseThrow()
                .defaultValue();
    }

    /** The Deployments of an identity provider (Keycloak) the overlay runs on the cluster. */
    private static List<Deployment> identityProviders(Manifests manifests) {
        return manifests.typed("Deployment", Deployment.class).stream()
                .filter(d -> manifests.environment(Manifests.mainContainer(d)).containsKey("KC_DB_URL"))
                .toList();
    }

    private static Map<String, Object> cluster(Manifests manifests) {
        List<Map<String, Object>> clusters = manifests.ofKind("Cluster");
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
        return clusters.get(0);
    }
}
