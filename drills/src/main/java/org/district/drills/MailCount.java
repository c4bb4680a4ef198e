package org.district.drills;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.district.bench.SmtpSink;

/**
 * Exactly-once accounting of emails: for each key (a report id or an event id) the recipients that must get exactly
 * one message, compared with what the SMTP sink accepted.
 *
 * <p>A message is identified the way mail systems identify it, by its Message-ID. No sender can make the physical
 * copy exactly once across its own crash: between the mail server's "250 accepted" and the sender's record of it there
 * is always a moment where a kill leaves the sender not knowing, and it must send again (or risk sending nothing). So a
 * second copy is told apart from a second message: a pair whose copies carry one Message-ID, the first accepted before
 * a kill and the second after it, is a resend across that kill ({@link #resentAcrossKill}). Every other repeat, and any
 * repeat with a new Message-ID, is a doubled notification.
 */
final class MailCount {

    int expected;
    int exactlyOnce;
    int missing;
    int doubled;
    int extraMessages;
    int unexpected;
    /** Doubled pairs that are one message sent again because a kill fell between its acceptance and its record. */
    int resentAcrossKill;

    final List<String> examples = new ArrayList<>();
    /** Keys (with recipient) that got more than one message, with their Message-IDs. */
    final Map<String, List<String>> duplicates = new HashMap<>();

    static MailCount of(
            Map<String, Set<String>> expectedRecipients,
            List<SmtpSink.Accepted> mails,
            Function<SmtpSink.Accepted, String> key) {
        return of(expectedRecipients, mails, key, List.of());
    }

    /**
     * As {@link #of(Map, List, Function)}, knowing the moments ({@link System#nanoTime()}) at which the sending service
     * was killed.
     */
    static MailCount of(
            Map<String, Set<String>> expectedRecipients,
            List<SmtpSink.Accepted> mails,
            Function<SmtpSink.Accepted, String> key,
            List<Long> killNanos) {
        MailCount c = new MailCount();
        Map<String, List<SmtpSink.Accepted>> got = new HashMap<>();
        for (SmtpSink.Accepted m : mails) {
            String k = key.apply(m);
            if (k == null || !expectedRecipients.containsKey(k)) {
                continue;
            }
            for (String r : m.recipients()) {
                got.computeIfAbsent(k + " " + r, x -> new ArrayList<>()).add(m);
                if (!expectedRecipients.get(k).contains(r)) {
                    c.unexpected++;
                    c.example("unexpected recipient " + r + " for " + k);
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : expectedRecipients.entrySet()) {
            for (String r : e.getValue()) {
                c.expected++;
                List<SmtpSink.Accepted> copies = got.getOrDefault(e.getKey() + " " + r, List.of());
                List<String> ids =
                        copies.stream().map(SmtpSink.Accepted::messageId).toList();
                if (ids.isEmpty()) {
                    c.missing++;
                    c.example("no message to " + r + " for " + e.getKey());
                } else if (ids.size() == 1) {
                    c.exactlyOnce++;
                } else {
                    c.doubled++;
                    c.extraMessages += ids.size() - 1;
                    c.duplicates.put(e.getKey() + " " + r, ids);
                    boolean resent = resentAcrossKill(copies, killNanos);
                    if (resent) {
                        c.resentAcrossKill++;
                    }
                    c.example(ids.size() + " messages to " + r + " for " + e.getKey() + " (Message-IDs "
                            + (ids.stream().distinct().count() == 1 ? "identical" : "different")
                            + (resent ? ", a kill between the copies" : "") + ")");
                }
            }
        }
        return c;
    }

    /** Two copies with one (present) Message-ID, the first accepted before a kill and the second after it. */
    private static boolean resentAcrossKill(List<SmtpSink.Accepted> copies, List<Long> killNanos) {
        if (copies.size() != 2
                || copies.get(0).messageId() == null
                || !copies.get(0).messageId().equals(copies.get(1).messageId())) {
            return false;
        }
        long first = Math.min(copies.get(0).acceptedNanos(), copies.get(1).acceptedNanos());
        long second = Math.max(copies.get(0).acceptedNanos(), copies.get(1).acceptedNanos());
        return killNanos.stream().anyMatch(k -> first - k < 0 && k - second < 0);
    }

    private void example(String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }

    boolean exact() {
        return missing == 0 && doubled == 0 && unexpected == 0;
    }

    /**
     * Exactly one message (Message-ID) per key and recipient: nothing missing, nothing to anyone else, and no copy
     * beyond the resends across a kill, of which there may be at most {@code maxResent} (the deliveries one process
     * can have in flight at the moment it dies).
     */
    boolean exactPerMessage(int maxResent) {
        return missing == 0 && unexpected == 0 && doubled == resentAcrossKill && resentAcrossKill <= maxResent;
    }

    /** Duplicated messages whose copies share one Message-ID (the same notification sent again). */
    long resentSameMessageId() {
        return duplicates.values().stream()
                .filter(ids -> ids.stream().distinct().count() == 1)
                .count();
    }

    @Override
    public String toString() {
        return String.format(
                "%d expected: %d exactly once, %d missing, %d doubled (%d extra messages), %d to unexpected recipients",
                expected, exactlyOnce, missing, doubled, extraMessages, unexpected);
    }
}
