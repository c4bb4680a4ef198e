package org.district.checkin.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-time enrolment code: IT creates it for a device and types it (or pastes it) into the device's agent, which
 * exchanges it once for the device's credential. It reads like {@code 7KQ2-M9XD-4HTR-WB6P}: 16 characters of
 * Crockford's base32 (no I, L, O or U to misread), 80 random bits, so guessing one is hopeless even before the
 * code's few hours run out and the exchange's rate limit applies. Only its SHA-256 is stored.
 */
public final class EnrolmentCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolmentCode() {}

    /** A new code: the text shown to IT once, and what is stored. */
    public record Minted(String code, byte[] sha256) {}

    public static Minted mint() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Minted(code.toString(), sha256(normalise(code.toString()).orElseThrow()));
    }

    /**
     * The hash of a code as typed: case, spaces and hyphens do not matter, and O, I and L are read as 0, 1 and 1.
     * Empty when the text cannot be a code (wrong length or a character outside the alphabet).
     */
    public static Optional<byte[]> hashOf(String typed) {
        return normalise(typed).map(EnrolmentCode::sha256);
    }

    private static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> {}
                case 'O' -> out.append('0');
                case 'I', 'L' -> out.append('1');
                default -> {
                    if (ALPHABET.indexOf(c) < 0) {
                        return Optional.empty();
                    }
                    out.append(c);
                }
            }
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    private static byte[] sha256(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
