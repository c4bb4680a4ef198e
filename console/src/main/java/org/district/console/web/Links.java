package org.district.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Addresses of the console's own pages, with their query strings encoded. */
final class Links {

    private Links() {}

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code path?name=value&...} of the parameters that have a value, in the order given. */
    static String of(String path, Map<String, String> parameters) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() != null && !p.getValue().isBlank()) {
                link.append(separator).append(p.getKey()).append('=').append(encode(p.getValue()));
                separator = '&';
            }
        }
        return link.toString();
    }

    static Map<String, String> parameters(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
