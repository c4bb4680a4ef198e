package org.district.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.district.bench.SmtpSink;
import org.junit.jupiter.api.Test;

/** How the drills count emails: one message per recipient, and what a copy across a kill may and may not be. */
class MailCountTest {

    private static final Map<String, Set<String>> EXPECTED = Map.of("r1", Set.of("it@x", "boss@x"));
    private static final long KILL = 1_000;

    private static SmtpSink.Accepted mail(long at, String messageId, String recipient) {
        return new SmtpSink.Accepted(at, messageId, "e1", "r1", List.of(recipient));
    }

    private static MailCount count(SmtpSink.Accepted... mails) {
        return MailCount.of(EXPECTED, List.of(mails), SmtpSink.Accepted::reportId, List.of(KILL));
    }

    @Test
    void oneMessagePerRecipientIsExact() {
        MailCount c = count(mail(10, "<a>", "it@x"), mail(20, "<b>", "boss@x"));

        assertThat(c.exact()).isTrue();
        assertThat(c.exactPerMessage(0)).isTrue();
        assertThat(c.exactlyOnce).isEqualTo(2);
    }

    @Test
    void theSameMessageAcceptedBeforeTheKillAndSentAgainAfterItIsOneMessage() {
        MailCount c = count(mail(10, "<a>", "it@x"), mail(KILL - 1, "<b>", "boss@x"), mail(KILL + 5, "<b>", "boss@x"));

        assertThat(c.exact()).isFalse();
        assertThat(c.resentAcrossKill).isEqualTo(1);
        assertThat(c.exactPerMessage(16)).isTrue();
        assertThat(c.exactPerMessage(0))
                .as("more resends than deliveries in flight")
                .isFalse();
    }

    @Test
    void aRepeatWithoutAKillBetweenTheCopiesIsDoubled() {
        MailCount c = count(mail(10, "<a>", "it@x"), mail(20, "<b>", "boss@x"), mail(30, "<b>", "boss@x"));

        assertThat(c.resentAcrossKill).isZero();
        assertThat(c.exactPerMessage(16)).isFalse();
    }

    @Test
    void aSecondMessageIdAcrossTheKillIsASecondNotification() {
        MailCount c = count(mail(10, "<a>", "it@x"), mail(20, "<b>", "boss@x"), mail(KILL + 5, "<c>", "boss@x"));

        assertThat(c.doubled).isEqualTo(1);
        assertThat(c.exactPerMessage(16)).isFalse();
    }

    @Test
    void threeCopiesAreNeverOneResend() {
        MailCount c = count(
                mail(10, "<a>", "it@x"),
                mail(20, "<b>", "boss@x"),
                mail(KILL + 5, "<b>", "boss@x"),
                mail(KILL + 6, "<b>", "boss@x"));

        assertThat(c.exactPerMessage(16)).isFalse();
    }

    @Test
    void aMissingOrMisaddressedMessageFails() {
        assertThat(count(mail(10, "<a>", "it@x")).exactPerMessage(16)).isFalse();
        assertThat(count(mail(10, "<a>", "it@x"), mail(20, "<b>", "boss@x"), mail(30, "<b>", "other@x"))
                        .exactPerMessage(16))
                .isFalse();
    }
}
