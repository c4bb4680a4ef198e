package org.district.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses os-release(5): {@code KEY=value} lines with optional shell quoting. */
final class OsRelease {

    private OsRelease() {}

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(
                    line.substring(0, eq).strip(),
                    unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.charAt(0) == '"' && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            String inner = value.substring(1, value.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }

    /** NAME, and the version from VERSION_ID, else VERSION, else PRETTY_NAME; either may be null. */
    record NameAndVersion(String name, String version) {}

    static NameAndVersion nameAndVersion(Map<String, String> values) {
        return new NameAndVersion(
                firstPresent(values, "NAME"), firstPresent(values, "VERSION_ID", "VERSION", "PRETTY_NAME"));
    }

    private static String firstPresent(Map<String, String> values, String... keys) {
        for (String key : keys) {
            String v = values.get(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
