package org.district.inventory.config;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.contracts.DistrictIds;

/**
 * The configured policy on personal devices, read and checked at startup (a value it cannot read stops the service
 * with a message naming the variable): the approvers of each school and the last day of the school year.
 */
@Startup
@ApplicationScoped
public class PersonalDevicePolicy {

    /** The variable that sets the approvers, named in startup errors. */
    static final String APPROVERS = "PERSONAL_DEVICE_APPROVERS (district.personal-devices.approvers)";

    /** The variable that sets the end of the school year, named in startup errors. */
    static final String APPROVAL_ENDS = "PERSONAL_DEVICE_APPROVAL_ENDS (district.personal-devices.approval-ends)";

    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._'&-]{0,39}");
    private static final Pattern DISTRICT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final Pattern MONTH_DAY = Pattern.compile("(?:--)?(\\d{2})-(\\d{2})");

    @Inject
    PersonalDeviceSettings settings;

    /** The approvers of each school named, by school code in upper case. */
    private Map<String, List<String>> approvers = Map.of();

    private MonthDay approvalEnds;

    @PostConstruct
    void read() {
        approvers = parseApprovers(settings.approvers().orElse(""));
        approvalEnds = parseMonthDay(settings.approvalEnds());
    }

    /** The district ids configured to decide for this school (canonical form); empty when none are. */
    public List<String> approversOf(String school) {
        return school == null ? List.of() : approvers.getOrDefault(key(school), List.of());
    }

    /** Whether the configuration names approvers for this school (if not, its principals decide). */
    public boolean namesApproversFor(String school) {
        return !approversOf(school).isEmpty();
    }

    /** The schools (upper case) that configure this district id as one of their approvers. */
    public Set<String> schoolsApprovedBy(String districtId) {
        Set<String> schools = new LinkedHashSet<>();
        if (districtId == null) {
            return schools;
        }
        String id = DistrictIds.canonical(districtId);
        approvers.forEach((school, ids) -> {
            if (ids.contains(id)) {
                schools.add(school);
            }
        });
        return schools;
    }

    /** The last day of the school year. */
    public MonthDay approvalEnds() {
        return approvalEnds;
    }

    /** The first end of a school year on or after {@code day}: how long an approval given then runs. */
    public LocalDate schoolYearEndOnOrAfter(LocalDate day) {
        LocalDate end = approvalEnds.atYear(day.getYear());
        return end.isBefore(day) ? approvalEnds.atYear(day.getYear() + 1) : end;
    }

    /** A school code as the configuration is looked up by. */
    public static String key(String school) {
        return school.trim().toUpperCase(Locale.ROOT);
    }

    /** Reads {@code SCHOOL=ID ID;SCHOOL=ID}; refuses anything else, naming the variable and the part it cannot read. */
    static Map<String, List<String>> parseApprovers(String raw) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return parsed;
        }
        if (raw.length() > 20_000) {
            throw invalid(APPROVERS, "is longer than 20000 characters");
        }
        for (String entry : raw.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw invalid(APPROVERS, "'" + shown(entry) + "' is not SCHOOL=ID ID (school, '=', district ids)");
            }
            String school = entry.substring(0, eq).trim();
            if (!SCHOOL.matcher(school).matches()) {
                throw invalid(
                        APPROVERS,
                        "'" + shown(school) + "' is not a school code (letters, digits, spaces and . _ ' & -, at most"
                                + " 40 characters)");
            }
            String schoolKey = key(school);
            if (parsed.containsKey(schoolKey)) {
                throw invalid(APPROVERS, "names the school " + schoolKey + " twice");
            }
            List<String> ids = new ArrayList<>();
            for (String id : entry.substring(eq + 1).trim().split("[\\s,]+")) {
                if (id.isEmpty()) {
                    continue;
                }
                if (!DISTRICT_ID.matcher(id).matches()) {
                    throw invalid(
                            APPROVERS,
                            "'" + shown(id) + "' (for " + schoolKey + ") is not a district id (letters, digits and"
                                    + " . _ / -, at most 40 characters)");
                }
                String canonical = DistrictIds.canonical(id);
                if (!ids.contains(canonical)) {
                    ids.add(canonical);
                }
            }
            if (ids.isEmpty()) {
                throw invalid(APPROVERS, "names no district id for " + schoolKey);
            }
            parsed.put(schoolKey, List.copyOf(ids));
        }
        return Map.copyOf(parsed);
    }

    /** Reads a month-day such as {@code 06-30}. */
    static MonthDay parseMonthDay(String raw) {
        Matcher m = MONTH_DAY.matcher(raw == null ? "" : raw.trim());
        if (!m.matches()) {
            throw invalid(
                    APPROVAL_ENDS, "'" + shown(raw) + "' is not a month and day in the form MM-DD, such as 06-30");
        }
        try {
            return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw invalid(APPROVAL_ENDS, "'" + shown(raw) + "' is not a day of the year");
        }
    }

    private static IllegalStateException invalid(String variable, String why) {
        String example = variable.equals(APPROVERS) ? "LINCOLN-HS=E1001 E1002;WASHINGTON-MS=E2001" : "06-30";
        return new IllegalStateException(variable + " is not valid: " + why + ". For example: " + example);
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() > 60 ? trimmed.substring(0, 60) + "..." : trimmed;
    }
}
