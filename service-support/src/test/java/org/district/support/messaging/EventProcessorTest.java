package org.district.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.support.web.Correlation;
import org.junit.jupiter.api.Test;

class EventProcessorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void appliesEventsOneByOneAndReleasesTheSessionAfterEach() throws Exception {
        List<String> calls = new ArrayList<>();
        EventHandler handler =
                EventProcessor.eachOf(e -> calls.add("process " + e.offset() + " " + Correlation.current()));

        handler.handle(List.of(event(1), event(2), event(3)), () -> calls.add("between"));

        assertThat(calls)
                .containsExactly(
                        "process 1 corr-1", "between", "process 2 corr-2", "between", "process 3 corr-3", "between");
    }

    @Test
    void aFailingEventStopsTheBatchBeforeItsReleaseAndRestoresTheCorrelation() {
        List<String> calls = new ArrayList<>();
        Correlation.set("outer");
        EventHandler handler = EventProcessor.eachOf(e -> {
            if (e.offset() == 2) {
                throw new IllegalStateException("refused");
            }
            calls.add("process " + e.offset());
        });

        assertThatThrownBy(() -> handler.handle(List.of(event(1), event(2), event(3)), () -> calls.add("between")))
                .hasMessage("refused");
        assertThat(calls).containsExactly("process 1", "between");
        assertThat(Correlation.current()).isEqualTo("outer");
    }

    private static ConsumedEvent event(long offset) {
        return new ConsumedEvent(
                "topic",
                0,
                offset,
                "key",
                UUID.randomUUID(),
                "Type",
                1,
                Instant.EPOCH,
                1,
                "corr-" + offset,
                MAPPER.createObjectNode(),
                "{}",
                MAPPER);
    }
}
