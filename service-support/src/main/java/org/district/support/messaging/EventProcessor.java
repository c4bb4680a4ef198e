package org.district.support.messaging;

import java.util.List;
import org.district.support.web.Correlation;

/** Applies one event; see {@link EventHandler} for the transaction it runs in. */
@FunctionalInterface
public interface EventProcessor {

    void process(ConsumedEvent event) throws Exception;

    /** A batch handler that applies events one by one, each with its correlation id in the log context. */
    static EventHandler eachOf(EventProcessor processor) {
        return (List<ConsumedEvent> events) -> {
            String outer = Correlation.current();
            try {
                for (ConsumedEvent event : events) {
                    Correlation.set(event.correlationId());
                    processor.process(event);
                }
            } finally {
                Correlation.set(outer);
            }
        };
    }
}
