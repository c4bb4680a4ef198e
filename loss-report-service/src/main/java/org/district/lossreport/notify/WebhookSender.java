package org.district.lossreport.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.district.lossreport.config.NotifySettings;
import org.district.lossreport.repository.Delivery;

/**
 * Posts notifications to IT's chat channel incoming webhook as JSON ({@code text} is what chat tools display), with
 * connect and answer timeouts. Any answer but 2xx is a failure to retry.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    NotifySettings settings;

    @Inject
    ObjectMapper mapper;

    private volatile HttpClient client;

    public void send(Delivery d) throws IOException, InterruptedException {
        URI url = urlOf(d.recipient());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", d.subject() + "\n\n" + d.body());
        payload.put("subject", d.subject());
        payload.put("link", d.link());
        payload.put("eventId", d.eventId().toString());
        payload.put("eventType", d.eventType());
        if (d.reportId() != null) {
            payload.put("reportId", d.reportId().toString());
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-District-Notification-Id", d.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(payload)))
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            String message = "webhook answered HTTP " + status
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length())));
            // A 4xx says the request itself is refused (gone, forbidden, malformed): sending it again cannot help,
            // except after 408 (timeout) and 429 (slow down). 5xx and everything else may pass on a later attempt.
            if (status / 100 == 4 && status != 408 && status != 429) {
                throw new PermanentDeliveryFailure(message);
            }
            throw new IOException(message);
        }
    }

    private URI urlOf(String recipient) throws IOException {
        if (Recipients.IT_WEBHOOK.equals(recipient) && settings.itWebhookUrl().isPresent()) {
            return settings.itWebhookUrl().get();
        }
        throw new IOException("no webhook named " + recipient + " is configured");
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(settings.webhookTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }
}
