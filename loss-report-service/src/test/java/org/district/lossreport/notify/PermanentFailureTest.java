package org.district.lossreport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which delivery failures end a notification at once and which are retried. */
class PermanentFailureTest {

    private static SMTPException smtp(int code) {
        return new SMTPException(code + " refused", code, List.of(code + " refused"), false);
    }

    @Test
    void theMailServersPermanentRefusalIsFinalEvenWhenWrapped() {
        assertThat(DeliveryWorker.isPermanent(smtp(550))).isTrue();
        assertThat(DeliveryWorker.isPermanent(new CompletionException(smtp(553))))
                .isTrue();
    }

    @Test
    void transientRepliesAndNetworkTroubleAreRetried() {
        assertThat(DeliveryWorker.isPermanent(smtp(451))).isFalse();
        assertThat(DeliveryWorker.isPermanent(smtp(421))).isFalse();
        assertThat(DeliveryWorker.isPermanent(new ConnectException("refused"))).isFalse();
        assertThat(DeliveryWorker.isPermanent(new TimeoutException())).isFalse();
        assertThat(DeliveryWorker.isPermanent(new IOException("webhook answered HTTP 503")))
                .isFalse();
    }

    @Test
    void aMessageTheMailClientCannotBuildIsFinal() {
        // The same message fails the same way on every attempt: retrying it six times only delays the dead letter.
        assertThat(DeliveryWorker.isPermanent(new IllegalArgumentException("header value contains a line break")))
                .isTrue();
        assertThat(DeliveryWorker.isPermanent(
                        new CompletionException(new IllegalArgumentException("header value contains a line break"))))
                .isTrue();
    }

    @Test
    void aWebhooksPermanentRefusalIsFinal() {
        assertThat(DeliveryWorker.isPermanent(new PermanentDeliveryFailure("webhook answered HTTP 410")))
                .isTrue();
    }

    @Test
    void addressesInAMailServersReplyAreLeftOutOfLogsAndDeadLetters() {
        assertThat(DeliveryWorker.withoutAddresses(
                        "550 5.1.1 <jane.doe@district.example>: Recipient address rejected (also pat@x.org)"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected (also <address>)");
    }
}
