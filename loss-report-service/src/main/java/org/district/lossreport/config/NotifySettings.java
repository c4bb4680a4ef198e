package org.district.lossreport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who the notifiers tell, through which channels, and how failed deliveries are retried. */
@ConfigMapping(prefix = "district.notify")
public interface NotifySettings {

    /** IT's email addresses: every report and alert goes to each of them. */
    List<String> itEmails();

    /** IT's chat channel incoming webhook (JSON POST); no webhook when absent. It is a secret: never shown by the API. */
    Optional<URI> itWebhookUrl();

    /** Per school code, the email of the school office told about its students' lost devices. */
    Map<String, String> schoolContacts();

    /** Deliveries tried at most this many times before they are marked FAILED and dead-lettered. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait before the first retry; doubles with every further attempt. */
    @WithDefault("5s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** Deliveries in flight at once per replica; a slow recipient holds one slot, never the others. */
    @WithDefault("16")
    int concurrency();

    /** Longest wait for the SMTP server to accept one message. */
    @WithDefault("20s")
    Duration smtpTimeout();

    /** Longest wait for a webhook to answer. */
    @WithDefault("10s")
    Duration webhookTimeout();

    /** How long a claimed delivery belongs to its worker; after that (a crash) another worker sends it. */
    @WithDefault("2m")
    Duration lease();

    /** How often the worker looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Run the delivery worker in this process. Every replica may run it: rows are claimed with SKIP LOCKED. */
    @WithDefault("true")
    boolean deliveryEnabled();

    /** Domain of the deterministic Message-IDs of notification emails. */
    @WithDefault("lossreport.district.example")
    String messageIdDomain();
}
