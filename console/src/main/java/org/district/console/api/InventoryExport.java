package org.district.console.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory's CSV exports (devices, charges), as the signed-in person, passed on as they arrive: the answer is a
 * stream of the inventory's own chunks, so a district's whole inventory is never held in the console's memory. (The
 * typed REST client reads a text/csv answer whole.)
 */
@ApplicationScoped
public class InventoryExport {

    @Inject
    Vertx vertx;

    @Inject
    SignedInToken token;

    @ConfigProperty(name = "quarkus.rest-client.inventory.url")
    String inventoryUrl;

    private volatile HttpClient client;

    /** Starts the export of the devices these filters find (blank filters left out). */
    public Uni<HttpClientResponse> devices(Map<String, String> filters) {
        return export("/api/v1/devices/export", filters);
    }

    /** Starts the export of the charges these filters find, for the business office (blank filters left out). */
    public Uni<HttpClientResponse> charges(Map<String, String> filters) {
        return export("/api/v1/charges/export", filters);
    }

    private Uni<HttpClientResponse> export(String path, Map<String, String> filters) {
        StringBuilder uri = new StringBuilder(inventoryUrl.replaceAll("/+$", "")).append(path);
        char separator = '?';
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            if (filter.getValue() != null && !filter.getValue().isBlank()) {
                uri.append(separator)
                        .append(filter.getKey())
                        .append('=')
                        .append(URLEncoder.encode(filter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(uri.toString())
                .putHeader("Accept", "text/csv");
        String authorization = token.authorization();
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return client().request(request).flatMap(r -> r.send());
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient();
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.closeAndAwait();
        }
    }
}
