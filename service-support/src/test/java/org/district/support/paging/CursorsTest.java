package org.district.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.support.domain.InvalidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

    @Test
    void aPositionComesBackAsItWasWritten() {
        Instant at = Instant.parse("2026-12-04T11:33:50.516454Z");
        UUID id = UUID.randomUUID();
        Cursors.Position p = Cursors.decode(Cursors.encode(at, id), 2);
        assertThat(p.instant(0)).isEqualTo(at);
        assertThat(p.id(1)).isEqualTo(id);

        LocalDate day = LocalDate.of(2026, 9, 1);
        assertThat(Cursors.decode(Cursors.encode(day, id), 2).date(0)).isEqualTo(day);
        assertThat(Cursors.number(Cursors.encode(42L))).isEqualTo(42L);
        assertThat(Cursors.id(Cursors.encode(id))).isEqualTo(id);
    }

    @Test
    void theLastPartKeepsTheSeparator() {
        assertThat(Cursors.text(Cursors.encode("LHS|0001"))).isEqualTo("LHS|0001");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursors.decode(null, 2)).isNull();
        assertThat(Cursors.text(" ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "bm90LWEtdXVpZA", "x"})
    void aCursorThisServiceDidNotIssueNamesTheParameter(String cursor) {
        assertThatThrownBy(() -> Cursors.decode(cursor, 2).id(1))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("cursor")));
    }

    @Test
    void anOverlongCursorIsRefused() {
        assertThatThrownBy(() -> Cursors.text("A".repeat(201))).isInstanceOf(InvalidException.class);
    }

    @Test
    void theLimitIsBounded() {
        assertThat(Cursors.limit(null)).isEqualTo(50);
        assertThat(Cursors.limit("200")).isEqualTo(200);
        assertThatThrownBy(() -> Cursors.limit("201")).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> Cursors.limit("0")).isInstanceOf(InvalidException.class);
    }

    @Test
    void aPageReadWithOneRowMoreTellsWhetherAnotherFollows() {
        PageView<String> full = PageView.of(List.of(1, 2, 3), 2, n -> "n" + n, n -> Cursors.encode(n));
        assertThat(full.items()).containsExactly("n1", "n2");
        assertThat(Cursors.number(full.nextCursor())).isEqualTo(2L);

        PageView<String> last = PageView.of(List.of(1, 2), 2, n -> "n" + n, n -> Cursors.encode(n));
        assertThat(last.items()).containsExactly("n1", "n2");
        assertThat(last.nextCursor()).isNull();
    }
}
