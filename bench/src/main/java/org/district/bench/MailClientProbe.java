package org.district.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many messages the mail client of loss-report-service (Vert.x's, as Quarkus Mailer configures it: kept-alive
 * connections, a pool of them) sends per second to the benchmarks' SMTP server, alone in its process: the ceiling the
 * notification delivery could reach if nothing else held it back. Each sender thread blocks on its message as a
 * delivery thread does; messages like the service's (a few kB of text, its headers). Prints one line per round.
 *
 * <pre>bench/mail-client-probe.sh</pre>
 */
public final class MailClientProbe {

    private MailClientProbe() {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(arg(args, "--messages", "2000"));
        int senders = Integer.parseInt(arg(args, "--senders", "64"));
        int pool = Integer.parseInt(arg(args, "--pool", "16"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "3"));
        int port = Integer.parseInt(arg(args, "--smtp-port", "2527"));
        Vertx vertx = Vertx.vertx();
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        try (SmtpSink sink = new SmtpSink(port)) {
            MailClient client = MailClient.create(
                    vertx,
                    new MailConfig()
                            .setHostname("127.0.0.1")
                            .setPort(port)
                            .setStarttls(StartTLSOptions.OPTIONAL)
                            .setLogin(LoginOption.DISABLED)
                            .setKeepAlive(true)
                            .setOwnHostname("lossreport.district.example")
                            .setMaxPoolSize(pool));
            String body = "A laptop was reported stolen. ".repeat(60);
            for (int round = 1; round <= rounds; round++) {
                CountDownLatch done = new CountDownLatch(messages);
                AtomicLong waited = new AtomicLong();
                AtomicInteger failed = new AtomicInteger();
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    int n = i;
                    threads.execute(() -> {
                        long sent = System.nanoTime();
                        try {
                            MailMessage mail = new MailMessage()
                                    .setFrom("Device loss reports <loss-reports@district.example>")
                                    .setTo("it-" + (n % 3) + "@district.example")
                                    .setSubject("Laptop LHS-" + n + " reported stolen")
                                    .setText(body);
                            mail.setHeaders(MultiMap.caseInsensitiveMultiMap()
                                    .add("Message-ID", "<probe." + n + "@lossreport.district.example>")
                                    .add("X-District-Event-Id", "probe-" + n));
                            client.sendMail(mail)
                                    .toCompletionStage()
                                    .toCompletableFuture()
                                    .get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        } finally {
                            waited.addAndGet(System.nanoTime() - sent);
                            done.countDown();
                        }
                    });
                }
                done.await();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "round %d: %d messages, %d senders, pool %d: %.2f s, %.0f messages/s, mean wait %.1f ms,"
                                + " %d failed%n",
                        round,
                        messages,
                        senders,
                        pool,
                        seconds,
                        messages / seconds,
                        waited.get() / 1e6 / messages,
                        failed.get());
            }
            client.close();
        } finally {
            threads.shutdownNow();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
