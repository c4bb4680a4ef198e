package org.district.lossreport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) and a real HTTP webhook endpoint inside the test JVM, started before the service so
 * the service delivers to them over the network. The webhook answers 500 to messages mentioning {@link #FAIL}, 410 to
 * those mentioning {@link #GONE}, and
 * holds messages mentioning {@link #HANG} until {@link #releaseHanging()} (or its own time-out), to test retries and
 * that one stuck recipient does not hold up the others.
 */
public class MailAndWebhook implements QuarkusTestResourceLifecycleManager {

    /** Webhook requests that mention the key (an asset tag, as alert subjects carry) get this answer's status. */
    private static final Map<String, Integer> ANSWERS = new ConcurrentHashMap<>();

    /** Webhook requests that mention one of these are held until {@link #releaseHanging()}. */
    private static final Set<String> HANGING = ConcurrentHashMap.newKeySet();

    private static GreenMail smtp;
    private static HttpServer webhook;
    private static ExecutorService webhookThreads;
    private static final List<Received> WEBHOOK_REQUESTS = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch hanging = new CountDownLatch(1);

    @Override
    public Map<String, String> start() {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhookThreads = Executors.newCachedThreadPool();
        webhook.setExecutor(webhookThreads);
        webhook.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            WEBHOOK_REQUESTS.add(new Received(System.nanoTime(), body));
            int status = ANSWERS.entrySet().stream()
                    .filter(answer -> mentions(body, answer.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(204);
            if (HANGING.stream().anyMatch(text -> mentions(body, text))) {
                try {
                    hanging.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(smtpPort),
                "district.notify.it-webhook-url",
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    }

    @Override
    public void stop() {
        releaseHanging();
        if (webhook != null) {
            webhook.stop(0);
            webhookThreads.shutdownNow();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Whether the body holds the text as a whole word: TAG-R-7 is not mentioned by a request about TAG-R-70. */
    private static boolean mentions(String body, String text) {
        return Pattern.compile("(?<![\\p{Alnum}-])" + Pattern.quote(text) + "(?![\\p{Alnum}-])")
                .matcher(body)
                .find();
    }

    /** The webhook answers requests that mention the text (say, a device's asset tag) with this status. */
    public static void answer(String text, int status) {
        ANSWERS.put(text, status);
    }

    /** The webhook holds requests that mention the text until {@link #releaseHanging()}. */
    public static void hangOn(String text) {
        HANGING.add(text);
    }

    /** Lets every held webhook request answer. */
    public static void releaseHanging() {
        hanging.countDown();
    }

    /** Holds webhook requests that mention a {@link #hangOn} text again. */
    public static void holdHanging() {
        hanging = new CountDownLatch(1);
    }

    /** Webhook requests received so far whose body contains the text, in arrival order. */
    public static List<Received> webhookRequestsContaining(String text) {
        return WEBHOOK_REQUESTS.stream().filter(r -> r.body().contains(text)).collect(Collectors.toList());
    }

    /** One webhook request: when it arrived (System.nanoTime) and its body. */
    public record Received(long nanoTime, String body) {}

    /** Emails received by the SMTP server whose subject contains the text, as "recipient: subject". */
    public static List<Email> emailsAbout(String text) {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(Email::of)
                .filter(e -> e.subject().contains(text))
                .collect(Collectors.toList());
    }

    /** Emails received for one recipient whose subject contains the text. */
    public static List<Email> emailsTo(String recipient, String text) {
        return emailsAbout(text).stream()
                .filter(e -> e.to().equalsIgnoreCase(recipient))
                .collect(Collectors.toList());
    }

    /** One received email. */
    public record Email(String to, String subject, String body, String messageId) {
        static Email of(MimeMessage m) {
            try {
                String to = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString)
                        .collect(Collectors.joining(","));
                Object content = m.getContent();
                String body = content instanceof String s ? s : String.valueOf(content);
                return new Email(to, m.getSubject(), body, m.getMessageID());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
