package org.district.lossreport.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.district.lossreport.config.NotifySettings;
import org.district.lossreport.repository.Delivery;
import org.district.support.text.OneLine;

/** Sends notification emails through the district's SMTP server (Quarkus Mailer), each with a bounded wait. */
@ApplicationScoped
public class EmailSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifySettings settings;

    /**
     * Returns when the SMTP server accepted the message; throws when it refused or did not answer in time, or when the
     * message cannot be a mail as it is.
     */
    public void send(Delivery d) throws PermanentDeliveryFailure {
        // Recorded before its values were made one line, or by hand: no attempt could send it, so none is made again.
        if (!fitsAHeader(d.recipient()) || !fitsAHeader(d.subject())) {
            throw new PermanentDeliveryFailure(
                    "the recipient or the subject holds a line break or a control character");
        }
        Mail mail = Mail.withText(d.recipient(), d.subject(), d.body());
        mail.addHeader("Message-ID", messageId(d));
        mail.addHeader("X-District-Event-Id", d.eventId().toString());
        if (d.reportId() != null) {
            mail.addHeader("X-District-Report-Id", d.reportId().toString());
        }
        mailer.send(mail).await().atMost(settings.smtpTimeout());
    }

    /**
     * Whether the value can be a mail header's value as it is: one line, no control character. (A direction control
     * breaks no header: the messages leave those out of what they show, and one kept in a row recorded earlier is sent.)
     */
    static boolean fitsAHeader(String value) {
        return value != null && value.chars().noneMatch(OneLine::breaks);
    }

    /**
     * The same for every attempt of one message (event and recipient), so a message sent again after a crash between
     * "accepted" and "recorded" is recognisable as the same message by mail systems and people.
     */
    String messageId(Delivery d) {
        return "<" + d.eventId() + "." + digest(d.recipient()) + "@" + settings.messageIdDomain() + ">";
    }

    private static String digest(String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
