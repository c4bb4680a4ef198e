package org.district.checkin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckInRulesTest {

    @Test
    void acceptsAddressLiteralsOnlyAndNeverHostNames() {
        assertThat(CheckInRules.isIpAddress("10.20.30.40")).isTrue();
        assertThat(CheckInRules.isIpAddress("255.255.255.255")).isTrue();
        assertThat(CheckInRules.isIpAddress("2001:db8::17")).isTrue();
        assertThat(CheckInRules.isIpAddress("::1")).isTrue();
        assertThat(CheckInRules.isIpAddress("::ffff:10.0.0.1")).isTrue();

        assertThat(CheckInRules.isIpAddress("256.1.1.1")).isFalse();
        assertThat(CheckInRules.isIpAddress("10.1.1")).isFalse();
        assertThat(CheckInRules.isIpAddress("localhost")).isFalse();
        assertThat(CheckInRules.isIpAddress("example.org")).isFalse();
        assertThat(CheckInRules.isIpAddress("a:b:zz")).isFalse();
        assertThat(CheckInRules.isIpAddress(".1:2")).isFalse();
        assertThat(CheckInRules.isIpAddress("1:2:3:4:5:6:7:8:9")).isFalse();
    }
}
