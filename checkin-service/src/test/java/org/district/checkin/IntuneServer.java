package org.district.checkin;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Microsoft: the identity platform's token endpoint and Microsoft Graph's Intune managed devices, on a WireMock
 * server the tests stub from response files of Graph's published shapes (src/test/resources/intune). The client
 * secret is made for the run, never kept in the repository.
 */
public class IntuneServer implements QuarkusTestResourceLifecycleManager {

    static final String TENANT = "0f3c9a52-7e41-4b6d-a8c2-5d1e9f7b3a60";
    static final String CLIENT_ID = "6a1d8e4f-2b7c-4e95-b3a0-c8f2d5e7a914";
    static final String CLIENT_SECRET = "run-secret-" + UUID.randomUUID();
    static final String TOKEN = "/" + TENANT + "/oauth2/v2.0/token";
    static final String DEVICES = "/v1.0/deviceManagement/managedDevices";

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    static String base() {
        return "http://localhost:" + server.port();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("district.mdm.intune.enabled", "true");
        config.put("district.mdm.intune.tenant-id", TENANT);
        config.put("district.mdm.intune.client-id", CLIENT_ID);
        config.put("district.mdm.intune.client-secret", CLIENT_SECRET);
        config.put("district.mdm.intune.graph-url", base());
        config.put("district.mdm.intune.login-url", base());
        config.put("district.mdm.intune.page-size", "2");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A response file with its ${name} placeholders replaced. */
    static String file(String name, Map<String, String> values) {
        try (InputStream in = IntuneServer.class.getResourceAsStream("/intune/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of the managed devices listing, as Graph gives it, with the next page's link (none when null). */
    static String page(List<String> devices, String nextLink) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices\","
                + (nextLink == null ? "" : " \"@odata.nextLink\": \"" + nextLink + "\",")
                + " \"value\": [" + String.join(",", devices) + "]}";
    }
}
