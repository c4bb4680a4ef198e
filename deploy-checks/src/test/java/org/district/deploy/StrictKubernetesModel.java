package org.district.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates built-in Kubernetes objects against the fabric8 Kubernetes model, strictly: an unknown field anywhere
 * (which the model would otherwise keep in "additionalProperties"), a wrong type (a number where the API wants a
 * string, or the reverse) or a kind/apiVersion the model does not know is an error, as it is for the API server.
 */
final class StrictKubernetesModel {

    /** The built-in kinds our manifests may use, by "apiVersion/kind". */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Namespace", Namespace.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictKubernetesModel() {}

    /** Built-in API groups: the core group, the unqualified ones (apps, policy, ...) and *.k8s.io. */
    static boolean isBuiltIn(Map<String, Object> object) {
        String group = Kustomize.group(object);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    /** Parses the object into its model class; throws with every problem found. */
    static HasMetadata parse(Map<String, Object> object) {
        String key = object.get("apiVersion") + "/" + object.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException(Tree.id(object) + ": unknown built-in kind " + key);
        }
        HasMetadata parsed;
        try {
            parsed = MAPPER.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    Tree.id(object) + " does not match the Kubernetes schema: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(parsed, Tree.id(object), unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    Tree.id(object) + " has fields the Kubernetes API does not know: " + String.join(", ", unknown));
        }
        return parsed;
    }

    static <T extends HasMetadata> T parse(Map<String, Object> object, Class<T> type) {
        return type.cast(parse(object));
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // The API server refuses a number or a boolean where it expects a string (an env value, ConfigMap data).
        for (CoercionInputShape shape :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Walks the parsed model; every non-empty additionalProperties map is a field the schema does not have. */
    private static void collectUnknownFields(
            Object node, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith("io.fabric8.")) {
            return;
        }
        try {
            Method additional = type.getMethod("getAdditionalProperties");
            Object extra = additional.invoke(node);
            if (extra instanceof Map<?, ?> m && !m.isEmpty()) {
                m.keySet().forEach(k -> unknown.add(path + "." + k));
            }
        } catch (NoSuchMethodException e) {
            // a model type without extension fields
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                if (field.getType().isPrimitive() || field.getType() == String.class) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    collectUnknownFields(field.get(node), path + "." + field.getName(), unknown, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("Cannot inspect " + type.getName() + "." + field.getName(), e);
                }
            }
        }
    }
}
