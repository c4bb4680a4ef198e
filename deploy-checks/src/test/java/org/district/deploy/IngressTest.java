package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ingress publishes the APIs of every service and the console's pages, each on its own host, never the /q endpoints
 * (health, metrics, OpenAPI stay inside the cluster), the pages that sign people out, the addresses of the pages the
 * services once served (which lead to the console), and with TLS in production.
 */
class IngressTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyBackendIsAServicePort(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<Service> services = manifests.typed("Service", Service.class);
        for (HTTPIngressPath path : paths(ingress(manifests))) {
            IngressServiceBackend backend = path.getBackend().getService();
            Service service = services.stream()
                    .filter(s -> s.getMetadata().getName().equals(backend.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Ingress backend " + backend.getName() + " is no Service"));
            assertThat(service.getSpec().getPorts())
                    .as("port %s of %s", backend.getPort().getName(), backend.getName())
                    .anyMatch(p -> backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(p.getName())
                            : backend.getPort().getNumber().equals(p.getPort()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesArePublishedWithoutTheirQuarkusEndpoints(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Ingress ingress = ingress(manifests);
        Set<String> hosts = new HashSet<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(hosts.add(rule.getHost()))
                    .as("host %s appears once", rule.getHost())
                    .isTrue();
        }
        for (ServiceProperties.Service service : ServiceProperties.Service.values()) {
            List<HTTPIngressPath> published = paths(ingress).stream()
                    .filter(p -> p.getBackend().getService().getName().equals(service.module))
                    .toList();
            if (service.api) {
                assertThat(published).as("%s API is published", service.module).anySatisfy(p -> {
                    assertThat(p.getPath()).isEqualTo("/api");
                    assertThat(p.getPathType()).isEqualTo("Prefix");
                });
            } else {
                assertThat(published)
                        .as("%s has no API to publish", service.module)
                        .noneMatch(
                                p -> p.getPath().equals("/api") || p.getPath().startsWith("/api/"));
            }
            for (HTTPIngressPath path : published) {
                assertThat(path.getPath()).as("%s path", service.module).doesNotStartWith("/q");
                assertThat(path.getPathType().equals("Prefix") && path.getPath().equals("/"))
                        .as("%s: a catch-all prefix would publish /q/metrics", service.module)
                        .isFalse();
                assertThat(path.getPathType()).isIn("Prefix", "Exact");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void linksInMessagesAndTheOldPageAddressesLeadToThePublishedConsole(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Ingress ingress = ingress(manifests);
        boolean tls = !ingress.getSpec().getTls().isEmpty();
        for (ServiceProperties.Service service :
                List.of(ServiceProperties.Service.LOSS_REPORT, ServiceProperties.Service.CHECKIN)) {
            String base = manifests
                    .environment(Manifests.mainContainer(manifests.deployment(service)))
                    .get("CONSOLE_BASE_URL");
            assertThat(base)
                    .as("%s knows the console's address", service.module)
                    .isNotBlank();
            URI uri = URI.create(base);
            IngressRule rule = ingress.getSpec().getRules().stream()
                    .filter(r -> r.getHost().equals(uri.getHost()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            service.module + "'s CONSOLE_BASE_URL host " + uri.getHost() + " is not published"));
            assertThat(rule.getHttp().getPaths())
                    .as("%s leads to the console", base)
                    .allSatisfy(p -> assertThat(p.getBackend().getService().getName())
                            .isEqualTo(ServiceProperties.Service.CONSOLE.module));
            assertThat(uri.getScheme()).isEqualTo(tls ? "https" : "http");
        }
        // Bookmarks of the pages the services once served still reach them, which send the browser on to the console.
        Map<String, List<String>> moved = Map.of(
                ServiceProperties.Service.LOSS_REPORT.module,
                        List.of("/", "/report-loss", "/reports/id", "/confirm-sign-out", "/signed-out"),
                ServiceProperties.Service.CHECKIN.module, List.of("/dashboard", "/signed-out"));
        moved.forEach((module, addresses) -> {
            for (String address : addresses) {
                assertThat(paths(ingress))
                        .as("%s of %s is published", address, module)
                        .anySatisfy(p -> {
                            assertThat(p.getBackend().getService().getName()).isEqualTo(module);
                            assertThat(
                                            p.getPathType().equals("Exact")
                                                    ? address.equals(p.getPath())
                                                    : address.equals(p.getPath())
                                                            || address.startsWith(p.getPath() + "/"))
                                    .isTrue();
                        });
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPageOfTheConsoleIsPublished(String overlay) {
        Ingress ingress = ingress(Manifests.of(overlay));
        ServiceProperties.Service console = ServiceProperties.Service.CONSOLE;
        String pages = console.properties().value("prod", "quarkus.http.auth.permission.pages.paths");
        assertThat(pages).as("the console names its pages").isNotBlank();
        List<HTTPIngressPath> published = paths(ingress).stream()
                .filter(p -> p.getBackend().getService().getName().equals(console.module))
                .toList();
        for (String page : pages.split(",")) {
            String path = page.strip();
            assertThat(published).as("%s of the console is published", path).anySatisfy(p -> {
                if (path.endsWith("/*")) {
                    assertThat(p.getPathType()).isEqualTo("Prefix");
                    assertThat(p.getPath()).isEqualTo(path.substring(0, path.length() - 2));
                } else if (p.getPathType().equals("Exact")) {
                    assertThat(p.getPath()).isEqualTo(path);
                } else {
                    assertThat(path.equals(p.getPath()) || path.startsWith(p.getPath() + "/"))
                            .isTrue();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void signingOutIsPublished(String overlay) {
        Ingress ingress = ingress(Manifests.of(overlay));
        List<ServiceProperties.Service> withPages = List.of(ServiceProperties.Service.values()).stream()
                .filter(s -> s.properties().value("prod", "quarkus.oidc.web.logout.path") != null)
                .toList();
        assertThat(withPages).as("the services with web pages").containsExactly(ServiceProperties.Service.CONSOLE);
        for (ServiceProperties.Service service : withPages) {
            for (String property :
                    List.of("quarkus.oidc.web.logout.path", "quarkus.oidc.web.logout.post-logout-path")) {
                String page = service.properties().value("prod", property);
                assertThat(page).as("%s sets %s", service.module, property).isNotBlank();
                assertThat(paths(ingress))
                        .as("%s of %s is published", page, service.module)
                        .anySatisfy(p -> {
                            assertThat(p.getBackend().getService().getName()).isEqualTo(service.module);
                            assertThat(
                                            p.getPathType().equals("Exact")
                                                    ? page.equals(p.getPath())
                                                    : page.equals(p.getPath()) || page.startsWith(p.getPath() + "/"))
                                    .isTrue();
                        });
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void productionServesEveryHostOverTls(String overlay) {
        Ingress ingress = ingress(Manifests.of(overlay));
        if (!overlay.equals("production")) {
            assertThat(ingress.getSpec().getIngressClassName()).isNotBlank();
            return;
        }
        Set<String> covered = new HashSet<>();
        ingress.getSpec().getTls().forEach(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            covered.addAll(tls.getHosts());
        });
        assertThat(covered)
                .containsAll(ingress.getSpec().getRules().stream()
                        .map(IngressRule::getHost)
                        .toList());
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true");
    }

    private static Ingress ingress(Manifests manifests) {
        List<Ingress> ingresses = manifests.typed("Ingress", Ingress.class);
        assertThat(ingresses).hasSize(1);
        return ingresses.get(0);
    }

    private static List<HTTPIngressPath> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressLimitsEachClientAddress(String overlay) {
        for (Ingress ingress : Manifests.of(overlay).typed("Ingress", Ingress.class)) {
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            for (String limit : List.of(
                    "nginx.ingress.kubernetes.io/limit-rps",
                    "nginx.ingress.kubernetes.io/limit-burst-multiplier",
                    "nginx.ingress.kubernetes.io/limit-connections")) {
                assertThat(annotations)
                        .as("%s of %s", limit, ingress.getMetadata().getName())
                        .containsKey(limit);
                assertThat(Integer.parseInt(annotations.get(limit))).as(limit).isPositive();
            }
        }
    }
}
