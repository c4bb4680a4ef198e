package org.district.checkin.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A device credential, issued by IT at enrolment: how a device's agent signs in (people and systems sign in through the
 * district's identity provider; devices do not).
 *
 * <p>A credential reads {@code dc1.<device id>.<secret>}, the secret being 256 random bits in base64url. The agent
 * sends it as {@code Authorization: Device <credential>}. Only the SHA-256 of the secret is stored (on the device's
 * row); the secret is shown once, in the answer that issues it. A plain hash is enough because the secret is random
 * and long: there is nothing to guess, so a slow password hash would only cost every check-in CPU.
 *
 * <p>The secret is checked by the check-in writer, in the locking read of the device that starts the write, before
 * anything is written for that check-in. Issuing a new credential replaces the old one and revoking removes it, both
 * at once on every replica.
 */
public final class DeviceCredential {

    static final String PREFIX = "dc1.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int MIN_SECRET_CHARS = 22;
    private static final int MAX_SECRET_CHARS = 128;

    private DeviceCredential() {}

    /** A credential as presented by a device: whose it claims to be, and the hash of its secret. */
    public record Presented(UUID deviceId, byte[] secretSha256) {}

    /** A new credential for a device: the text to install on it (the only copy of the secret) and what is stored. */
    public record Minted(String credential, byte[] secretSha256) {}

    /** Makes a new credential for the device. */
    public static Minted mint(UUID deviceId) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Minted(PREFIX + deviceId + "." + encoded, sha256(encoded));
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
