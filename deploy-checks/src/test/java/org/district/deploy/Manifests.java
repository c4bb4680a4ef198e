package org.district.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The rendered Kustomize overlays, parsed once per test run. */
final class Manifests {

    /** Every overlay under k8s/overlays; each must render and pass every check. */
    static final List<String> OVERLAYS = overlays();

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<Map<String, Object>> objects;

    private Manifests(String overlay, List<Map<String, Object>> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Manifests of(String overlay) {
        return CACHE.computeIfAbsent(
                overlay, o -> new Manifests(o, Kustomize.build(RepositoryFiles.path("k8s/overlays/" + o))));
    }

    static Stream<String> overlayNames() {
        return OVERLAYS.stream();
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(Tree.kind(o))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(o -> kind.equals(Tree.kind(o)) && name.equals(Tree.name(o)))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(overlay + ": expected one " + kind + "/" + name + ", found " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).stream()
                .map(o -> StrictKubernetesModel.parse(o, type))
                .toList();
    }

    <T extends HasMetadata> T typed(String kind, String name, Class<T> type) {
        return StrictKubernetesModel.parse(one(kind, name), type);
    }

    Deployment deployment(ServiceProperties.Service service) {
        return typed("Deployment", service.module, Deployment.class);
    }

    static Container mainContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(deployment.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        deployment.getMetadata().getName() + " has no container named like the Deployment"));
    }

    /**
     * The environment a container gets: its ConfigMaps (envFrom, resolved in the rendered output) and its own env
     * entries; values from Secrets are shown as "secret:NAME/KEY".
     */
    Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap =
                        typed("ConfigMap", source.getConfigMapRef().getName(), ConfigMap.class);
                environment.putAll(configMap.getData());
            } else {
                throw new AssertionError(container.getName() + ": envFrom other than a ConfigMap: " + source);
            }
        }
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                environment.put(
                        env.getName(),
                        "secret:" + env.getValueFrom().getSecretKeyRef().getName() + "/"
                                + env.getValueFrom().getSecretKeyRef().getKey());
            } else {
                environment.put(env.getName(), Objects.toString(env.getValue(), ""));
            }
        }
        return environment;
    }

    private static List<String> overlays() {
        Path dir = RepositoryFiles.path("k8s/overlays");
        List<String> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .forEach(names::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.copyOf(names);
    }
}
