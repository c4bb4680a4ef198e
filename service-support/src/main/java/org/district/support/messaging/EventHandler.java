package org.district.support.messaging;

import java.util.List;

/**
 * Applies a batch of events. It runs inside the transaction that also records the events as processed, so its effects
 * and the deduplication commit together. Throwing rolls both back and the batch is retried (one event at a time, to
 * isolate an event that can never succeed).
 */
@FunctionalInterface
public interface EventHandler {
    void handle(List<ConsumedEvent> events) throws Exception;

    /**
     * Applies the batch; a handler that applies its events one at a time runs {@code betweenEvents} after each (the
     * consumer passes one that writes what the event changed and empties the persistence context, so the cost of an
     * event does not grow with the events before it in the same transaction).
     */
    default void handle(List<ConsumedEvent> events, Runnable betweenEvents) throws Exception {
        handle(events);
    }
}
