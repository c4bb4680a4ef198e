package org.district.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplianceEvaluatorTest {

    @Test
    void comparesVersionsNumericallyPartByPart() {
        assertThat(ComplianceEvaluator.compareVersions("10.0.19045", "10.0.19045"))
                .isZero();
        assertThat(ComplianceEvaluator.compareVersions("10.0.22631", "10.0.19045"))
                .isPositive();
        assertThat(ComplianceEvaluator.compareVersions("10.0.9200", "10.0.19045"))
                .isNegative();
        assertThat(ComplianceEvaluator.compareVersions("13", "13.0")).isZero();
        assertThat(ComplianceEvaluator.compareVersions("14.2.1", "13.0")).isPositive();
        assertThat(ComplianceEvaluator.compareVersions("120.0.6099.235", "120")).isPositive();
        assertThat(ComplianceEvaluator.compareVersions("17.5b", "17.4")).isPositive();
        assertThat(ComplianceEvaluator.compareVersions("beta", "1")).isNegative();
        assertThat(ComplianceEvaluator.compareVersions("", "1")).isNegative();
    }

    @Test
    void recognisesPlatformsByName() {
        assertThat(ComplianceEvaluator.platform("Windows 11 Pro")).isEqualTo("windows");
        assertThat(ComplianceEvaluator.platform("macOS Sonoma")).isEqualTo("macos");
        assertThat(ComplianceEvaluator.platform("Chrome OS")).isEqualTo("chromeos");
        assertThat(ComplianceEvaluator.platform("iPadOS")).isEqualTo("ios");
        assertThat(ComplianceEvaluator.platform("Android")).isEqualTo("android");
        assertThat(ComplianceEvaluator.platform("Ubuntu 24.04")).isEqualTo("linux");
        assertThat(ComplianceEvaluator.platform("TempleOS")).isNull();
    }
}
