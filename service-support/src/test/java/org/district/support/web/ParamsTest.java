package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.junit.jupiter.api.Test;

class ParamsTest {

    enum Colour {
        RED,
        GREEN
    }

    @Test
    void aDateRangeNamesBothBadEndsAndRefusesAnEndBeforeItsStart() {
        assertThat(Params.dateRange("from", "2026-01-02", "to", " 2026-01-02 "))
                .isEqualTo(new Params.DateRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2)));
        assertThat(Params.dateRange("from", null, "to", "")).isEqualTo(new Params.DateRange(null, null));
        assertThatThrownBy(() -> Params.dateRange("from", "yesterday", "to", "2026-13-01"))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("from", "to"));
        assertThatThrownBy(() -> Params.dateRange("dueFrom", "2026-01-02", "dueTo", "2026-01-01"))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("dueTo", "must not be before dueFrom.")));
    }

    @Test
    void anEnumSetIsCommaSeparatedAndNullWhenEmpty() {
        assertThat(Params.enumSet("status", "red, green,red", Colour.class))
                .isEqualTo(Set.of(Colour.RED, Colour.GREEN));
        assertThat(Params.enumSet("status", " , ", Colour.class)).isNull();
        assertThat(Params.enumSet("status", null, Colour.class)).isNull();
        assertThatThrownBy(() -> Params.enumSet("status", "RED,BLUE", Colour.class))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("status", "must be one of RED, GREEN.")));
    }

    @Test
    void aSearchTextHasAShortestAndALongestLength() {
        assertThat(Params.searchText("q", "  lat ", 10)).isEqualTo("lat");
        assertThat(Params.searchText("q", " ", 10)).isNull();
        assertThatThrownBy(() -> Params.searchText("q", "ab", 10)).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> Params.searchText("q", "x".repeat(11), 10)).isInstanceOf(InvalidException.class);
    }

    @Test
    void aParamCheckNamesEveryBadParameterOnlyWhenDone() {
        ParamCheck check = new ParamCheck();
        assertThat(check.get(() -> Params.enumValue("colour", "BLUE", Colour.class)))
                .isNull();
        assertThat(check.get(() -> Params.enumValue("other", "green", Colour.class)))
                .isEqualTo(Colour.GREEN);
        check.reject("limit", "must be small.");
        assertThat(check.ok()).isFalse();
        assertThatThrownBy(check::done).isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                .extracting(FieldViolation::field)
                .containsExactly("colour", "limit"));
        new ParamCheck().done();
    }
}
