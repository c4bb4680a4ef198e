package org.district.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Client settings for the local, test and benchmark brokers (scripts/kafka.sh), which admit only signed-in users over
 * TLS (their certificate is signed by this machine's development certificate authority, {@link #truststore()}).
 * Tests and drills act as the broker's administrator (they stand in for every service and the HR system at once);
 * the services themselves sign in as their own users, so every test also runs under the grants of
 * deploy/kafka/access.txt.
 */
public final class TestKafka {

    /** The administrator of the local brokers. */
    public static final String ADMIN = "kafka-admin";

    private TestKafka() {}

    /** Settings to reach {@code bootstrap} as the administrator. */
    public static Properties admin(String bootstrap) {
        String password = System.getenv().getOrDefault("KAFKA_ADMIN_PASSWORD", "kafka-admin-dev-only");
        return as(bootstrap, ADMIN, password);
    }

    /** Settings to reach {@code bootstrap} as {@code user} with its development password ({@code <user>-dev-only}). */
    public static Properties user(String bootstrap, String user) {
        return as(bootstrap, user, user + "-dev-only");
    }

    /** Settings to reach {@code bootstrap} as {@code user} with {@code password}. */
    public static Properties as(String bootstrap, String user, String password) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("security.protocol", "SASL_SSL");
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.location", truststore().toString());
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        return props;
    }

    /**
     * The certificate authority the local brokers' certificate is signed by (PEM): KAFKA_TRUSTSTORE when set, else
     * {@code .local/kafka/tls/ca.crt} of the repository this runs in (found from the working folder upwards), as
     * scripts/kafka.sh makes it. Services started by tests, benchmarks and drills are given the same file.
     */
    public static Path truststore() {
        String configured = System.getenv("KAFKA_TRUSTSTORE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path ca = dir.resolve(".local/kafka/tls/ca.crt");
            if (Files.isRegularFile(ca)) {
                return ca;
            }
        }
        throw new IllegalStateException("The local brokers' certificate authority (.local/kafka/tls/ca.crt) is not"
                + " there: start a broker with scripts/kafka.sh first, or set KAFKA_TRUSTSTORE");
    }
}
