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
 */
final class MailCount {

    int expected;
    int exactlyOnce;
    int missing;
    int doubled;
    int extraMessages;
    int unexpected;
    final List<String> examples = new ArrayList<>();
    /** Keys (with recipient) that got more than one message, with their Message-IDs. */
    final Map<String, List<String>> duplicates = new HashMap<>();

    static MailCount of(
            Map<String, Set<String>> expectedRecipients,
            List<SmtpSink.Accepted> mails,
            Function<SmtpSink.Accepted, String> key) {
        MailCount c = new MailCount();
        Map<String, List<String>> got = new HashMap<>();
        for (SmtpSink.Accepted m : mails) {
            String k = key.apply(m);
            if (k == null || !expectedRecipients.containsKey(k)) {
                continue;
            }
            for (String r : m.recipients()) {
                got.computeIfAbsent(k + " " + r, x -> new ArrayList<>()).add(m.messageId());
                if (!expectedRecipients.get(k).contains(r)) {
                    c.unexpected++;
                    c.example("unexpected recipient " + r + " for " + k);
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : expectedRecipients.entrySet()) {
            for (String r : e.getValue()) {
                c.expected++;
                List<String> ids = got.getOrDefault(e.getKey() + " " + r, List.of());
                if (ids.isEmpty()) {
                    c.missing++;
                    c.example("no message to " + r + " for " + e.getKey());
                } else if (ids.size() == 1) {
                    c.exactlyOnce++;
                } else {
                    c.doubled++;
                    c.extraMessages += ids.size() - 1;
                    c.duplicates.put(e.getKey() + " " + r, ids);
                    c.example(ids.size() + " messages to " + r + " for " + e.getKey() + " (Message-IDs "
                            + (ids.stream().distinct().count() == 1 ? "identical" : "different") + ")");
                }
            }
        }
        return c;
    }

    private void example(String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }

    boolean exact() {
        return missing == 0 && doubled == 0 && unexpected == 0;
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
