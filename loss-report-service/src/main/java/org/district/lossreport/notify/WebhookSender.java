package org.district.lossreport.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.district.lossreport.config.NotifySettings;
import org.district.lossreport.repository.Delivery;

/**
 * Posts notifications to IT's chat channel incoming webhook as JSON ({@code text} is what chat tools display), with
 * connect and answer timeouts. Any answer but 2xx is a failure to retry. The webhook carries the subject line of IT's
 * alerts (report number, device, school; for an overdue return, the holder's name) and the report's link, never their
 * body ({@link #chatText}); it is still sent
 * over TLS only: the service refuses to start with a plain {@code http://} address, unless it names this host itself
 * (a relay beside the service).
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    NotifySettings settings;

    @Inject
    ObjectMapper mapper;

    private volatile HttpClient client;

    void checkAddress(@Observes StartupEvent event) {
        settings.itWebhookUrl().flatMap(WebhookSender::refusal).ifPresent(problem -> {
            throw new IllegalStateException("district.notify.it-webhook-url (IT_WEBHOOK_URL) " + problem);
        });
    }

    /** Why a webhook address is not acceptable, or empty when it is. */
    static Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an https:// address");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not hold a user name or password (chat webhooks carry their secret in the path)");
        }
        if (scheme.equals("http") && !isThisHost(url.getHost())) {
            return Optional.of("must be an https:// address: alerts must not cross the network unencrypted");
        }
        return Optional.empty();
    }

    private static boolean isThisHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    public void send(Delivery d) throws IOException, InterruptedException {
        URI url = urlOf(d.recipient());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", chatText(d.subject(), d.link()));
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
        // The request's timeout ends with the answer's headers; its body could then trickle for ever (or be huge) and
        // hold a delivery slot past the row's lease. The status says all the worker needs: the body is never read.
        HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        int status = response.statusCode();
        if (status / 100 != 2) {
            String message = "webhook answered HTTP " + status;
            // A 4xx says the request itself is refused (gone, forbidden, malformed): sending it again cannot help,
            // except after 408 (timeout) and 429 (slow down). 5xx and everything else may pass on a later attempt.
            if (status / 100 == 4 && status != 408 && status != 429) {
                throw new PermanentDeliveryFailure(message);
            }
            throw new IOException(message);
        }
    }

    /**
     * What the chat channel shows: the message's subject line and the link to the report, never the email's body. The
     * body holds the reporter's phone and their own words, which stay behind the console's sign-in instead of in a
     * third party's chat history, and whose text could otherwise carry chat markup (a mention of the whole channel, a
     * disguised link). The three characters chat tools read as markup ({@code & < >}) are escaped, as Slack asks.
     */
    static String chatText(String subject, String link) {
        String text = link == null ? subject : subject + "\nOpen the report: " + link;
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private URI urlOf(String recipient) throws IOException {
        if (Recipients.IT_WEBHOOK.equals(recipient) && settings.itWebhookUrl().isPresent()) {
            URI url = settings.itWebhookUrl().get();
            Optional<String> refused = refusal(url);
            if (refused.isPresent()) {
                throw new PermanentDeliveryFailure("the webhook address " + refused.get());
            }
            return url;
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
