package org.district.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays Google: the OAuth token endpoint and the Directory API, on a WireMock server the tests stub from response
 * files of Google's published shapes (src/test/resources/google-admin). A service account key is made for the run (a
 * fresh RSA key in a temporary file, never in the repository), and the service is pointed at the server.
 */
public class GoogleAdminServer implements QuarkusTestResourceLifecycleManager {

    static final String CUSTOMER = "C03az79cb";
    static final String SUBJECT = "device-sync@district.example";
    static final String CLIENT_EMAIL = "device-sync@district-devices.iam.gserviceaccount.com";
    static final String DEVICES = "/admin/directory/v1/customer/" + CUSTOMER + "/devices/chromeos";

    private static WireMockServer server;
    private Path keyDir;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        try {
            keyDir = Files.createTempDirectory(
                    "google-admin-key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path key = keyDir.resolve("service-account.json");
            Files.writeString(key, serviceAccountKey(base + "/token"));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("district.mdm.google.enabled", "true");
            config.put("district.mdm.google.customer-id", CUSTOMER);
            config.put("district.mdm.google.key-file", key.toString());
            config.put("district.mdm.google.admin-subject", SUBJECT);
            config.put("district.mdm.google.directory-url", base);
            config.put("district.mdm.google.token-url", base + "/token");
            config.put("district.mdm.google.page-size", "2");
            config.put("district.mdm.sync.max-attempts", "4");
            config.put("district.mdm.sync.max-retry-wait", "PT2S");
            return config;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        try {
            if (keyDir != null) {
                try (var files = Files.list(keyDir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(keyDir);
            }
        } catch (IOException e) {
            // A temporary directory; the system clears it.
        }
    }

    /** A service account key file in Google's JSON format, with a private key made now. */
    private static String serviceAccountKey(String tokenUri) throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", "district-devices");
        key.put("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        key.put("private_key", pem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", "104953829571034589123");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", tokenUri);
        return new ObjectMapper().writeValueAsString(key);
    }

    /** A response file with its ${name} placeholders replaced. */
    static String file(String name, Map<String, String> values) {
        try (InputStream in = GoogleAdminServer.class.getResourceAsStream("/google-admin/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
