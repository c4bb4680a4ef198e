package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sign-in in every deployment. The services trust only the identity provider they are given, by its published keys:
 * nothing gives them a key or mounts a file, production reaches the provider over HTTPS (they refuse to start
 * otherwise), and every sign-in setting the services read is stated. The Keycloak bundled for demos (compose, the
 * local cluster) runs the version the project's scripts run, imports the committed district realm into a database of
 * its own, and is what the demo services trust, with the web clients and client secrets that realm defines.
 */
class IdentityProviderTest {

    static final String REALM_FILE = "deploy/keycloak/district-realm.json";
    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:";
    private static final String IMPORTED_REALM = "/opt/keycloak/data/import/district-realm.json";
    private static final JsonNode REALM = realm();

    static Stream<Arguments> serviceInOverlay() {
        return Manifests.overlayNames()
                .flatMap(o -> Stream.of(ServiceProperties.Service.values()).map(s -> Arguments.of(o, s)));
    }

    // ---------------------------------------------------------------- every deployment of the services

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void composeServicesTrustTheProviderOfTheEnvFileOverHttps(ServiceProperties.Service service) {
        Map<String, String> environment = ComposeFileTest.environment(service.module);

        Matcher server = ComposeFileTest.INTERPOLATION.matcher(environment.getOrDefault("OIDC_AUTH_SERVER_URL", ""));
        assertThat(server.matches() && server.group(1).equals("OIDC_AUTH_SERVER_URL"))
                .as("the identity provider comes from .env: %s", environment.get("OIDC_AUTH_SERVER_URL"))
                .isTrue();
        assertThat(server.group(2)).as("and has no default").isEqualTo(":?");
        assertThat(envExample().get("OIDC_AUTH_SERVER_URL"))
                .as("the production profile reaches the provider over HTTPS only")
                .startsWith("https://");
        assertThat(environment.keySet())
                .as("every sign-in setting %s reads is stated", service.module)
                .containsAll(signInSettings(service));
        assertThat(environment.keySet()).noneMatch(IdentityProviderTest::namesAKey);
    }

    @ParameterizedTest
    @MethodSource("serviceInOverlay")
    void kubernetesServicesTrustOnlyTheProviderTheyAreGiven(String overlay, ServiceProperties.Service service) {
        Manifests manifests = Manifests.of(overlay);
        Container container = Manifests.mainContainer(manifests.deployment(service));
        Map<String, String> environment = manifests.environment(container);

        assertThat(environment.keySet())
                .as("%s: every sign-in setting %s reads is stated", overlay, service.module)
                .containsAll(signInSettings(service));
        assertThat(environment.keySet()).noneMatch(IdentityProviderTest::namesAKey);
        assertThat(container.getVolumeMounts())
                .as("%s mounts nothing but /tmp and the Kafka cluster CA's certificate: no key file", service.module)
                .allSatisfy(mount -> assertThat(mount.getMountPath()).isIn("/tmp", "/etc/kafka/ca"));
        URI provider = URI.create(environment.get("OIDC_AUTH_SERVER_URL"));
        if (overlay.equals("production")) {
            assertThat(provider.getScheme())
                    .as("the production profile reaches the provider over HTTPS only")
                    .isEqualTo("https");
        }
        Optional<Deployment> bundled = bundledProvider(manifests, provider);
        if (bundled.isPresent()) {
            assertThat(provider.getPath())
                    .as("the realm the bundled Keycloak imports")
                    .isEqualTo("/realms/" + REALM.path("realm").asText());
            assertThat(Manifests.mainContainer(bundled.get()).getArgs())
                    .contains("start", "--import-realm")
                    .doesNotContain("start-dev");
            if (environment.containsKey("OIDC_WEB_CLIENT_ID")) {
                assertRealmWebClient(environment.get("OIDC_WEB_CLIENT_ID"), service.port);
            }
        } else {
            assertThat(overlay)
                    .as("only the local cluster runs its own identity provider")
                    .isEqualTo("production");
        }
    }

    @Test
    void noKeyIsKeptForTheServices() {
        assertThat(RepositoryFiles.path("deploy/jwt")).doesNotExist();
        for (String file : List.of(
                "docker-compose.yml",
                "deploy/compose.env.example",
                "deploy/docker-compose.override.yml.example",
                "k8s/base/kustomization.yaml")) {
            assertThat(RepositoryFiles.read(file))
                    .as(file)
                    .doesNotContain("JWT_")
                    .doesNotContain("PUBLIC_KEY")
                    .doesNotContain("dev-jwt");
        }
    }

    // ---------------------------------------------------------------- the bundled Keycloak

    @Test
    void everyBundledKeycloakIsTheVersionTheScriptsRun() {
        String version = scriptsVersion();

        assertThat(Tree.stringAt(ComposeFileTest.services().get("keycloak"), "image"))
                .startsWith(KEYCLOAK_IMAGE + version + "@sha256:");
        List<String> from = new ArrayList<>();
        for (String line : RepositoryFiles.read("deploy/keycloak/Dockerfile").split("\\R")) {
            if (line.startsWith("FROM ")) {
                from.add(line.substring(5)
                        .replaceFirst("(?i) AS \\w+$", "")
                        .replaceFirst("@sha256:[0-9a-f]{64}$", "")
                        .trim());
            }
        }
        assertThat(from).isNotEmpty().containsOnly(KEYCLOAK_IMAGE + version);
        for (String overlay : Manifests.OVERLAYS) {
            for (Deployment deployment : Manifests.of(overlay).typed("Deployment", Deployment.class)) {
                String image = Manifests.mainContainer(deployment).getImage();
                if (image.contains("keycloak")) {
                    assertThat(image)
                            .as("%s: built from deploy/keycloak/Dockerfile", overlay)
                            .isEqualTo("district/keycloak:" + version);
                }
            }
        }
    }

    @Test
    void composeKeycloakImportsTheDistrictRealmIntoItsOwnDatabase() {
        Map<String, Object> keycloak = ComposeFileTest.services().get("keycloak");
        Map<String, String> environment = ComposeFileTest.environment("keycloak");

        assertThat(ComposeFileTest.strings(Tree.listAt(keycloak, "command")))
                .contains("start", "--import-realm")
                .doesNotContain("start-dev");
        assertThat(ComposeFileTest.volumes("keycloak")).contains("./" + REALM_FILE + ":" + IMPORTED_REALM + ":ro");
        assertThat(REALM.path("realm").asText()).isEqualTo("district");
        assertThat(environment)
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak")
                .containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(String.join(" ", ComposeFileTest.strings(Tree.listAt(keycloak, "healthcheck", "test"))))
                .contains("/health/ready");
        for (String secret : List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            Matcher m = ComposeFileTest.INTERPOLATION.matcher(environment.get(secret));
            assertThat(m.matches() && ":?".equals(m.group(2)))
                    .as("%s is taken from .env, with no default: %s", secret, environment.get(secret))
                    .isTrue();
        }
        String port = environment.get("KC_HTTP_PORT");
        assertThat(keycloak).as("reached through the proxy only").doesNotContainKey("ports");
        assertThat(environment.get("KC_HOSTNAME"))
                .as("browsers reach it, and its tokens name it, through the HTTPS proxy")
                .startsWith("https://${ID_HOST:?");
        assertThat(RepositoryFiles.read("deploy/proxy/Caddyfile")).contains("reverse_proxy keycloak:" + port);

        // The local demo publishes it on the loopback address, where its tokens name it.
        Map<String, Object> demo = Tree.mapAt(
                YamlFiles.single(RepositoryFiles.path("deploy/docker-compose.override.yml.example")),
                "services",
                "keycloak");
        assertThat(ComposeFileTest.strings(Tree.listAt(demo, "ports")))
                .containsExactly("127.0.0.1:" + port + ":" + port);
        assertThat(Tree.stringAt(demo, "environment", "KC_HOSTNAME")).isEqualTo("http://localhost:" + port);
    }

    @ParameterizedTest
    @EnumSource(ServiceProperties.Service.class)
    void localDemoTrustsTheBundledKeycloakWithTheRealmsWebClients(ServiceProperties.Service service) {
        Map<String, Object> override = Tree.mapAt(
                YamlFiles.single(RepositoryFiles.path("deploy/docker-compose.override.yml.example")),
                "services",
                service.module);
        Map<String, Object> environment = Tree.mapAt(override, "environment");
        String port = ComposeFileTest.environment("keycloak").get("KC_HTTP_PORT");

        assertThat(environment)
                .containsEntry(
                        "OIDC_AUTH_SERVER_URL",
                        "http://keycloak:" + port + "/realms/"
                                + REALM.path("realm").asText());
        assertThat(Tree.stringAt(override, "depends_on", "keycloak", "condition"))
                .isEqualTo("service_healthy");
        String clientIdSetting = ComposeFileTest.environment(service.module).get("OIDC_WEB_CLIENT_ID");
        if (clientIdSetting == null) {
            assertThat(environment).doesNotContainKey("OIDC_WEB_CLIENT_SECRET");
            return;
        }
        Matcher m = ComposeFileTest.INTERPOLATION.matcher(clientIdSetting);
        assertThat(m.matches() && ":-".equals(m.group(2)))
                .as("the web client id has a default")
                .isTrue();
        JsonNode client = assertRealmWebClient(m.group(3), service.port);
        assertThat(environment)
                .as("the demo's client secret is the realm's")
                .containsEntry("OIDC_WEB_CLIENT_SECRET", client.path("secret").asText());
    }

    // ---------------------------------------------------------------- helpers

    /** The sign-in variables a service reads outside its tests: OIDC_*, not the tests' own provider. */
    static Set<String> signInSettings(ServiceProperties.Service service) {
        Set<String> settings = new TreeSet<>();
        for (String name : service.properties().environmentNames()) {
            if (name.startsWith("OIDC_") && !name.startsWith("OIDC_TEST_")) {
                settings.add(name);
            }
        }
        assertThat(settings).as("%s reads its sign-in settings", service.module).contains("OIDC_AUTH_SERVER_URL");
        return settings;
    }

    /** A variable that would hand a service a key to trust, or another way to verify tokens. */
    static boolean namesAKey(String name) {
        return name.startsWith("JWT_")
                || name.startsWith("MP_JWT")
                || name.startsWith("SMALLRYE_JWT")
                || name.contains("PUBLIC_KEY")
                || name.contains("CERTIFICATE_CHAIN");
    }

    /**
     * The realm's web client of a service reached at {@code http://localhost:<port>}: confidential, code flow with PKCE
     * S256, back to the service's pages after sign-in and sign-out.
     */
    private static JsonNode assertRealmWebClient(String clientId, int port) {
        JsonNode client = null;
        for (JsonNode c : REALM.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                client = c;
            }
        }
        assertThat(client).as("the realm has the client %s", clientId).isNotNull();
        assertThat(client.path("publicClient").asBoolean())
                .as("%s is confidential", clientId)
                .isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean())
                .as("%s signs in with the code flow", clientId)
                .isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        assertThat(redirects).contains("http://localhost:" + port + "/*");
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText())
                .contains("http://localhost:" + port + "/*");
        return client;
    }

    /** The Keycloak Deployment behind the provider's address, when it is a Service of the overlay. */
    private static Optional<Deployment> bundledProvider(Manifests manifests, URI provider) {
        Optional<Service> service = manifests.typed("Service", Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(provider.getHost()))
                .findFirst();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        ServicePort port = service.get().getSpec().getPorts().stream()
                .filter(p -> p.getPort() == provider.getPort())
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("Service " + provider.getHost() + " has no port " + provider.getPort()));
        Deployment deployment = manifests.typed("Deployment", Deployment.class).stream()
                .filter(d -> d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(service.get().getSpec().getSelector().entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Service " + provider.getHost() + " selects no Deployment"));
        IntOrString target = port.getTargetPort();
        assertThat(Manifests.mainContainer(deployment).getPorts())
                .as("Service %s reaches its pods", provider.getHost())
                .anyMatch(p -> target.getStrVal() != null
                        ? target.getStrVal().equals(p.getName())
                        : target.getIntVal().equals(p.getContainerPort()));
        return Optional.of(deployment);
    }

    /** The Keycloak version scripts/keycloak.sh runs. */
    static String scriptsVersion() {
        Matcher m = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(RepositoryFiles.read("infra/keycloak/pom.xml"));
        assertThat(m.find())
                .as("infra/keycloak/pom.xml names the Keycloak version")
                .isTrue();
        return m.group(1).trim();
    }

    private static Map<String, String> envExample() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : RepositoryFiles.read("deploy/compose.env.example").split("\\R")) {
            if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    private static JsonNode realm() {
        try {
            return new ObjectMapper().readTree(Files.readString(RepositoryFiles.path(REALM_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
