package org.district.lossreport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Alerts reach IT's chat webhook over TLS only, as a subject line and a link that chat tools cannot read as markup. */
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

    @Test
    void theChatTextIsTheSubjectAndTheLinkWithMarkupEscaped() {
        String text = WebhookSender.chatText(
                "[LR-2026-000123] LOST: <!channel> Dell & co <https://evil.example|Open>",
                "https://console.district.example/loss-reports/7");
        assertThat(text)
                .isEqualTo("[LR-2026-000123] LOST: &lt;!channel&gt; Dell &amp; co &lt;https://evil.example|Open&gt;\n"
                        + "Open the report: https://console.district.example/loss-reports/7");
        assertThat(WebhookSender.chatText("Device LHS-0042 used after its holder left", null))
                .isEqualTo("Device LHS-0042 used after its holder left");
    }
}
