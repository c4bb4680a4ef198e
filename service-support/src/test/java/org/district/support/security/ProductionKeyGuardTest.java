package org.district.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionKeyGuardTest {

    private static final String IDP_ISSUER = "https://login.district.example/realms/staff";

    @TempDir
    static Path dir;

    private static Path realKey;
    private static Path copiedDevKey;
    private static String devKeyPem;

    @BeforeAll
    static void keys() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        realKey = dir.resolve("idp-public-key.pem");
        Files.writeString(realKey, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");

        devKeyPem = ProductionKeyGuard.readKey("classpath:" + DevKeys.DEV_PUBLIC_KEY_RESOURCE);
        assertThat(devKeyPem)
                .as("the development public key is on the class path")
                .contains("BEGIN PUBLIC KEY");
        copiedDevKey = dir.resolve("identity-provider.pem");
        // Same key, different line breaks: still the development key.
        Files.writeString(copiedDevKey, devKeyPem.replace("\n", "\r\n"));
    }

    private static List<String> check(String issuer, String location, String inline) {
        return ProductionKeyGuard.check(issuer, location, inline, ProductionKeyGuard::readKey);
    }

    @Test
    void acceptsAnIdentityProvidersIssuerAndKey() {
        assertThat(check(IDP_ISSUER, realKey.toString(), null)).isEmpty();
        assertThat(check(IDP_ISSUER, "file:" + realKey, null)).isEmpty();
        assertThat(check(IDP_ISSUER, null, Files.exists(realKey) ? read(realKey) : null))
                .isEmpty();
    }

    @Test
    void acceptsAJwksUrlItCannotReadAtStartup() {
        assertThat(check(IDP_ISSUER, "https://login.district.example/realms/staff/protocol/openid-connect/certs", null))
                .isEmpty();
    }

    @Test
    void refusesTheDevelopmentIssuer() {
        assertThat(check(DevKeys.DEV_ISSUER, realKey.toString(), null))
                .singleElement()
                .asString()
                .contains("development issuer");
        assertThat(check(" " + DevKeys.DEV_ISSUER + " ", realKey.toString(), null))
                .hasSize(1);
    }

    @Test
    void refusesAMissingIssuer() {
        assertThat(check(null, realKey.toString(), null))
                .singleElement()
                .asString()
                .contains("JWT_ISSUER");
        assertThat(check("  ", realKey.toString(), null)).hasSize(1);
    }

    @Test
    void refusesAMissingKey() {
        assertThat(check(IDP_ISSUER, null, null)).singleElement().asString().contains("JWT_PUBLIC_KEY_LOCATION");
        assertThat(check(IDP_ISSUER, " ", "")).hasSize(1);
    }

    @Test
    void refusesTheDevelopmentKeyByLocation() {
        assertThat(check(IDP_ISSUER, DevKeys.DEV_PUBLIC_KEY_RESOURCE, null))
                .singleElement()
                .asString()
                .contains("development key");
        assertThat(check(IDP_ISSUER, "classpath:" + DevKeys.DEV_PUBLIC_KEY_RESOURCE, null))
                .hasSize(1);
    }

    @Test
    void refusesTheDevelopmentKeyCopiedUnderAnotherName() {
        assertThat(check(IDP_ISSUER, copiedDevKey.toString(), null))
                .singleElement()
                .asString()
                .contains("configured public key is the development key");
    }

    @Test
    void refusesTheDevelopmentKeyInline() {
        assertThat(check(IDP_ISSUER, null, devKeyPem))
                .singleElement()
                .asString()
                .contains("inline public key is the development key");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(check(DevKeys.DEV_ISSUER, DevKeys.DEV_PUBLIC_KEY_RESOURCE, null))
                .hasSize(2);
    }

    @Test
    void readKeyReturnsNullForWhatItCannotRead() {
        assertThat(ProductionKeyGuard.readKey("https://login.district.example/certs"))
                .isNull();
        assertThat(ProductionKeyGuard.readKey(dir.resolve("missing.pem").toString()))
                .isNull();
        assertThat(ProductionKeyGuard.readKey(realKey.toString())).contains("BEGIN PUBLIC KEY");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
