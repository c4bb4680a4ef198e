package org.district.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The messages the SMTP server in this JVM received, as plain records. */
final class Mailbox {

    /** One delivered message. */
    record Mail(List<String> to, String subject, String body) {
        boolean mentions(String text) {
            return subject.contains(text) || body.contains(text);
        }

        @Override
        public String toString() {
            return "to " + to + ": " + subject;
        }
    }

    private final GreenMail server;

    Mailbox(GreenMail server) {
        this.server = server;
    }

    /** Every message so far addressed to the recipient that mentions the text. */
    List<Mail> to(String recipient, String mentioning) {
        List<Mail> found = new ArrayList<>();
        for (Mail m : all()) {
            if (m.to().contains(recipient.toLowerCase(Locale.ROOT)) && m.mentions(mentioning)) {
                found.add(m);
            }
        }
        return found;
    }

    /** Every message so far that mentions the text, whoever it went to. */
    List<Mail> mentioning(String text) {
        return all().stream().filter(m -> m.mentions(text)).toList();
    }

    List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                List<String> to = new ArrayList<>();
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null) {
                    for (Address a : recipients) {
                        String text = a.toString().toLowerCase(Locale.ROOT);
                        int lt = text.indexOf('<');
                        to.add(lt >= 0 ? text.substring(lt + 1, text.indexOf('>', lt)) : text.trim());
                    }
                }
                mails.add(new Mail(
                        to, message.getSubject() == null ? "" : message.getSubject(), GreenMailUtil.getBody(message)));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }
}
