package org.district.support.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service in the production profile while it would trust development tokens: the committed dev key,
 * the dev issuer, or no key at all.
 */
@Singleton
public class ProductionKeyGuard {

    private static final Logger LOG = Logger.getLogger(ProductionKeyGuard.class);

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    void onStart(@Observes StartupEvent event) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<String> problems = check(
                issuer.orElse(null), keyLocation.orElse(null), inlineKey.orElse(null), ProductionKeyGuard::readKey);
        if (!problems.isEmpty()) {
            String message = "Refusing to start in the production profile: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Reads key material from a location; returns null when it cannot be read here (for example a JWKS URL). */
    @FunctionalInterface
    public interface KeyReader {
        String read(String location);
    }

    /** What is wrong with a production token configuration; empty when it is acceptable. */
    public static List<String> check(String issuer, String keyLocation, String inlineKey, KeyReader reader) {
        List<String> problems = new ArrayList<>();
        if (issuer == null || issuer.isBlank()) {
            problems.add("set JWT_ISSUER (mp.jwt.verify.issuer) to your identity provider's issuer");
        } else if (issuer.trim().equals(DevKeys.DEV_ISSUER)) {
            problems.add("the token issuer is the development issuer " + DevKeys.DEV_ISSUER);
        }
        boolean hasLocation = keyLocation != null && !keyLocation.isBlank();
        boolean hasInline = inlineKey != null && !inlineKey.isBlank();
        if (!hasLocation && !hasInline) {
            problems.add("set JWT_PUBLIC_KEY_LOCATION (mp.jwt.verify.publickey.location) to your identity provider's"
                    + " public key or JWKS URL");
        }
        String devKey = normalise(reader.read("classpath:" + DevKeys.DEV_PUBLIC_KEY_RESOURCE));
        if (hasLocation) {
            if (keyLocation.contains("dev-only")) {
                problems.add("the public key location points at the development key");
            } else {
                String configured = normalise(reader.read(keyLocation.trim()));
                if (devKey != null && configured != null && configured.contains(devKey)) {
                    problems.add("the configured public key is the development key");
                }
            }
        }
        if (hasInline && devKey != null) {
            String configured = normalise(inlineKey);
            if (configured != null && configured.contains(devKey)) {
                problems.add("the inline public key is the development key");
            }
        }
        return problems;
    }

    private static String normalise(String pem) {
        if (pem == null) {
            return null;
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return body.isEmpty() ? null : body;
    }

    static String readKey(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                return null;
            }
            if (location.startsWith("classpath:")) {
                return readResource(location.substring("classpath:".length()));
            }
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            Path file = Path.of(path);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            return readResource(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String readResource(String name) throws IOException {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
