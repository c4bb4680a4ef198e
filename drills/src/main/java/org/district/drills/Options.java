package org.district.drills;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options and {@code --flag} switches of a drill's command line. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {}

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option [value], got " + arg);
            }
            String name = arg.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.values.put(name, args[++i]);
            } else {
                options.values.put(name, "true");
            }
        }
        return options;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(get(name, Double.toString(fallback)));
    }

    Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(Long.parseLong(get(name, Long.toString(fallback))));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
