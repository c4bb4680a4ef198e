package org.district.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    private static PageParams page(String limit, String cursor) {
        PageParams page = new PageParams();
        page.limit = limit;
        page.cursor = cursor;
        return page;
    }

    @Test
    void aBadLimitABadCursorAndABadFilterAreNamedInOneAnswer() {
        ParamCheck check = new ParamCheck();
        check.get(() -> Params.date("from", "yesterday"));
        InvalidException refused =
                catchThrowableOfType(() -> page("0", "not a cursor!").size(check), InvalidException.class);

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("from", "limit", "cursor");
    }

    @Test
    void theSizeAloneNamesBothItsParameters() {
        InvalidException refused = catchThrowableOfType(() -> page("x", "%%%").size(), InvalidException.class);

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("limit", "cursor");
    }

    @Test
    void goodParametersGiveTheFiltersAndTheSize() {
        PageParams page = page("20", Cursors.encode("LHS-0042"));

        ParamCheck check = new ParamCheck();
        assertThat(check.get(() -> Params.date("from", "2026-12-07"))).hasToString("2026-12-07");
        assertThat(page.size(check)).isEqualTo(20);
        assertThat(page.size()).isEqualTo(20);
        assertThat(page("", null).size()).isEqualTo(Cursors.DEFAULT_LIMIT);
    }
}
