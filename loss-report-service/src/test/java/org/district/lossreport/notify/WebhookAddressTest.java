package org.district.lossreport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Alerts reach IT's chat webhook over TLS only. */
class WebhookAddressTest {

    @Test
    void aPlainHttpWebhookOnAnotherHostIsRefused() {
        assertThat(WebhookSender.refusal(URI.create("http://chat.district.example/hooks/abc")))
                .hasValueSatisfying(why -> assertThat(why).contains("https://"));
        assertThat(WebhookSender.refusal(URI.create("HTTP://10.0.0.5/hooks/abc")))
                .isPresent();
    }

    @Test
    void otherSchemesAndAddressesWithAPasswordAreRefused() {
        assertThat(WebhookSender.refusal(URI.create("ftp://chat.district.example/hooks")))
                .isPresent();
        assertThat(WebhookSender.refusal(URI.create("https://user:secret@chat.district.example/hooks")))
                .isPresent();
        assertThat(WebhookSender.refusal(URI.create("chat.district.example/hooks")))
                .isPresent();
    }

    @Test
    void httpsAnywhereAndPlainHttpOnThisHostAreAccepted() {
        assertThat(WebhookSender.refusal(URI.create("https://chat.district.example/hooks/abc")))
                .isEmpty();
        assertThat(WebhookSender.refusal(URI.create("http://127.0.0.1:9000/hook")))
                .isEmpty();
        assertThat(WebhookSender.refusal(URI.create("http://localhost:9000/hook")))
                .isEmpty();
    }
}
