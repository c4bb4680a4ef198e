package org.district.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reason a non-compliant device loses its access names the failed rules in words, however many were sent. */
class PersonalDeviceReasonsTest {

    @Test
    void theFailedRulesAreNamedInWords() {
        assertThat(PersonalDeviceService.nonCompliance(List.of("DISK_ENCRYPTION_OFF")))
                .isEqualTo("Not compliant with the district's baseline past the grace period: disk encryption off.");
        assertThat(PersonalDeviceService.nonCompliance(List.of()))
                .isEqualTo("Not compliant with the district's baseline past the grace period; its credential was"
                        + " revoked.");
        assertThat(PersonalDeviceService.nonCompliance(null)).startsWith("Not compliant");
    }

    @Test
    void whatCheckinSendsIsBoundedAndCleaned() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("RULE_" + i + "_" + "X".repeat(200) + "\n<b>");
        }
        many.add(null);
        String reason = PersonalDeviceService.nonCompliance(many);
        assertThat(reason)
                .hasSizeLessThanOrEqualTo(500)
                .doesNotContain("\n")
                .doesNotContain("<")
                .contains("994 more");
    }
}
