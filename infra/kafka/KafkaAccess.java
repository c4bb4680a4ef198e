import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Sets up a fresh local, test or benchmark broker the way production is set up: creates the system's topics
 * (deploy/kafka/topics.txt) and grants each service what deploy/kafka/access.txt says, nothing more. Run by
 * scripts/kafka.sh as the broker's administrator, once, right after the broker first starts.
 *
 * <pre>java -cp 'kafka-libs/*' KafkaAccess.java BOOTSTRAP TOPICS_FILE ACCESS_FILE</pre>
 *
 * The administrator's name and password come from KAFKA_ADMIN_USER and KAFKA_ADMIN_PASSWORD; the certificate
 * authority that signed the brokers' certificate (a PEM file) from KAFKA_TRUSTSTORE.
 */
public class KafkaAccess {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KafkaAccess BOOTSTRAP TOPICS_FILE ACCESS_FILE");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", args[0]);
        // Over TLS, trusting the brokers' certificate authority (a PEM file).
        config.put("security.protocol", "SASL_SSL");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", System.getenv("KAFKA_TRUSTSTORE"));
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + System.getenv("KAFKA_ADMIN_USER") + "\" password=\"" + System.getenv("KAFKA_ADMIN_PASSWORD")
                        + "\";");
        config.put("request.timeout.ms", "15000");
        config.put("default.api.timeout.ms", "60000");
        try (Admin admin = Admin.create(config)) {
            createTopics(admin, Path.of(args[1]));
            signUp(admin, Path.of(args[2]));
            grant(admin, Path.of(args[2]));
        }
    }

    /**
     * Signs up the users of the access list the broker does not have yet (a user added to the list after the broker
     * was first started), with the same development password the broker's first start gives: the user's name and
     * "-dev-only". Users already signed up keep their password.
     */
    private static void signUp(Admin admin, Path file) throws Exception {
        Set<String> users = new java.util.TreeSet<>();
        rows(file).forEach(row -> users.add(row[0]));
        Set<String> known = admin.describeUserScramCredentials().all().get(60, TimeUnit.SECONDS).keySet();
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> missing = new ArrayList<>();
        for (String user : users) {
            if (!known.contains(user)) {
                missing.add(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
                        user,
                        new org.apache.kafka.clients.admin.ScramCredentialInfo(
                                org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 8192),
                        user + "-dev-only"));
            }
        }
        if (!missing.isEmpty()) {
            admin.alterUserScramCredentials(missing).all().get(60, TimeUnit.SECONDS);
        }
        System.out.println("users signed up: " + missing.size());
    }

    private static void createTopics(Admin admin, Path file) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String[] row : rows(file)) {
            topics.add(new NewTopic(row[0], Integer.parseInt(row[1]), (short) 1)
                    .configs(Map.of("cleanup.policy", row[2], "min.insync.replicas", "1")));
        }
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + name, e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not create topic " + name, e);
            }
        });
        System.out.println("topics: " + topics.size());
    }

    private static void grant(Admin admin, Path file) throws Exception {
        List<AclBinding> grants = new ArrayList<>();
        for (String[] row : rows(file)) {
            ResourceType type =
                    switch (row[1]) {
                        case "topic" -> ResourceType.TOPIC;
                        case "group" -> ResourceType.GROUP;
                        case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
                        default -> throw new IllegalArgumentException("unknown resource type " + row[1]);
                    };
            PatternType pattern = PatternType.valueOf(row[2].toUpperCase(Locale.ROOT));
            for (String operation : row[4].split(",")) {
                AclOperation op = AclOperation.fromString(operation.trim());
                if (op == AclOperation.UNKNOWN) {
                    throw new IllegalArgumentException("unknown operation " + operation);
                }
                grants.add(new AclBinding(
                        new ResourcePattern(type, row[3], pattern),
                        new AccessControlEntry("User:" + row[0], "*", op, AclPermissionType.ALLOW)));
            }
        }
        admin.createAcls(grants).all().get(60, TimeUnit.SECONDS);
        System.out.println("grants: " + grants.size() + " to " + Set.copyOf(grants.stream()
                        .map(g -> g.entry().principal())
                        .toList())
                .size() + " principals");
    }

    /** The non-blank, non-comment lines of a file, split on white space. */
    private static List<String[]> rows(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .toList();
    }
}
