package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md stays true: its configuration references list every variable the services and the console read
 * with its defaults (and nothing they do not read), every Secret the manifests reference has a creation command, and
 * every metric it names is one the code registers.
 */
class OperationsGuideTest {

    private static final String GUIDE = RepositoryFiles.read("docs/operations.md");

    /** The reference of the three services' settings, copied into README.md. */
    private static final String SERVICES_REFERENCE = "configuration-reference";

    /** The console's own settings, in the guide's section on the console. */
    private static final String CONSOLE_REFERENCE = "console-configuration-reference";

    @Test
    void theReadmeCarriesTheSameConfigurationReference() {
        String start = "<!-- configuration-reference:start -->";
        String end = "<!-- configuration-reference:end -->";
        String readme = RepositoryFiles.read("README.md");
        assertThat(readme).contains(start).contains(end);
        String inGuide = GUIDE.substring(GUIDE.indexOf(start), GUIDE.indexOf(end));
        String inReadme = readme.substring(readme.indexOf(start), readme.indexOf(end));
        assertThat(inReadme)
                .as("README.md's configuration reference equals docs/operations.md's (copy the table over)")
                .isEqualTo(inGuide);
    }

    @Test
    void configurationReferenceListsEveryVariableWithItsDefaults() {
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            Map<String, String> rows = referenceRows(referenceOf(service));
            for (ServiceProperties.EnvReference reference : service.properties().references()) {
                if (reference.profile().equals("test")) {
                    continue;
                }
                String row = rows.get(reference.name());
                assertThat(row)
                        .as("%s (read by %s) is in the configuration reference", reference.name(), service.module)
                        .isNotNull();
                String shown = reference.defaultValue() == null
                        ? "**required**"
                        : reference.defaultValue().isEmpty()
                                ? "(empty)"
                                : "`" + reference.defaultValue().replace("|", "\\|") + "`";
                assertThat(row)
                        .as("%s shows its %s default", reference.name(), reference.profile())
                        .contains(shown);
            }
        }
    }

    @Test
    void configurationReferenceListsNothingTheServicesDoNotRead() {
        for (String referenceName : List.of(SERVICES_REFERENCE, CONSOLE_REFERENCE)) {
            Set<String> read = new TreeSet<>();
            for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
                if (referenceOf(service).equals(referenceName)) {
                    read.addAll(service.properties().environmentNames());
                }
            }

            assertThat(referenceRows(referenceName).keySet()).as(referenceName).isSubsetOf(read);
        }
    }

    @Test
    void everyReferencedSecretHasACreationCommand() {
        Set<String> secrets = new TreeSet<>();
        for (String overlay : Manifests.OVERLAYS) {
            Manifests manifests = Manifests.of(overlay);
            for (Deployment deployment : manifests.typed("Deployment", Deployment.class)) {
                for (Container container :
                        deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    for (EnvVar env : container.getEnv()) {
                        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                            secrets.add(env.getValueFrom().getSecretKeyRef().getName());
                        }
                    }
                }
                for (Volume volume :
                        deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                    if (volume.getSecret() != null) {
                        secrets.add(volume.getSecret().getSecretName());
                    }
                }
            }
            for (Ingress ingress : manifests.typed("Ingress", Ingress.class)) {
                ingress.getSpec().getTls().forEach(tls -> secrets.add(tls.getSecretName()));
            }
            for (Map<String, Object> cluster : manifests.ofKind("Cluster")) {
                Tree.listAt(cluster, "spec", "managed", "roles")
                        .forEach(role -> secrets.add(Tree.stringAt(role, "passwordSecret", "name")));
            }
        }

        assertThat(secrets).isNotEmpty();
        // The Kafka users' Secrets are written by the Strimzi User Operator, and the cluster CA's certificate by the
        // Cluster Operator, not by hand.
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.of(overlay).ofKind("KafkaUser").forEach(user -> secrets.remove(Tree.name(user)));
            Manifests.of(overlay)
                    .ofKind("Kafka")
                    .forEach(kafka -> secrets.remove(Tree.name(kafka) + "-cluster-ca-cert"));
        }
        for (String secret : secrets) {
            assertThat(GUIDE)
                    .as("docs/operations.md shows how to create the Secret %s", secret)
                    .containsPattern("create secret (generic|tls) " + Pattern.quote(secret) + " ");
        }
    }

    @Test
    void everyDocumentedMetricIsRegisteredByTheCode() {
        Set<String> meters = registeredMeters();
        // The metrics section: elsewhere district_* names claims and settings (the district_id claim), not metrics.
        int section = GUIDE.indexOf("\n## Metrics\n");
        assertThat(section).as("the guide has a Metrics section").isNotNegative();
        int next = GUIDE.indexOf("\n## ", section + 1);
        String metrics = GUIDE.substring(section, next < 0 ? GUIDE.length() : next);
        Matcher m = Pattern.compile("`(district_[a-z_]+)").matcher(metrics);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }

        assertThat(documented).hasSizeGreaterThan(5);
        for (String name : documented) {
            assertThat(meters.stream().anyMatch(meter -> prometheusNames(meter).contains(name)))
                    .as("%s is registered by some service (meters: %s)", name, meters)
                    .isTrue();
        }
    }

    @Test
    void guideCoversComposeAndKubernetes() {
        assertThat(GUIDE)
                .contains("docker compose up -d --build")
                .contains("cp deploy/compose.env.example .env")
                .contains("cp deploy/docker-compose.override.yml.example docker-compose.override.yml")
                .contains("kubectl apply -k k8s/overlays/production")
                .contains("kubectl kustomize k8s/overlays/production")
                .contains("```mermaid");
    }

    /** The reference that lists a service's settings: the console's own, or the one of the three services. */
    private static String referenceOf(ServiceProperties.Service service) {
        return service == ServiceProperties.Service.CONSOLE ? CONSOLE_REFERENCE : SERVICES_REFERENCE;
    }

    /** First cell (`NAME`) to the whole row, for the rows between the reference's markers. */
    private static Map<String, String> referenceRows(String reference) {
        int start = GUIDE.indexOf("<!-- " + reference + ":start -->");
        int end = GUIDE.indexOf("<!-- " + reference + ":end -->");
        assertThat(start).as("reference start marker").isNotNegative();
        assertThat(end).as("reference end marker").isGreaterThan(start);
        Map<String, String> rows = new HashMap<>();
        Pattern row = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|.*$", Pattern.MULTILINE);
        Matcher m = row.matcher(GUIDE.substring(start, end));
        while (m.find()) {
            assertThat(rows.put(m.group(1), m.group()))
                    .as("%s listed once", m.group(1))
                    .isNull();
        }
        return rows;
    }

    private static Set<String> registeredMeters() {
        Set<String> meters = new TreeSet<>();
        Pattern builder = Pattern.compile("(?:(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\("
                + "|Meters\\.(?:counter|timer|gauge)\\(\\s*registry\\s*,)\\s*\"([a-z0-9.]+)\"");
        for (String module :
                List.of("service-support", "inventory-service", "loss-report-service", "checkin-service", "console")) {
            Path sources = RepositoryFiles.path(module + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = builder.matcher(RepositoryFiles.read(file));
                    while (m.find()) {
                        meters.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return meters;
    }

    /** The names Micrometer's Prometheus registry gives a meter and its series. */
    private static Set<String> prometheusNames(String meter) {
        String base = meter.replace('.', '_');
        Set<String> names = new TreeSet<>();
        for (String suffix : List.of("", "_total", "_seconds")) {
            for (String series : List.of("", "_count", "_sum", "_max")) {
                names.add(base + suffix + series);
            }
        }
        return names;
    }
}
