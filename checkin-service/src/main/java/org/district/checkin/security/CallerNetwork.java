package org.district.checkin.security;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.district.checkin.service.CheckInRules;

/**
 * The network a request without a device credential yet (an enrolment code's exchange) is counted under: an IPv4
 * address, or an IPv6 address's /64 (one home or school network is given a whole /64, so its hosts could otherwise
 * pick a new address for every guess). An address that is not a literal one (a forwarded header the proxy filled
 * oddly) is counted under one shared name, never under none: a caller without a name would not be limited at all.
 * Behind the ingress the address is the client's as the ingress forwards it (see application.properties).
 */
public final class CallerNetwork {

    private CallerNetwork() {}

    public static String of(SocketAddress from) {
        String host = from == null ? null : from.hostAddress();
        if (host == null || !CheckInRules.isIpAddress(host)) {
            return "unparsed-address";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "unparsed-address";
        }
    }
}
