package org.district.lossreport.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.district.lossreport.config.LossReportSettings;

/** Forgets Idempotency-Keys past their retention (any replica may run it; the delete is idempotent). */
@ApplicationScoped
public class Housekeeping {

    @Inject
    Idempotency idempotency;

    @Inject
    LossReportSettings settings;

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        Instant cutoff = Instant.now().minus(settings.idempotencyRetention());
        QuarkusTransaction.requiringNew().run(() -> idempotency.forgetBefore(cutoff));
    }
}
