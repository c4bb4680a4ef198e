package org.district.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The approvers' configuration and the end of the school year are read strictly: a value it cannot read stops startup. */
class PersonalDevicePolicyTest {

    @Test
    void approversAreReadPerSchoolWithTheirIdsInCanonicalForm() {
        Map<String, List<String>> approvers =
                PersonalDevicePolicy.parseApprovers(" Lincoln-HS = e1001  E1002,e1001 ; WASHINGTON MS=E2001;");
        assertThat(approvers)
                .containsOnlyKeys("LINCOLN-HS", "WASHINGTON MS")
                .containsEntry("LINCOLN-HS", List.of("E1001", "E1002"))
                .containsEntry("WASHINGTON MS", List.of("E2001"));
        assertThat(PersonalDevicePolicy.parseApprovers("")).isEmpty();
        assertThat(PersonalDevicePolicy.parseApprovers("  ")).isEmpty();
    }

    @Test
    void approversThatCannotBeReadAreRefusedNamingTheVariable() {
        for (String bad : List.of(
                "LINCOLN-HS",
                "LINCOLN-HS=",
                "=E1001",
                "LINCOLN-HS=E1001;lincoln-hs=E1002",
                "LINCOLN-HS=E1001 <script>",
                "LINCOLN*HS=E1001",
                "S=" + "E".repeat(41))) {
            assertThatThrownBy(() -> PersonalDevicePolicy.parseApprovers(bad))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PERSONAL_DEVICE_APPROVERS");
        }
    }

    @Test
    void theEndOfTheSchoolYearIsAMonthAndDay() {
        assertThat(PersonalDevicePolicy.parseMonthDay("06-30")).isEqualTo(MonthDay.of(6, 30));
        assertThat(PersonalDevicePolicy.parseMonthDay("--07-31")).isEqualTo(MonthDay.of(7, 31));
        for (String bad : List.of("", "6-30", "13-01", "02-30", "June 30", "06/30")) {
            assertThatThrownBy(() -> PersonalDevicePolicy.parseMonthDay(bad))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PERSONAL_DEVICE_APPROVAL_ENDS");
        }
    }

    @Test
    void anApprovalRunsToTheNextEndOfTheSchoolYearOnOrAfterTheDay() {
        PersonalDevicePolicy policy = new PersonalDevicePolicy();
        policy.settings = new PersonalDeviceSettings() {
            @Override
            public java.util.Optional<String> approvers() {
                return java.util.Optional.of("LINCOLN-HS=E1001");
            }

            @Override
            public String approvalEnds() {
                return "06-30";
            }

            @Override
            public String expiryEvery() {
                return "1h";
            }
        };
        policy.read();
        assertThat(policy.schoolYearEndOnOrAfter(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(policy.schoolYearEndOnOrAfter(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(policy.schoolYearEndOnOrAfter(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(policy.approversOf("lincoln-hs")).containsExactly("E1001");
        assertThat(policy.approversOf("OTHER")).isEmpty();
        assertThat(policy.schoolsApprovedBy("e1001")).containsExactly("LINCOLN-HS");
        assertThat(policy.namesApproversFor("Lincoln-HS ")).isTrue();
    }
}
