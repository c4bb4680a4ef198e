package org.district.drills;

import java.util.Map;

/** A service's outbox events of one type, compared with the records of its topic (by event id). */
final class EventCount {

    long outbox;
    long unpublished;
    long once;
    long missing;
    long duplicated;

    static EventCount of(Database db, String eventType, String topic) throws Exception {
        EventCount c = new EventCount();
        Map<String, Integer> onTopic = Broker.recordsPerEventId(topic);
        for (Map<String, Object> row : db.rows(
                "select event_id::text as id, published_at is null as pending from outbox_event where event_type = ?",
                eventType)) {
            c.outbox++;
            if ((Boolean) row.get("pending")) {
                c.unpublished++;
            }
            int n = onTopic.getOrDefault((String) row.get("id"), 0);
            if (n == 0) {
                c.missing++;
            } else if (n == 1) {
                c.once++;
            } else {
                c.duplicated++;
            }
        }
        return c;
    }

    boolean exact() {
        return outbox > 0 && once == outbox;
    }

    @Override
    public String toString() {
        return String.format(
                "%d in the outbox (%d unpublished): %d on the topic once, %d missing, %d more than once",
                outbox, unpublished, once, missing, duplicated);
    }
}
