package org.district.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a Kustomize overlay the way {@code kubectl kustomize} does, for the features our manifests use: resources
 * (files and folders), namespace, labels, configMapGenerator (create/merge/replace, with the name hash suffix and the
 * references to it rewritten), patches (strategic merge, targeted or by name, and JSON 6902 with add, replace and
 * remove), images and replicas. Anything else in a kustomization is refused, so the checks never silently render
 * something different from the real tool; {@code KustomizeRenderTest} compares both where kubectl is installed.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion",
            "kind",
            "resources",
            "namespace",
            "labels",
            "configMapGenerator",
            "patches",
            "images",
            "replicas");

    /** Kinds without a namespace; the namespace transformer leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "IngressClass",
            "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration",
            "APIService");

    /** API groups whose types have strategic-merge keys; custom resources merge maps and replace lists. */
    private static final Set<String> BUILT_IN_GROUPS =
            Set.of("", "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io");

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet");

    private Kustomize() {}

    /** A rendered object and whether it is a generated ConfigMap still waiting for its hash suffix. */
    private record Resource(Map<String, Object> body, boolean generated) {}

    /** Renders the kustomization in {@code dir}. */
    static List<Map<String, Object>> build(Path dir) {
        List<Resource> resources = accumulate(dir.toAbsolutePath().normalize());
        Map<String, String> hashedNames = new HashMap<>();
        for (Resource resource : resources) {
            if (resource.generated()) {
                Map<String, Object> metadata = Tree.map(resource.body().get("metadata"), "metadata");
                String name = (String) metadata.get("name");
                String hashed = name + "-" + configMapHash(Tree.mapAt(resource.body(), "data"));
                hashedNames.put(namespace(resource.body()) + "/" + name, hashed);
                metadata.put("name", hashed);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Resource resource : resources) {
            rewriteConfigMapReferences(resource.body(), namespace(resource.body()), hashedNames);
            out.add(resource.body());
        }
        return out;
    }

    /**
     * Kustomize's name suffix for a generated ConfigMap: SHA-256 of the JSON {@code {"data":…,"kind":"ConfigMap",
     * "name":""}} (keys sorted, HTML characters escaped as Go does), first 10 hex digits, with 0, 1, 3, a and e
     * replaced by g, h, k, m and t.
     */
    static String configMapHash(Map<String, Object> data) {
        StringBuilder json = new StringBuilder("{\"data\":{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : new TreeMap<>(data).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            goString(json, entry.getKey());
            json.append(':');
            goString(json, String.valueOf(entry.getValue()));
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            char[] hex = HexFormat.of().formatHex(digest).substring(0, 10).toCharArray();
            for (int i = 0; i < hex.length; i++) {
                hex[i] = switch (hex[i]) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> hex[i];
                };
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void goString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static List<Resource> accumulate(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = YamlFiles.single(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        file + ": '" + field + "' is not supported by the checks' renderer; extend Kustomize.java");
            }
        }
        require(
                "kustomize.config.k8s.io/v1beta1".equals(kustomization.get("apiVersion"))
                        && "Kustomization".equals(kustomization.get("kind")),
                file + " must be apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization");

        List<Resource> resources = new ArrayList<>();
        for (Object entry : Tree.listAt(kustomization, "resources")) {
            Path path = dir.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(accumulate(path));
            } else {
                for (Map<String, Object> object : YamlFiles.objects(path)) {
                    resources.add(new Resource(object, false));
                }
            }
        }
        generateConfigMaps(file, kustomization, resources);
        requireUniqueIds(file, resources);

        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Resource resource : resources) {
                if (!CLUSTER_SCOPED.contains(Tree.kind(resource.body()))) {
                    metadata(resource.body()).put("namespace", namespace.toString());
                }
            }
        }
        for (Object patch : Tree.listAt(kustomization, "patches")) {
            applyPatch(dir, Tree.map(patch, "patch"), resources);
        }
        for (Object label : Tree.listAt(kustomization, "labels")) {
            applyLabels(file, Tree.map(label, "labels entry"), resources);
        }
        for (Object image : Tree.listAt(kustomization, "images")) {
            applyImage(Tree.map(image, "images entry"), resources);
        }
        for (Object replicas : Tree.listAt(kustomization, "replicas")) {
            applyReplicas(file, Tree.map(replicas, "replicas entry"), resources);
        }
        return resources;
    }

    // ------------------------------------------------------------------ generators

    private static void generateConfigMaps(Path file, Map<String, Object> kustomization, List<Resource> resources) {
        for (Object entry : Tree.listAt(kustomization, "configMapGenerator")) {
            Map<String, Object> generator = Tree.map(entry, "configMapGenerator entry");
            for (String field : generator.keySet()) {
                require(
                        Set.of("name", "behavior", "literals").contains(field),
                        file + ": configMapGenerator field '" + field + "' is not supported by the checks' renderer");
            }
            String name = (String) generator.get("name");
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object literal : Tree.listAt(generator, "literals")) {
                String text = literal.toString();
                int eq = text.indexOf('=');
                require(eq > 0, file + ": literal '" + text + "' is not KEY=value");
                data.put(text.substring(0, eq), unquote(text.substring(eq + 1)));
            }
            String behavior = Objects.toString(generator.get("behavior"), "create");
            Resource existing = resources.stream()
                    .filter(r -> r.generated() && name.equals(Tree.name(r.body())))
                    .findFirst()
                    .orElse(null);
            switch (behavior) {
                case "create" -> {
                    require(existing == null, file + ": ConfigMap " + name + " is generated twice");
                    Map<String, Object> configMap = new LinkedHashMap<>();
                    configMap.put("apiVersion", "v1");
                    configMap.put("kind", "ConfigMap");
                    configMap.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
                    configMap.put("data", data);
                    resources.add(new Resource(configMap, true));
                }
                case "merge", "replace" -> {
                    require(existing != null, file + ": no generated ConfigMap " + name + " to " + behavior);
                    Map<String, Object> target = Tree.map(existing.body().get("data"), "data");
                    if (behavior.equals("replace")) {
                        target.clear();
                    }
                    target.putAll(data);
                }
                default -> throw new IllegalArgumentException(file + ": unknown behavior " + behavior);
            }
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void rewriteConfigMapReferences(Object node, String namespace, Map<String, String> hashedNames) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = Tree.map(raw, "object");
            for (String key : List.of("configMapRef", "configMapKeyRef", "configMap")) {
                if (map.get(key) instanceof Map<?, ?> reference) {
                    Map<String, Object> ref = Tree.map(reference, key);
                    String hashed = hashedNames.get(namespace + "/" + ref.get("name"));
                    if (hashed != null) {
                        ref.put("name", hashed);
                    }
                }
            }
            map.values().forEach(v -> rewriteConfigMapReferences(v, namespace, hashedNames));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> rewriteConfigMapReferences(v, namespace, hashedNames));
        }
    }

    // ------------------------------------------------------------------ patches

    private static void applyPatch(Path dir, Map<String, Object> entry, List<Resource> resources) {
        for (String field : entry.keySet()) {
            require(
                    Set.of("path", "patch", "target").contains(field),
                    dir + ": patch field '" + field + "' is not supported by the checks' renderer");
        }
        String origin = entry.containsKey("path")
                ? dir.resolve((String) entry.get("path")).toString()
                : "inline patch";
        String text = entry.containsKey("path")
                ? RepositoryFiles.read(dir.resolve((String) entry.get("path")))
                : (String) entry.get("patch");
        List<Object> documents = YamlFiles.documents(text, origin);
        Map<String, Object> target = entry.containsKey("target") ? Tree.map(entry.get("target"), "target") : null;

        if (documents.size() == 1 && documents.get(0) instanceof List<?> operations) {
            require(target != null, origin + ": a JSON 6902 patch needs a target");
            List<Resource> matched = select(target, resources, origin);
            for (Resource resource : matched) {
                for (Object operation : operations) {
                    applyJson6902(resource.body(), Tree.map(operation, "operation"), origin);
                }
            }
            return;
        }
        for (Object document : documents) {
            Map<String, Object> patch = Tree.map(document, origin);
            List<Resource> matched;
            if (target != null) {
                matched = select(target, resources, origin);
                patch = Tree.copy(patch);
                Map<String, Object> metadata = Tree.mapAt(patch, "metadata");
                if (!metadata.isEmpty()) {
                    metadata.remove("name");
                    metadata.remove("namespace");
                }
            } else {
                String kind = Tree.kind(patch);
                String name = Tree.name(patch);
                matched = resources.stream()
                        .filter(r ->
                                Objects.equals(kind, Tree.kind(r.body())) && Objects.equals(name, Tree.name(r.body())))
                        .toList();
                require(matched.size() == 1, origin + ": no single " + kind + "/" + name + " to patch");
            }
            for (Resource resource : matched) {
                boolean builtIn = BUILT_IN_GROUPS.contains(group(resource.body()));
                strategicMerge(resource.body(), patch, Tree.kind(resource.body()), "", builtIn);
            }
        }
    }

    private static List<Resource> select(Map<String, Object> target, List<Resource> resources, String origin) {
        for (String field : target.keySet()) {
            require(
                    Set.of("group", "version", "kind", "name").contains(field),
                    origin + ": target field '" + field + "' is not supported by the checks' renderer");
        }
        List<Resource> matched = resources.stream()
                .filter(r -> matches(target.get("kind"), Tree.kind(r.body()))
                        && matches(target.get("name"), Tree.name(r.body()))
                        && matches(target.get("group"), group(r.body()))
                        && matches(target.get("version"), version(r.body())))
                .toList();
        require(!matched.isEmpty(), origin + ": the target " + target + " matches nothing");
        return matched;
    }

    private static boolean matches(Object wanted, String actual) {
        return wanted == null || wanted.toString().equals(actual);
    }

    /** Strategic merge as kubectl kustomize does it (merged list items first, in patch order, then the rest). */
    private static void strategicMerge(
            Map<String, Object> target, Map<String, Object> patch, String kind, String path, boolean builtIn) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            require(!key.startsWith("$"), "Patch directive " + key + " is not supported by the checks' renderer");
            String childPath = path.isEmpty() ? key : path + "." + key;
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> patchMap && current instanceof Map<?, ?> currentMap) {
                strategicMerge(
                        Tree.map(currentMap, childPath), Tree.map(patchMap, childPath), kind, childPath, builtIn);
            } else if (value instanceof List<?> patchList
                    && current instanceof List<?> currentList
                    && builtIn
                    && mergeKey(kind, childPath) != null) {
                target.put(
                        key,
                        mergeLists(
                                Tree.list(currentList, childPath),
                                Tree.list(patchList, childPath),
                                mergeKey(kind, childPath),
                                kind,
                                childPath));
            } else {
                target.put(key, Tree.copy(value));
            }
        }
    }

    private static List<Object> mergeLists(
            List<Object> current, List<Object> patch, String key, String kind, String path) {
        List<Object> merged = new ArrayList<>();
        Set<Object> patchedKeys = new HashSet<>();
        for (Object item : patch) {
            Map<String, Object> patchItem = Tree.map(item, path);
            Object id = patchItem.get(key);
            patchedKeys.add(String.valueOf(id));
            Map<String, Object> existing = current.stream()
                    .map(o -> Tree.map(o, path))
                    .filter(o -> Objects.equals(String.valueOf(o.get(key)), String.valueOf(id)))
                    .findFirst()
                    .orElse(null);
            if (existing == null) {
                merged.add(Tree.copy(patchItem));
            } else {
                Map<String, Object> copy = Tree.copy(existing);
                strategicMerge(copy, patchItem, kind, path, true);
                merged.add(copy);
            }
        }
        for (Object item : current) {
            if (!patchedKeys.contains(String.valueOf(Tree.map(item, path).get(key)))) {
                merged.add(item);
            }
        }
        return merged;
    }

    /** The patch merge key of a list field of a built-in type, or null when the list is replaced as a whole. */
    private static String mergeKey(String kind, String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        return switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> kind.equals("Service") ? "port" : "containerPort";
            default -> null;
        };
    }

    private static void applyJson6902(Map<String, Object> object, Map<String, Object> operation, String origin) {
        String op = (String) operation.get("op");
        String path = (String) operation.get("path");
        require(path != null && path.startsWith("/"), origin + ": bad path " + path);
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        Object parent = object;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = parent instanceof List<?> list
                    ? list.get(Integer.parseInt(token))
                    : Tree.map(parent, path).get(token);
            require(parent != null, origin + ": " + path + " does not exist");
        }
        String last = tokens.get(tokens.size() - 1);
        Object value = Tree.copy(operation.get("value"));
        switch (op) {
            case "add" -> {
                if (parent instanceof List<?> raw) {
                    List<Object> list = Tree.list(raw, path);
                    if (last.equals("-")) {
                        list.add(value);
                    } else {
                        list.add(Integer.parseInt(last), value);
                    }
                } else {
                    Tree.map(parent, path).put(last, value);
                }
            }
            case "replace" -> {
                if (parent instanceof List<?> raw) {
                    Tree.list(raw, path).set(Integer.parseInt(last), value);
                } else {
                    Map<String, Object> map = Tree.map(parent, path);
                    require(map.containsKey(last), origin + ": cannot replace missing " + path);
                    map.put(last, value);
                }
            }
            case "remove" -> {
                if (parent instanceof List<?> raw) {
                    Tree.list(raw, path).remove(Integer.parseInt(last));
                } else {
                    require(Tree.map(parent, path).remove(last) != null, origin + ": cannot remove missing " + path);
                }
            }
            default -> throw new IllegalArgumentException(origin + ": operation " + op + " is not supported");
        }
    }

    // ------------------------------------------------------------------ transformers

    private static void applyLabels(Path file, Map<String, Object> entry, List<Resource> resources) {
        for (String field : entry.keySet()) {
            require(
                    field.equals("pairs")
                            || ((field.equals("includeSelectors") || field.equals("includeTemplates"))
                                    && Boolean.FALSE.equals(entry.get(field))),
                    file + ": labels field '" + field + "' is not supported by the checks' renderer");
        }
        Map<String, Object> pairs = Tree.map(entry.get("pairs"), "pairs");
        for (Resource resource : resources) {
            Map<String, Object> metadata = metadata(resource.body());
            Map<String, Object> labels =
                    metadata.get("labels") == null ? new LinkedHashMap<>() : Tree.map(metadata.get("labels"), "labels");
            pairs.forEach((k, v) -> labels.put(k, String.valueOf(v)));
            metadata.put("labels", labels);
        }
    }

    private static void applyImage(Map<String, Object> entry, List<Resource> resources) {
        String name = (String) entry.get("name");
        for (Resource resource : resources) {
            for (Map<String, Object> container : containers(resource.body())) {
                String image = (String) container.get("image");
                if (image == null) {
                    continue;
                }
                String digest = null;
                String base = image;
                int at = base.indexOf('@');
                if (at >= 0) {
                    digest = base.substring(at + 1);
                    base = base.substring(0, at);
                }
                String tag = null;
                int colon = base.lastIndexOf(':');
                if (colon > base.lastIndexOf('/')) {
                    tag = base.substring(colon + 1);
                    base = base.substring(0, colon);
                }
                if (!base.equals(name)) {
                    continue;
                }
                String newName =
                        entry.containsKey("newName") ? entry.get("newName").toString() : base;
                if (entry.containsKey("digest")) {
                    container.put("image", newName + "@" + entry.get("digest"));
                } else if (entry.containsKey("newTag")) {
                    container.put("image", newName + ":" + entry.get("newTag"));
                } else {
                    container.put(
                            "image", newName + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : ""));
                }
            }
        }
    }

    private static void applyReplicas(Path file, Map<String, Object> entry, List<Resource> resources) {
        String name = (String) entry.get("name");
        List<Resource> matched = resources.stream()
                .filter(r -> WORKLOADS.contains(Tree.kind(r.body())) && name.equals(Tree.name(r.body())))
                .toList();
        require(!matched.isEmpty(), file + ": replicas for unknown workload " + name);
        for (Resource resource : matched) {
            Tree.map(resource.body().get("spec"), "spec").put("replicas", entry.get("count"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The containers and init containers of a workload's pod template. */
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        if (!WORKLOADS.contains(Tree.kind(object))) {
            return List.of();
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("containers", "initContainers")) {
            for (Object container : Tree.listAt(object, "spec", "template", "spec", field)) {
                containers.add(Tree.map(container, field));
            }
        }
        return containers;
    }

    private static void requireUniqueIds(Path file, List<Resource> resources) {
        Set<String> seen = new HashSet<>();
        for (Resource resource : resources) {
            String id = resource.body().get("apiVersion") + "/" + Tree.kind(resource.body()) + "/"
                    + namespace(resource.body()) + "/" + Tree.name(resource.body());
            require(seen.add(id), file + ": " + id + " is defined twice");
        }
    }

    private static Map<String, Object> metadata(Map<String, Object> object) {
        return Tree.map(object.computeIfAbsent("metadata", k -> new LinkedHashMap<>()), "metadata");
    }

    private static String namespace(Map<String, Object> object) {
        return Objects.toString(Tree.at(object, "metadata", "namespace"), "");
    }

    static String group(Map<String, Object> object) {
        String apiVersion = Objects.toString(object.get("apiVersion"), "");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String version(Map<String, Object> object) {
        String apiVersion = Objects.toString(object.get("apiVersion"), "");
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
