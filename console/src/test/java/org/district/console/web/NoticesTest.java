package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A link with made-up text in its query cannot make a page say it in the district's voice. */
class NoticesTest {

    @Test
    void aReportNumberIsShownAndAnyOtherTextIsNot() {
        assertThat(Notices.reportNumber("LR-2026-000042")).isEqualTo("LR-2026-000042");
        assertThat(Notices.reportNumber(" LR-2026-000042 ")).isEqualTo("LR-2026-000042");
        assertThat(Notices.reportNumber("LR-2026-000042. Your account is locked: call 555-0100 to open it"))
                .isNull();
        assertThat(Notices.reportNumber("Call IT at 555-0100")).isNull();
        assertThat(Notices.reportNumber("")).isNull();
        assertThat(Notices.reportNumber(null)).isNull();
    }

    @Test
    void anAssetTagIsShownAndAnyOtherTextIsNot() {
        assertThat(Notices.assetTag("LHS-LT-0042")).isEqualTo("LHS-LT-0042");
        assertThat(Notices.assetTag("LHS/CART.2_07")).isEqualTo("LHS/CART.2_07");
        assertThat(Notices.assetTag("Your laptop")).isNull();
        assertThat(Notices.assetTag("LHS-0042 is recalled; bring it to room 12"))
                .isNull();
        assertThat(Notices.assetTag("x".repeat(41))).isNull();
        assertThat(Notices.assetTag(null)).isNull();
    }
}
