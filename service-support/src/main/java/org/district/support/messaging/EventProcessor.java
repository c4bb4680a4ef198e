package org.district.support.messaging;

import java.util.List;
import org.district.support.web.Correlation;

/** Applies one event; see {@link EventHandler} for the transaction it runs in. */
@FunctionalInterface
public interface EventProcessor {

    void process(ConsumedEvent event) throws Exception;

    /** A batch handler that applies events one by one, each with its correlation id in the log context. */
    static EventHandler eachOf(EventProcessor processor) {
        return new EachOf(processor);
    }

    /** See {@link #eachOf}. */
    final class EachOf implements EventHandler {

        private final EventProcessor processor;

        EachOf(EventProcessor processor) {
            this.processor = processor;
        }

        @Override
        public void handle(List<ConsumedEvent> events) throws Exception {
            handle(events, () -> {});
        }

        @Override
        public void handle(List<ConsumedEvent> events, Runnable betweenEvents) throws Exception {
            String outer = Correlation.current();
            try {
                for (ConsumedEvent event : events) {
                    Correlation.set(event.correlationId());
                    processor.process(event);
                    betweenEvents.run();
                }
            } finally {
                Correlation.set(outer);
            }
        }
    }
}
