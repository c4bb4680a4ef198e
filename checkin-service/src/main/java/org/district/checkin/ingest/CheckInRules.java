package org.district.checkin.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemException;

/** Checks of a check-in body beyond its annotations: address syntax and plausible dates. */
public final class CheckInRules {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private CheckInRules() {}

    /** Throws a 400 naming every field that is wrong. */
    public static void validate(CheckInRequest body, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        String ip = body.network().ipAddress().trim();
        if (!isIpAddress(ip)) {
            errors.add(new FieldViolation("network.ipAddress", "must be an IPv4 or IPv6 address."));
        }
        date(errors, "lastPatchDate", body.lastPatchDate(), today);
        if (body.antivirus() != null) {
            date(errors, "antivirus.definitionsDate", body.antivirus().definitionsDate(), today);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void date(List<FieldViolation> errors, String field, LocalDate value, LocalDate today) {
        if (value == null) {
            return;
        }
        // One day of slack for agents in a time zone ahead of the district's.
        if (value.isAfter(today.plusDays(1))) {
            errors.add(new FieldViolation(field, "must not be in the future."));
        } else if (value.isBefore(EARLIEST)) {
            errors.add(new FieldViolation(field, "must be on or after " + EARLIEST + "."));
        }
    }

    /** Literal IPv4 or IPv6 syntax only: never a host name, so nothing is ever looked up. */
    static boolean isIpAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // Starting with a hex digit or a colon and containing a colon, the text is parsed as an IPv6 literal (or
            // refused); the JDK does not resolve it as a host name.
            return java.net.InetAddress.getByName(value) != null;
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
