package org.district.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML trees (maps, lists and scalars). */
final class Tree {

    private Tree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " must be a mapping, found " + describe(value));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(what + " must be a list, found " + describe(value));
    }

    /** The value at a path of keys, or null when any step is missing. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value == null ? Map.of() : map(value, String.join(".", keys));
    }

    static List<Object> listAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value == null ? List.of() : list(value, String.join(".", keys));
    }

    static String stringAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value == null ? null : value.toString();
    }

    /** A deep, mutable copy. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    static String kind(Map<String, Object> object) {
        return stringAt(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return stringAt(object, "metadata", "name");
    }

    /** "Kind/name", for messages. */
    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
