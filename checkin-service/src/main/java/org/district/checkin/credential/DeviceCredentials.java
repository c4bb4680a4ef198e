package org.district.checkin.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.repository.DeviceRepository;
import org.district.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Per-device credentials, issued by IT at enrolment: the alternative to DEVICE bearer tokens for device agents.
 *
 * <p>A credential reads {@code dc1.<device id>.<secret>}, the secret being 256 random bits in base64url. The agent
 * sends it as {@code Authorization: Device <credential>}. Only the SHA-256 of the secret is stored (on the device's
 * row); the secret is shown once, in the answer that issues it. A plain hash is enough because the secret is random
 * and long: there is nothing to guess, so a slow password hash would only cost every check-in CPU.
 *
 * <p>The secret is checked by the check-in writer, in the locking read of the device that starts the write, before
 * anything is written for that check-in (see {@link #ROLE}). Issuing a new credential replaces the old one and
 * revoking removes it, both at once on every replica.
 */
@ApplicationScoped
public class DeviceCredentials {

    /**
     * The role of a request that presents a device credential. It admits the request to the check-in endpoint only;
     * its secret is verified there, by the writer, against the stored hash. No other endpoint admits this role.
     */
    public static final String ROLE = "DEVICE_CREDENTIAL";

    /** The identity attribute holding the SHA-256 of the presented secret (a byte[32]). */
    public static final String HASH_ATTRIBUTE = "district.device-credential.sha256";

    /** The authentication scheme of the Authorization header. */
    public static final String SCHEME = "Device";

    static final String PREFIX = "dc1.";
    private static final Logger LOG = Logger.getLogger(DeviceCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int MIN_SECRET_CHARS = 22;
    private static final int MAX_SECRET_CHARS = 128;

    @Inject
    EntityManager em;

    @Inject
    DeviceRepository devices;

    @Inject
    DistrictClock clock;

    /** A credential as presented by a device: whose it claims to be, and the hash of its secret. */
    public record Presented(UUID deviceId, byte[] secretSha256) {}

    /** A newly issued credential; {@code credential} is the only copy of the secret. */
    public record Issued(UUID deviceId, String credential, Instant issuedAt, String issuedBy) {}

    /** Whether a device has a credential, and who issued it when. Never the secret or its hash. */
    public record Status(UUID deviceId, boolean issued, Instant issuedAt, String issuedBy) {}

    /** Issues a credential for the device, replacing any earlier one (which stops working at once). */
    @Transactional
    public Issued issue(UUID deviceId, String actor) {
        Device device = inService(deviceId);
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        em.createNativeQuery("update device set credential_sha256 = ?1, credential_issued_at = ?2,"
                        + " credential_issued_by = ?3 where id = ?4")
                .setParameter(1, sha256(encoded))
                .setParameter(2, now.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, actor)
                .setParameter(4, device.id)
                .executeUpdate();
        LOG.infof("%s issued a device credential for device %s", actor, deviceId);
        return new Issued(deviceId, PREFIX + deviceId + "." + encoded, now, actor);
    }

    /** Revokes the device's credential: its agent can no longer check in with it. */
    @Transactional
    public void revoke(UUID deviceId, String actor) {
        int changed = em.createNativeQuery("update device set credential_sha256 = null, credential_issued_at = null,"
                        + " credential_issued_by = null where id = ?1 and credential_sha256 is not null")
                .setParameter(1, deviceId)
                .executeUpdate();
        if (changed == 0) {
            throw ProblemException.notFound("device credential", deviceId.toString());
        }
        LOG.infof("%s revoked the device credential of device %s", actor, deviceId);
    }

    @Transactional
    public Status status(UUID deviceId) {
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> ProblemException.notFound("device", deviceId.toString()));
        return new Status(
                deviceId, device.credentialIssuedAt != null, device.credentialIssuedAt, device.credentialIssuedBy);
    }

    private Device inService(UUID deviceId) {
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> ProblemException.notFound("device", deviceId.toString()));
        if (device.outOfService()) {
            throw ProblemException.conflict(
                    "device-out-of-service",
                    "The device is " + device.status + " and no longer checks in; it gets no credential.");
        }
        return device;
    }

    /**
     * Reads a presented credential, or returns empty when it is not one (wrong shape, not a device id, a secret of
     * the wrong length or alphabet). Never logs or keeps the secret itself.
     */
    public static Optional<Presented> parse(String credential) {
        if (credential == null || !credential.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = credential.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        UUID deviceId;
        try {
            deviceId = UUID.fromString(credential.substring(PREFIX.length(), dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String secret = credential.substring(dot + 1);
        if (secret.length() < MIN_SECRET_CHARS || secret.length() > MAX_SECRET_CHARS || !base64Url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Presented(deviceId, sha256(secret)));
    }

    /**
     * The refusal of a device credential that is malformed, wrong, replaced or revoked: one answer for all, so it tells
     * a caller nothing about which.
     */
    public static ProblemException notAccepted() {
        return new ProblemException(
                401,
                "invalid-device-credential",
                "Device credential not accepted",
                "The device credential is not valid: it is wrong, or it was replaced or revoked. Ask IT to enrol the"
                        + " device again.",
                null,
                Map.of("WWW-Authenticate", SCHEME));
    }

    /** Whether the presented hash matches the stored one, in time independent of where they differ. */
    public static boolean matches(byte[] presented, byte[] stored) {
        return presented != null && stored != null && MessageDigest.isEqual(presented, stored);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean base64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
