package org.district.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The declared access table ({@code access-table.yaml}): who may call each operation of each service. */
final class AccessTable {

    static final String PUBLIC = "PUBLIC";
    static final List<String> ROLES =
            List.of("STAFF", "SUPERVISOR", "PRINCIPAL", "IT_ADMIN", "HR", "AUDITOR", "DEVICE");
    /**
     * Credentials other than the identity provider's bearer tokens that an operation may admit, by the name of the
     * OpenAPI security scheme that declares them.
     */
    static final Map<String, String> CREDENTIALS = Map.of("DEVICE_CREDENTIAL", "device-credential");

    /**
     * One line of the table. {@code credentials} lists the non-token credentials the operation also admits (none
     * when absent); the token matrix does not exercise them, their own tests do.
     */
    record Entry(
            String service,
            String kind,
            String method,
            String path,
            List<String> roles,
            List<String> credentials,
            String object) {

        Entry {
            credentials = credentials == null ? List.of() : List.copyOf(credentials);
        }

        /** The OpenAPI security schemes of the credentials the entry admits. */
        Set<String> schemes() {
            Set<String> schemes = new java.util.TreeSet<>();
            credentials.forEach(c -> schemes.add(CREDENTIALS.get(c)));
            return schemes;
        }

        String key() {
            return service + " " + method + " " + path;
        }

        boolean isPublic() {
            return roles.contains(PUBLIC);
        }

        boolean allows(String role) {
            return isPublic() || roles.contains(role);
        }
    }

    private AccessTable() {}

    static List<Entry> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = AccessTable.class.getClassLoader().getResourceAsStream("access-table.yaml")) {
            if (in == null) {
                throw new IllegalStateException("access-table.yaml is not on the class path");
            }
            List<Entry> entries = Arrays.asList(yaml.readValue(in, Entry[].class));
            for (Entry e : entries) {
                if (!"api".equals(e.kind())) {
                    throw new IllegalStateException(e.key() + ": kind must be api");
                }
                for (String role : e.roles()) {
                    if (!role.equals(PUBLIC) && !ROLES.contains(role)) {
                        throw new IllegalStateException(e.key() + ": unknown role " + role);
                    }
                }
                for (String credential : e.credentials()) {
                    if (!CREDENTIALS.containsKey(credential)) {
                        throw new IllegalStateException(e.key() + ": unknown credential " + credential);
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
