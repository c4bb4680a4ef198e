package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void keepsACallersIdThatIsSafeToLogAndEcho() {
        assertThat(Correlation.acceptOrCreate("agent-run-42")).isEqualTo("agent-run-42");
        assertThat(Correlation.acceptOrCreate("a:b.c_d-1")).isEqualTo("a:b.c_d-1");
    }

    @Test
    void replacesAMissingOrUnsafeIdWithANewRandomUuid() {
        Set<String> made = new HashSet<>();
        for (String unsafe : new String[] {null, "", "x".repeat(65), "two words", "line\nbreak", "<script>"}) {
            String id = Correlation.acceptOrCreate(unsafe);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            made.add(id);
        }
        for (int i = 0; i < 10_000; i++) {
            made.add(Correlation.acceptOrCreate(null));
        }
        assertThat(made).hasSize(10_006);
    }
}
