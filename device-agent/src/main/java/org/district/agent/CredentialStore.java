package org.district.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The device's credential in one file: created 0600 in a 0700 directory, replaced atomically when the device is
 * enrolled again. The value is never logged or printed.
 */
public final class CredentialStore {

    private final Path file;

    public CredentialStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The stored credential, or empty when the device is not enrolled. */
    public Optional<String> read() throws IOException {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Stores (or replaces) the credential. */
    public void write(String credential) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        SecureFiles.createDirectories(dir, SecureFiles.OWNER_ONLY_DIR);
        SecureFiles.writeAtomically(file, (credential + "\n").getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
    }
}
