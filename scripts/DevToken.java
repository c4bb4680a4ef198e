import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints a bearer token for the LOCAL STACK ONLY, signed with the committed development key that the production
 * profile refuses. Run through scripts/mint-token.sh:
 *
 *   scripts/mint-token.sh --role IT_ADMIN --sub E1001 [--role AUDITOR ...] [--ttl 8h]
 *   scripts/mint-token.sh --role DEVICE --sub <device-uuid>
 */
public class DevToken {

    static final String ISSUER = "urn:district:local-dev-issuer";
    static final List<String> ROLES = List.of("STAFF", "SUPERVISOR", "IT_ADMIN", "HR", "AUDITOR", "DEVICE");

    public static void main(String[] args) throws Exception {
        List<String> roles = new ArrayList<>();
        String subject = null;
        Duration ttl = Duration.ofHours(8);
        String keyFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--role" -> { roles.add(require(arg, value).toUpperCase()); i++; }
                case "--sub" -> { subject = require(arg, value); i++; }
                case "--ttl" -> { ttl = parseTtl(require(arg, value)); i++; }
                case "--key" -> { keyFile = require(arg, value); i++; }
                case "-h", "--help" -> { usage(); return; }
                default -> fail("unknown argument " + arg);
            }
        }
        if (roles.isEmpty() || subject == null || keyFile == null) {
            usage();
            System.exit(2);
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                fail("unknown role " + role + "; roles are " + ROLES);
            }
        }
        Instant now = Instant.now();
        StringBuilder groups = new StringBuilder();
        for (String role : roles) {
            groups.append(groups.length() == 0 ? "" : ",").append('"').append(role).append('"');
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + json(subject) + "\",\"groups\":[" + groups
                + "],\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(loadKey(Path.of(keyFile)));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(signature.sign()));
    }

    static PrivateKey loadKey(Path file) throws Exception {
        String pem = Files.readString(file);
        String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"))
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static Duration parseTtl(String text) {
        char unit = text.charAt(text.length() - 1);
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("ttl must end in m, h or d");
        };
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String require(String name, String value) {
        if (value == null) {
            fail(name + " needs a value");
        }
        return value;
    }

    static void fail(String message) {
        System.err.println("mint-token: " + message);
        System.exit(2);
    }

    static void usage() {
        System.err.println("usage: scripts/mint-token.sh --role ROLE [--role ROLE ...] --sub SUBJECT [--ttl 8h]");
        System.err.println("  roles: " + ROLES);
        System.err.println("  SUBJECT: a person's district id, or a device id for the DEVICE role");
        System.err.println("  Tokens are signed with the development-only key: the local stack and tests trust them,");
        System.err.println("  the production profile does not.");
    }
}
