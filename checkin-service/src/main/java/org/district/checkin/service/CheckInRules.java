package org.district.checkin.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.text.OneLine;

/**
 * Every check of a check-in body: the constraints its record declares (and the API documents), checked here by hand
 * because the check-in is the one request every device sends every hour, then address syntax and plausible dates.
 * Messages are Bean Validation's own, so the answer reads like every other endpoint's; {@code CheckInRulesTest}
 * compares the two on every constraint.
 */
public final class CheckInRules {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    /** A site's name as the network reports it (LINCOLN-HS, "Room 204 / Library"): one line, no markup, no controls. */
    public static final Pattern SITE = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,_/#&()':-]{1,60}");

    private static final Pattern NONCE = Pattern.compile(CheckInRequest.NONCE);

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final String NOT_NULL = "must not be null";
    static final String NOT_BLANK = "must not be blank";
    static final String RESULT = "must match \"" + CheckInRequest.RESULTS + "\"";

    private CheckInRules() {}

    /** Refuses the check-in naming every field that is wrong (answered 400). */
    public static void validate(CheckInRequest body, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>(0);
        declared(errors, body);
        rules(errors, body, today);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
            throw new InvalidException(errors);
        }
    }

    /**
     * What these rules find in a body that could be read only in part, besides the fields already named ({@code
     * named}: those that could not be read, and what Bean Validation found), ordered by field.
     */
    public static List<FieldViolation> besides(CheckInRequest readable, LocalDate today, List<FieldViolation> named) {
        Set<String> fields = new HashSet<>();
        named.forEach(v -> fields.add(v.field()));
        List<FieldViolation> errors = new ArrayList<>(0);
        declared(errors, readable);
        rules(errors, readable, today);
        errors.removeIf(v -> fields.contains(v.field()));
        errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        return errors;
    }

    /** The constraints {@link CheckInRequest} declares with its annotations, with their messages. */
    static void declared(List<FieldViolation> errors, CheckInRequest body) {
        CheckInRequest.Os os = body.os();
        if (os == null) {
            errors.add(new FieldViolation("os", NOT_NULL));
        } else {
            text(errors, "os.name", os.name(), true, 60);
            text(errors, "os.version", os.version(), true, 40);
            text(errors, "os.build", os.build(), false, 60);
        }
        if (body.antivirus() != null) {
            text(errors, "antivirus.product", body.antivirus().product(), true, 80);
        }
        CheckInRequest.Network network = body.network();
        if (network == null) {
            errors.add(new FieldViolation("network", NOT_NULL));
        } else {
            text(errors, "network.site", network.site(), true, 60);
            text(errors, "network.ipAddress", network.ipAddress(), true, 45);
        }
        CheckInRequest.Location location = body.location();
        if (location != null) {
            range(errors, "location.latitude", location.latitude(), true, -90, 90);
            range(errors, "location.longitude", location.longitude(), true, -180, 180);
            range(errors, "location.accuracyMeters", location.accuracyMeters(), false, 0, 100_000);
        }
        List<CheckInRequest.CompletedCommand> completed = body.completedCommands();
        if (completed != null) {
            if (completed.size() > 20) {
                // Its entries are not read one by one: a body can hold hundreds of thousands.
                errors.add(new FieldViolation("completedCommands", "size must be between 0 and 20"));
                completed = List.of();
            }
            for (int i = 0; i < completed.size(); i++) {
                CheckInRequest.CompletedCommand command = completed.get(i);
                if (command == null) {
                    errors.add(new FieldViolation("completedCommands[" + i + "]", NOT_NULL));
                    continue;
                }
                if (command.id() == null) {
                    errors.add(new FieldViolation("completedCommands[" + i + "].id", NOT_NULL));
                }
                nonce(errors, "completedCommands[" + i + "].nonce", command.nonce());
                if (command.result() != null && !command.result().matches(CheckInRequest.RESULTS)) {
                    errors.add(new FieldViolation("completedCommands[" + i + "].result", RESULT));
                }
            }
        }
    }

    private static void text(List<FieldViolation> errors, String field, String value, boolean required, int max) {
        if (value == null) {
            if (required) {
                errors.add(new FieldViolation(field, NOT_BLANK));
            }
            return;
        }
        if (required && value.isBlank()) {
            errors.add(new FieldViolation(field, NOT_BLANK));
        }
        if (value.length() > max) {
            errors.add(new FieldViolation(field, "size must be between 0 and " + max));
        }
    }

    /** {@code @NotBlank @Pattern(regexp = NONCE)}, as Bean Validation says them. */
    private static void nonce(List<FieldViolation> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldViolation(field, NOT_BLANK));
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldViolation(field, NOT_BLANK));
        }
        if (!NONCE.matcher(value).matches()) {
            errors.add(new FieldViolation(field, "must match \"" + CheckInRequest.NONCE + "\""));
        }
    }

    private static void range(
            List<FieldViolation> errors, String field, Double value, boolean required, int min, int max) {
        if (value == null) {
            if (required) {
                errors.add(new FieldViolation(field, NOT_NULL));
            }
            return;
        }
        // As @DecimalMin/@DecimalMax compare: exactly, as decimals. A number too large for a double (1e999) reads as
        // an infinity, beyond either bound.
        boolean belowMin = value == Double.NEGATIVE_INFINITY
                || (Double.isFinite(value) && new BigDecimal(value).compareTo(BigDecimal.valueOf(min)) < 0);
        boolean aboveMax = value == Double.POSITIVE_INFINITY
                || (Double.isFinite(value) && new BigDecimal(value).compareTo(BigDecimal.valueOf(max)) > 0);
        if (value.isNaN() || belowMin) {
            errors.add(new FieldViolation(field, "must be greater than or equal to " + min));
        }
        if (aboveMax) {
            errors.add(new FieldViolation(field, "must be less than or equal to " + max));
        }
    }

    /**
     * What the annotations cannot say: address syntax and plausible dates. Checked on every field its declared
     * constraints let through, so one answer names every wrong field; a field they refused is not judged again.
     */
    private static void rules(List<FieldViolation> errors, CheckInRequest body, LocalDate today) {
        Set<String> refused = new HashSet<>();
        errors.forEach(e -> refused.add(e.field()));
        // A device is hostile until shown otherwise: what it sends reaches IT's alerts, their subjects and the pages,
        // so no text may hold a control character (a line break could forge a line or break a mail header; PostgreSQL
        // text cannot hold NUL at all) or a direction override (it would show the alert's line in another order).
        // Refused here, naming the field.
        CheckInRequest.Os os = body.os();
        if (os != null) {
            noControl(errors, refused, "os.name", os.name());
            noControl(errors, refused, "os.version", os.version());
            noControl(errors, refused, "os.build", os.build());
        }
        CheckInRequest.Antivirus antivirus = body.antivirus();
        if (antivirus != null) {
            noControl(errors, refused, "antivirus.product", antivirus.product());
            date(errors, "antivirus.definitionsDate", antivirus.definitionsDate(), today);
        }
        CheckInRequest.Network network = body.network();
        if (network != null) {
            String site = network.site();
            if (site != null && !refused.contains("network.site") && !isSiteName(site)) {
                errors.add(new FieldViolation(
                        "network.site",
                        "must be a site name: letters, digits, spaces and . , - _ / # & ( ) ' : only, on one line,"
                                + " and not an address such as https://..."));
            }
            String ip = network.ipAddress();
            if (ip != null && !refused.contains("network.ipAddress")) {
                noControl(errors, refused, "network.ipAddress", ip);
                if (!isIpAddress(ip.trim())) {
                    errors.add(new FieldViolation("network.ipAddress", "must be an IPv4 or IPv6 address."));
                }
            }
        }
        date(errors, "lastPatchDate", body.lastPatchDate(), today);
    }

    /**
     * A site's name as a network names it, never a web address: the name goes into IT's alerts, where mail and chat
     * clients make an address a link.
     */
    public static boolean isSiteName(String site) {
        return SITE.matcher(site).matches() && !site.contains("://");
    }

    private static void noControl(List<FieldViolation> errors, Set<String> refused, String field, String value) {
        if (!refused.contains(field) && !OneLine.is(value)) {
            errors.add(
                    new FieldViolation(
                            field,
                            "must be one line of text, without control characters such as a line break or a direction override."));
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

    /**
     * Literal IPv4 or IPv6 syntax only: never a host name, so nothing is ever looked up. Device managers' reports are
     * held to it too.
     */
    public static boolean isIpAddress(String value) {
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
