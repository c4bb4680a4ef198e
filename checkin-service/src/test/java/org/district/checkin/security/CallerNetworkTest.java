package org.district.checkin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** What enrolment's limit per network address counts an attempt under. */
class CallerNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(CallerNetwork.of(SocketAddress.inetSocketAddress(443, "198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThat(CallerNetwork.of(SocketAddress.inetSocketAddress(443, "::ffff:198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void everyAddressOfOneIpv6SlashSixtyFourIsOneNetwork() {
        String one = CallerNetwork.of(SocketAddress.inetSocketAddress(443, "2001:db8:5:7:1:2:3:4"));
        String other = CallerNetwork.of(SocketAddress.inetSocketAddress(443, "2001:db8:5:7:ffff::9"));
        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:5:7:0:0:0:0/64");
        assertThat(CallerNetwork.of(SocketAddress.inetSocketAddress(443, "2001:db8:5:8::1")))
                .isNotEqualTo(one);
    }

    @Test
    void anAddressThatIsNoLiteralAddressIsStillCounted() {
        assertThat(CallerNetwork.of(null)).isEqualTo("unparsed-address");
        assertThat(CallerNetwork.of(SocketAddress.domainSocketAddress("/run/checkin.sock")))
                .isEqualTo("unparsed-address");
    }
}
