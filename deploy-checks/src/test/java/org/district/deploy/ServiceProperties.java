package org.district.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a service's application.properties reads from the environment: every {@code ${NAME}} or {@code
 * ${NAME:default}} reference, by profile. The deployment files may only set names found here.
 */
final class ServiceProperties {

    /** One reference to an environment variable; {@code defaultValue} is null when the reference has none. */
    record EnvReference(String name, String profile, String property, String defaultValue) {
        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    /**
     * What is deployed from this repository: the three services and the IT console, their module folders, HTTP ports,
     * databases and role names, whether they use Kafka and whether they publish an API (the console has neither: it
     * keeps only its sign-in sessions and calls the services' APIs).
     */
    enum Service {
        INVENTORY("inventory-service", 8081, "inventory", true, true),
        LOSS_REPORT("loss-report-service", 8082, "lossreport", true, true),
        CHECKIN("checkin-service", 8083, "checkin", true, true),
        CONSOLE("console", 8084, "console", false, false);

        final String module;
        final int port;
        final String database;
        final boolean kafka;
        final boolean api;

        Service(String module, int port, String database, boolean kafka, boolean api) {
            this.module = module;
            this.port = port;
            this.database = database;
            this.kafka = kafka;
            this.api = api;
        }

        ServiceProperties properties() {
            return ServiceProperties.of(this);
        }

        static Service byModule(String module) {
            Service service = byModuleOrNull(module);
            if (service == null) {
                throw new IllegalArgumentException("Not a service: " + module);
            }
            return service;
        }

        /** The services whose APIs this one calls, by the variable holding each one's address. */
        Map<String, Service> calls() {
            return properties().calledServices();
        }

        /** The services that call this one's API. */
        List<Service> callers() {
            List<Service> callers = new ArrayList<>();
            for (Service caller : values()) {
                if (caller.calls().containsValue(this)) {
                    callers.add(caller);
                }
            }
            return callers;
        }

        /** The service built from the module, or null for anything else (Keycloak, the proxy). */
        static Service byModuleOrNull(String module) {
            for (Service service : values()) {
                if (service.module.equals(module)) {
                    return service;
                }
            }
            return null;
        }
    }

    /**
     * Environment variables that the services read without naming them in application.properties: Quarkus itself
     * reads QUARKUS_PROFILE, and the container images' entrypoint reads JAVA_OPTS and JAVA_OPTS_APPEND.
     */
    static final Set<String> READ_OUTSIDE_PROPERTIES = Set.of("QUARKUS_PROFILE", "JAVA_OPTS", "JAVA_OPTS_APPEND");

    private final String origin;
    private final Map<String, String> properties;
    private final List<EnvReference> references;

    private ServiceProperties(String origin, Map<String, String> properties) {
        this.origin = origin;
        this.properties = properties;
        this.references = new ArrayList<>();
        properties.forEach((key, value) -> {
            String profile = "";
            String property = key;
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                profile = key.substring(1, dot);
                property = key.substring(dot + 1);
            }
            for (String[] reference : references(value)) {
                references.add(new EnvReference(reference[0], profile, property, reference[1]));
            }
        });
    }

    static ServiceProperties of(Service service) {
        String relative = service.module + "/src/main/resources/application.properties";
        return parse(RepositoryFiles.read(relative), relative);
    }

    static ServiceProperties parse(String text, String origin) {
        Map<String, String> properties = new LinkedHashMap<>();
        StringBuilder logical = new StringBuilder();
        for (String raw : text.split("\\R", -1)) {
            String line = logical.isEmpty() ? raw.stripLeading() : raw.strip();
            if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith("!"))) {
                continue;
            }
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            String entry = logical.toString();
            logical.setLength(0);
            int separator = separatorIndex(entry);
            if (separator < 0) {
                properties.put(entry.strip(), "");
            } else {
                properties.put(
                        entry.substring(0, separator).strip(),
                        entry.substring(separator + 1).strip());
            }
        }
        return new ServiceProperties(origin, properties);
    }

    /** Every reference of every profile. */
    List<EnvReference> references() {
        return references;
    }

    /** Names the service reads outside its test profile. */
    Set<String> environmentNames() {
        Set<String> names = new TreeSet<>();
        references.stream().filter(r -> !r.profile().equals("test")).forEach(r -> names.add(r.name()));
        return names;
    }

    /** Whether a deployment may set this variable for the service. */
    boolean reads(String name) {
        return environmentNames().contains(name) || READ_OUTSIDE_PROPERTIES.contains(name);
    }

    /** Names the production profile needs and has no default for: a deployment must set them. */
    Set<String> requiredInProduction() {
        Set<String> required = new TreeSet<>();
        Set<String> keys = new LinkedHashSet<>();
        properties.keySet().forEach(k -> keys.add(k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k));
        for (String key : keys) {
            String value =
                    properties.containsKey("%prod." + key) ? properties.get("%prod." + key) : properties.get(key);
            if (value == null) {
                continue;
            }
            for (String[] reference : references(value)) {
                if (reference[1] == null) {
                    required.add(reference[0]);
                }
            }
        }
        return required;
    }

    /** The value of a property in a profile ("" for the default profile), falling back to the default profile. */
    String value(String profile, String property) {
        if (!profile.isEmpty() && properties.containsKey("%" + profile + "." + property)) {
            return properties.get("%" + profile + "." + property);
        }
        return properties.get(property);
    }

    /** The HTTP port the service listens on when HTTP_PORT is not set. */
    int defaultHttpPort() {
        String value = value("prod", "quarkus.http.port");
        List<String[]> refs = references(value);
        String port = refs.isEmpty() ? value : refs.get(0)[1];
        return Integer.parseInt(port);
    }

    /**
     * The services this one calls through a REST client ({@code quarkus.rest-client.<name>.url=${NAME:http://host:port}}),
     * by the variable holding the address; the service is the one listening on the default address's port.
     */
    Map<String, Service> calledServices() {
        Map<String, Service> called = new TreeMap<>();
        for (EnvReference reference : references) {
            if (!reference.profile().isEmpty()
                    || !reference.property().startsWith("quarkus.rest-client.")
                    || !reference.property().endsWith(".url")) {
                continue;
            }
            if (reference.defaultValue() == null) {
                throw new IllegalStateException(origin + ": " + reference.property() + " has no default address");
            }
            int port = URI.create(reference.defaultValue()).getPort();
            Service target = null;
            for (Service service : Service.values()) {
                if (service.port == port) {
                    target = service;
                }
            }
            if (target == null) {
                throw new IllegalStateException(origin + ": " + reference.property() + " calls no service of ours");
            }
            called.put(reference.name(), target);
        }
        return called;
    }

    /** quarkus.shutdown.timeout: how long Quarkus waits for work in flight when asked to stop. */
    Duration shutdownTimeout() {
        String value = value("prod", "quarkus.shutdown.timeout");
        if (value == null) {
            throw new IllegalStateException(origin + " sets no quarkus.shutdown.timeout (graceful shutdown is off)");
        }
        return parseDuration(value);
    }

    String origin() {
        return origin;
    }

    /** "20s", "5m", "PT1H" and the like, as Quarkus reads them. */
    static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(Long.parseLong(v));
        };
    }

    /** The {@code ${NAME:default}} references in a value, as [name, default-or-null], braces matched. */
    static List<String[]> references(String value) {
        List<String[]> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return found;
            }
            int depth = 0;
            int end = -1;
            for (int i = start + 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("Unbalanced ${ in " + value);
            }
            String body = value.substring(start + 2, end);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            String defaultValue = colon < 0 ? null : body.substring(colon + 1);
            if (name.matches("[A-Z][A-Z0-9_]*")) {
                found.add(new String[] {name, defaultValue});
            }
            if (defaultValue != null) {
                found.addAll(references(defaultValue));
            }
            from = end + 1;
        }
    }

    private static int separatorIndex(String entry) {
        boolean quoted = false;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '=' || c == ':')) {
                return i;
            }
        }
        return -1;
    }
}
