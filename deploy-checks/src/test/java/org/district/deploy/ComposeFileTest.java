package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docker-compose.yml parses and is complete: pinned images, health checks, start order on health, named volumes, one
 * database and role per service and for the console (and one for the bundled identity provider) from the init script,
 * the topics of the event contracts, Kafka only for the services that use it, the console calling the services inside
 * the compose network, and for each service only environment variables it really reads, with passwords and secrets
 * taken from the operator's .env. The identity provider itself is checked by {@link IdentityProviderTest}.
 */
class ComposeFileTest {

    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    static final Map<String, Object> COMPOSE = YamlFiles.single(RepositoryFiles.path("docker-compose.yml"));

    @Test
    void definesTheWholeSystem() {
        assertThat(services().keySet())
                .containsExactlyInAnyOrder(
                        "postgres",
                        "kafka-tls",
                        "kafka",
                        "kafka-init",
                        "keycloak",
                        "proxy",
                        "inventory-service",
                        "loss-report-service",
                        "checkin-service",
                        "console");
    }

    @Test
    void everyImageIsPinned() {
        services().forEach((name, service) -> {
            String image = Tree.stringAt(service, "image");
            assertThat(image).as("image of %s", name).isNotNull();
            assertThat(WorkloadPolicyTest.isPinned(image))
                    .as("%s image %s is pinned", name, image)
                    .isTrue();
        });
    }

    @Test
    void thirdPartyImagesArePinnedByDigest() {
        // A tag can be moved to another image; a digest cannot. The proxy (caddy) is pinned by its exact version only
        // until its digest is confirmed against its registry.
        Set<String> byVersionOnly = Set.of("proxy");
        services().forEach((name, service) -> {
            String image = Tree.stringAt(service, "image");
            if (image.startsWith("district/") || byVersionOnly.contains(name)) {
                return;
            }
            assertThat(image).as("image of %s", name).matches("[^@]+:[^@/]+@sha256:[0-9a-f]{64}");
        });
        for (String from : RepositoryFiles.read("deploy/keycloak/Dockerfile").split("\\R")) {
            if (from.startsWith("FROM ")) {
                assertThat(from).matches("FROM [^@ ]+@sha256:[0-9a-f]{64}( AS \\w+)?");
            }
        }
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        services().forEach((name, service) -> {
            if (name.equals("kafka-init") || name.equals("kafka-tls")) {
                assertThat(service.get("restart")).as("%s runs once", name).isEqualTo("no");
                return;
            }
            assertThat(Tree.listAt(service, "healthcheck", "test"))
                    .as("health check of %s", name)
                    .isNotEmpty();
            assertThat(service.get("restart")).as("restart policy of %s", name).isEqualTo("unless-stopped");
        });
    }

    @Test
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() {
        assertThat(dependsOn("kafka-init")).containsExactlyEntriesOf(Map.of("kafka", "service_healthy"));
        assertThat(dependsOn("keycloak")).containsExactlyEntriesOf(Map.of("postgres", "service_healthy"));
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Map<String, String> expected = new TreeMap<>();
            expected.put("postgres", "service_healthy");
            if (service.kafka) {
                expected.put("kafka-init", "service_completed_successfully");
            }
            assertThat(new TreeMap<>(dependsOn(service.module)))
                    .as(service.module)
                    .isEqualTo(expected);
        }
        Map<String, String> proxy = new TreeMap<>();
        proxy.put("keycloak", "service_healthy");
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            proxy.put(service.module, "service_healthy");
        }
        assertThat(new TreeMap<>(dependsOn("proxy"))).isEqualTo(proxy);
    }

    @Test
    void dataLivesInNamedVolumes() {
        Set<String> declared = Tree.mapAt(COMPOSE, "volumes").keySet();
        Map<String, String> dataPaths = Map.of(
                "postgres", "/var/lib/postgresql/data",
                "kafka", "/var/lib/kafka/data",
                "proxy", "/data");
        dataPaths.forEach((name, path) -> {
            String mount = volumes(name).stream()
                    .filter(v -> v.split(":")[1].equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " keeps " + path + " in no volume"));
            assertThat(declared).as("%s data volume is named", name).contains(mount.split(":")[0]);
        });
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void serviceIsBuiltFromTheServiceDockerfileWithItsPort(ServiceProperties.Service service) {
        Map<String, Object> definition = services().get(service.module);

        assertThat(Tree.stringAt(definition, "build", "context")).isEqualTo("./" + service.module);
        assertThat(Tree.stringAt(definition, "build", "dockerfile")).isEqualTo("../" + DockerfileTest.DOCKERFILE);
        assertThat(RepositoryFiles.path(DockerfileTest.DOCKERFILE)).isRegularFile();
        assertThat(Tree.stringAt(definition, "build", "args", "HTTP_PORT"))
                .isEqualTo(Integer.toString(service.properties().defaultHttpPort()));
        assertThat(Tree.stringAt(definition, "image")).startsWith("district/" + service.module + ":");
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void environmentNamesOnlyWhatTheServiceReads(ServiceProperties.Service service) {
        ServiceProperties properties = service.properties();
        Map<String, String> environment = environment(service.module);

        assertThat(environment.keySet()).allSatisfy(name -> assertThat(properties.reads(name))
                .as("%s is read by %s", name, properties.origin())
                .isTrue());
        assertThat(environment.keySet()).containsAll(properties.requiredInProduction());
        assertThat(environment).containsEntry("DB_HOST", "postgres");
        if (service.kafka) {
            assertThat(environment)
                    .containsEntry("KAFKA_CREATE_TOPICS", "false")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        } else {
            assertThat(environment.keySet())
                    .as("%s uses no Kafka", service.module)
                    .noneMatch(name -> name.startsWith("KAFKA_"));
        }
        assertThat(Tree.stringAt(services().get(service.module), "environment", "QUARKUS_PROFILE"))
                .as("the production profile, unless the operator's override says otherwise")
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void servicesAreCalledInsideTheComposeNetwork(ServiceProperties.Service service) {
        Map<String, String> environment = environment(service.module);

        service.calls().forEach((name, called) -> assertThat(environment)
                .as("%s calls %s by its compose name and port", service.module, called.module)
                .containsEntry(name, "http://" + called.module + ":" + called.port));
        if (service == ServiceProperties.Service.CONSOLE) {
            assertThat(service.calls().values())
                    .as("the console calls every service")
                    .containsExactlyInAnyOrder(
                            ServiceProperties.Service.INVENTORY,
                            ServiceProperties.Service.LOSS_REPORT,
                            ServiceProperties.Service.CHECKIN);
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void secretsComeFromTheOperatorsEnvFile(ServiceProperties.Service service) {
        Map<String, String> environment = environment(service.module);
        environment.forEach((name, value) -> {
            if (WorkloadPolicyTest.looksSecret(name) && !name.equals("DB_USER")) {
                Matcher m = INTERPOLATION.matcher(value);
                assertThat(m.matches())
                        .as("%s is taken from .env, not written here: %s", name, value)
                        .isTrue();
                assertThat(m.group(3) == null
                                || m.group(2).endsWith("?")
                                || m.group(3).isEmpty())
                        .as("%s has no default value", name)
                        .isTrue();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void portsHealthAndShutdownMatchTheService(ServiceProperties.Service service) {
        Map<String, Object> definition = services().get(service.module);
        Map<String, String> environment = environment(service.module);
        int port = service.properties().defaultHttpPort();

        assertThat(environment).containsEntry("HTTP_PORT", Integer.toString(port));
        assertThat(definition)
                .as("%s is reached through the proxy only", service.module)
                .doesNotContainKey("ports");
        assertThat(String.join(" ", strings(Tree.listAt(definition, "healthcheck", "test"))))
                .contains("http://127.0.0.1:" + port + "/q/health/");
        long grace = ServiceProperties.parseDuration(Tree.stringAt(definition, "stop_grace_period"))
                .toSeconds();
        assertThat(grace)
                .as("stop_grace_period covers quarkus.shutdown.timeout")
                .isGreaterThanOrEqualTo(service.properties().shutdownTimeout().toSeconds() + 10);
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void nothingIsMountedIntoAService(ServiceProperties.Service service) {
        Map<String, Object> definition = services().get(service.module);

        assertThat(definition)
                .as("%s gets no files (no key: tokens are verified with the provider's published keys)", service.module)
                .doesNotContainKeys("configs", "secrets");
        assertThat(volumes(service.module))
                .as(
                        "%s gets at most the Kafka certificate authority's certificate, read-only, never a key",
                        service.module)
                .isSubsetOf(List.of("kafka-ca:/etc/kafka/ca:ro"));
        assertThat(COMPOSE).doesNotContainKeys("configs", "secrets");
    }

    @Test
    void initScriptCreatesEachServicesDatabaseAndRole() {
        String script = RepositoryFiles.read("deploy/postgres/init-databases.sh");
        Matcher m = Pattern.compile("(?m)^create_service_database (\\S+) (\\S+) \"\\$\\{(\\w+):-}\"$")
                .matcher(script);
        Map<String, String[]> created = new LinkedHashMap<>();
        while (m.find()) {
            created.put(m.group(2), new String[] {m.group(1), m.group(3)});
        }
        Map<String, String> postgresEnvironment = environment("postgres");

        List<String> databases = new ArrayList<>();
        java.util.Arrays.stream(ServiceProperties.Service.values()).forEach(s -> databases.add(s.database));
        databases.add("keycloak");
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(databases);
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Map<String, String> environment = environment(service.module);
            String[] roleAndPassword = created.get(environment.get("DB_NAME"));
            assertThat(roleAndPassword)
                    .as("database %s is created", environment.get("DB_NAME"))
                    .isNotNull();
            assertThat(environment.get("DB_USER")).isEqualTo(roleAndPassword[0]);
            assertThat(variable(environment.get("DB_PASSWORD")))
                    .as("%s uses the password its role was created with", service.module)
                    .isEqualTo(roleAndPassword[1])
                    .isEqualTo(variable(postgresEnvironment.get(roleAndPassword[1])));
        }
        Map<String, String> keycloak = environment("keycloak");
        String[] keycloakRole = created.get("keycloak");
        assertThat(keycloak)
                .as("the identity provider uses its own database and role")
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak")
                .containsEntry("KC_DB_USERNAME", keycloakRole[0]);
        assertThat(variable(keycloak.get("KC_DB_PASSWORD")))
                .isEqualTo(keycloakRole[1])
                .isEqualTo(variable(postgresEnvironment.get(keycloakRole[1])));
        assertThat(String.join(" ", strings(Tree.listAt(services().get("postgres"), "healthcheck", "test"))))
                .as("postgres is healthy once the last database of the init script exists")
                .contains("-d keycloak ");
        assertThat(volumes("postgres"))
                .contains("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/10-init-databases.sh:ro");
        assertThat(RepositoryFiles.path("deploy/postgres/init-databases.sh")).isExecutable();
    }

    @Test
    void kafkaInitCreatesTheEventContractsTopics() {
        Map<String, String> expected = new TreeMap<>();
        Topics.ALL.forEach(t -> expected.put(t.name(), t.partitions() + " " + (t.compacted() ? "compact" : "delete")));
        Map<String, String> listed = new TreeMap<>();
        for (String line : RepositoryFiles.read("deploy/kafka/topics.txt").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            assertThat(fields).as(line).hasSize(3);
            listed.put(fields[0], fields[1] + " " + fields[2]);
        }

        assertThat(listed).isEqualTo(expected);
        Map<String, String> environment = environment("kafka-init");
        assertThat(volumes("kafka-init")).contains("./deploy/kafka:/deploy/kafka:ro");
        assertThat(environment).containsEntry("TOPICS_FILE", "/deploy/kafka/topics.txt");
        assertThat(strings(Tree.listAt(services().get("kafka-init"), "entrypoint")))
                .containsExactly("/bin/bash", "/deploy/kafka/create-topics.sh");
        assertThat(RepositoryFiles.read("deploy/kafka/create-topics.sh"))
                .contains("TOPICS_FILE", "cleanup.policy=$policy", "--partitions \"$partitions\"");
        assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void everyKafkaClientSignsInAndGetsOnlyTheGrantsOfTheAccessList() {
        Map<String, String> kafka = environment("kafka");
        for (String listener : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            assertThat(listener)
                    .as("every listener takes only signed-in clients")
                    .contains(":SASL_");
        }
        assertThat(kafka)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:kafka-admin")
                .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        assertThat(kafka.get("KAFKA_LISTENER_NAME_ADMIN_PLAIN_SASL_JAAS_CONFIG"))
                .contains("password=\"${KAFKA_ADMIN_PASSWORD:?");

        Map<String, String> init = environment("kafka-init");
        assertThat(init).containsEntry("ACCESS_FILE", "/deploy/kafka/access.txt");
        assertThat(RepositoryFiles.read("deploy/kafka/create-topics.sh"))
                .contains("ACCESS_FILE", "kafka-acls.sh", "--allow-principal \"User:$principal\"", "SCRAM-SHA-512=");
        for (String user : List.of("INVENTORY", "LOSSREPORT", "CHECKIN", "HR_FEED", "ACCESS_CONTROL")) {
            assertThat(init.get(user + "_KAFKA_PASSWORD")).startsWith("${" + user + "_KAFKA_PASSWORD:?");
        }
        assertThat(environment("inventory-service").get("KAFKA_PASSWORD")).startsWith("${INVENTORY_KAFKA_PASSWORD:?");
        assertThat(environment("loss-report-service").get("KAFKA_PASSWORD"))
                .startsWith("${LOSSREPORT_KAFKA_PASSWORD:?");
        assertThat(environment("checkin-service").get("KAFKA_PASSWORD")).startsWith("${CHECKIN_KAFKA_PASSWORD:?");
    }

    @Test
    void kafkaTrafficGoesOverTlsWithTheInstallationsOwnCertificateAuthority() {
        Map<String, String> kafka = environment("kafka");
        for (String listener : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            if (!listener.startsWith("CONTROLLER:")) {
                assertThat(listener)
                        .as("a listener other containers reach takes TLS only")
                        .endsWith(":SASL_SSL");
            }
        }
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .as("the plaintext controller listener stays inside the broker's own container")
                .isEqualTo("1@kafka:9093");
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("CONTROLLER://:9093");
        assertThat(kafka)
                .containsEntry("KAFKA_SSL_KEYSTORE_LOCATION", "/etc/kafka/tls/broker.p12")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca/ca.crt");
        assertThat(kafka.get("KAFKA_SSL_KEYSTORE_PASSWORD")).startsWith("${KAFKA_TLS_PASSWORD:?");
        assertThat(volumes("kafka")).contains("kafka-tls:/etc/kafka/tls:ro", "kafka-ca:/etc/kafka/ca:ro");
        assertThat(Tree.stringAt(services().get("kafka"), "depends_on", "kafka-tls", "condition"))
                .isEqualTo("service_completed_successfully");
        assertThat(RepositoryFiles.read("deploy/kafka/make-tls.sh"))
                .contains("SAN=dns:kafka", "/ca/ca.crt", "broker.p12");
        assertThat(RepositoryFiles.read("deploy/kafka/admin.sh")).contains("security.protocol=SASL_SSL");
        for (String service : List.of("inventory-service", "loss-report-service", "checkin-service")) {
            Map<String, String> environment = environment(service);
            assertThat(environment.getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"))
                    .as("%s reaches Kafka over TLS", service)
                    .isEqualTo("SASL_SSL");
            assertThat(environment).containsEntry("KAFKA_TRUSTSTORE", "/etc/kafka/ca/ca.crt");
            assertThat(volumes(service))
                    .as("%s gets the CA's certificate, never the broker's key", service)
                    .contains("kafka-ca:/etc/kafka/ca:ro")
                    .noneMatch(v -> v.startsWith("kafka-tls:"));
        }
    }

    @Test
    void onlyTheHttpsProxyIsPublishedAndQuarkusEndpointsStayInside() {
        services().forEach((name, definition) -> {
            if (!name.equals("proxy")) {
                assertThat(definition).as("%s publishes no port", name).doesNotContainKey("ports");
            }
        });
        assertThat(strings(Tree.listAt(services().get("proxy"), "ports")))
                .containsExactlyInAnyOrder("443:443", "80:80");
        assertThat(volumes("proxy"))
                .contains(
                        "./deploy/proxy/Caddyfile:/etc/caddy/Caddyfile:ro",
                        "${TLS_CERT_DIR:-./deploy/tls}:/etc/caddy/tls:ro");

        String caddyfile = RepositoryFiles.read("deploy/proxy/Caddyfile");
        assertThat(caddyfile)
                .as("the district's certificate, never one requested from the internet")
                .contains("auto_https disable_certs")
                .contains("tls /etc/caddy/tls/tls.crt /etc/caddy/tls/tls.key")
                .contains("Strict-Transport-Security");
        Matcher internal = Pattern.compile("@internal path /q /q/\\*\\s+respond @internal 404")
                .matcher(caddyfile);
        assertThat(internal.find()).as("/q/* answers 404 from outside").isTrue();
        Map<String, String> hosts = Map.of(
                "inventory-service",
                "INVENTORY_HOST",
                "loss-report-service",
                "REPORTS_HOST",
                "checkin-service",
                "CHECKIN_HOST",
                "console",
                "CONSOLE_HOST");
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            String host = hosts.get(service.module);
            Matcher site = Pattern.compile("\\{\\$" + host + "} \\{\\s+import district\\s+reverse_proxy "
                            + Pattern.quote(
                                    service.module + ":" + service.properties().defaultHttpPort()))
                    .matcher(caddyfile);
            assertThat(site.find())
                    .as("%s is served at %s with the /q rule", service.module, host)
                    .isTrue();
            assertThat(variable(environment("proxy").get(host))).isEqualTo(host);
        }
        for (String service : List.of("loss-report-service", "checkin-service")) {
            assertThat(environment(service).get("CONSOLE_BASE_URL")).startsWith("https://${CONSOLE_HOST:?");
        }
        assertThat(environment("console").get("WEB_PUBLIC_ORIGINS")).startsWith("https://${CONSOLE_HOST:?");
        assertThat(RepositoryFiles.read(".gitignore")).contains("/deploy/tls/");
    }

    @Test
    void mailGoesThroughTheDistrictsRelayWithTlsAndALogin() {
        Map<String, String> environment = environment("loss-report-service");
        assertThat(environment.get("SMTP_HOST")).startsWith("${SMTP_HOST:?");
        assertThat(environment).containsEntry("SMTP_START_TLS", "${SMTP_START_TLS:-REQUIRED}");
        assertThat(environment).containsEntry("SMTP_LOGIN", "${SMTP_LOGIN:-REQUIRED}");
        assertThat(environment.get("SMTP_USERNAME")).startsWith("${SMTP_USERNAME:?");
        assertThat(environment.get("SMTP_PASSWORD")).startsWith("${SMTP_PASSWORD:?");
        assertThat(services()).as("no mail catcher on a server").doesNotContainKey("mailpit");
    }

    @Test
    void everyRequiredValueIsInTheEnvExample() {
        Set<String> required = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(RepositoryFiles.read("docker-compose.yml"));
        while (m.find()) {
            if (m.group(2) != null && m.group(2).endsWith("?")) {
                required.add(m.group(1));
            }
        }
        Set<String> example = new TreeSet<>();
        for (String line : RepositoryFiles.read("deploy/compose.env.example").split("\\R")) {
            if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }

        assertThat(required).isNotEmpty();
        assertThat(example).containsAll(required);
    }

    @Test
    void localDemoOverrideOnlySetsWhatTheServicesRead() {
        Map<String, Object> override =
                YamlFiles.single(RepositoryFiles.path("deploy/docker-compose.override.yml.example"));

        assertThat(override).containsOnlyKeys("services");
        List<String> expected = new ArrayList<>(List.of("keycloak", "mailpit", "proxy"));
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            expected.add(service.module);
        }
        assertThat(Tree.mapAt(override, "services").keySet()).containsExactlyInAnyOrderElementsOf(expected);
        Tree.mapAt(override, "services").forEach((name, definition) -> {
            for (Object port : Tree.listAt(definition, "ports")) {
                assertThat(port.toString())
                        .as("%s is published on the loopback address only", name)
                        .startsWith("127.0.0.1:");
            }
            ServiceProperties.Service service = ServiceProperties.Service.byModuleOrNull(name);
            if (service == null) {
                return;
            }
            ServiceProperties properties = service.properties();
            Map<String, Object> environment = Tree.mapAt(definition, "environment");
            assertThat(environment).containsEntry("QUARKUS_PROFILE", "local");
            assertThat(environment.keySet())
                    .allSatisfy(n -> assertThat(properties.reads(n)).as(n).isTrue());
        });
        assertThat(strings(Tree.listAt(Tree.mapAt(override, "services"), "proxy", "profiles")))
                .as("the demo starts no HTTPS proxy")
                .containsExactly("tls-proxy");
        assertThat(Files.exists(RepositoryFiles.path("docker-compose.override.yml")))
                .as("the local-demo override is never committed in place")
                .isFalse();
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        Tree.mapAt(COMPOSE, "services").forEach((k, v) -> services.put(k, Tree.map(v, k)));
        return services;
    }

    static Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Tree.mapAt(services().get(service), "environment")
                .forEach((k, v) -> environment.put(k, v == null ? "" : v.toString()));
        return environment;
    }

    static Map<String, String> dependsOn(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Tree.mapAt(services().get(service), "depends_on")
                .forEach((k, v) -> conditions.put(k, Tree.stringAt(v, "condition")));
        return conditions;
    }

    static List<String> volumes(String service) {
        return strings(Tree.listAt(services().get(service), "volumes"));
    }

    static List<String> strings(List<Object> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add(v.toString()));
        return strings;
    }

    static String variable(String interpolation) {
        Matcher m = INTERPOLATION.matcher(interpolation);
        assertThat(m.matches()).as("%s is an interpolation", interpolation).isTrue();
        return m.group(1);
    }
}
