package org.district.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Seeds loss-report-service's read models directly, as inventory's snapshot topics would fill them: {@code count}
 * assigned laptops, held by at most {@value #MAX_STAFF} staff members (laptop {@code i} by staff member {@code i}
 * modulo their number), and one supervisor (with an email) per 50 staff members. Used by the loss-report benchmark and
 * the drills, each with its own identifier prefix. The staff are few on purpose: each is a real user of the identity
 * provider who signs in there for a token, and thousands of reports need not make thousands of users.
 */
public final class LossReportReadModel {

    /** The most staff members a seed creates; beyond that, each holds several laptops. */
    public static final int MAX_STAFF = 100;

    /** A laptop, the staff member holding it, and their supervisor's email. */
    public record Holder(UUID personId, String districtId, UUID deviceId, String assetTag, String supervisorEmail) {}

    private LossReportReadModel() {}

    /**
     * Seeds in one transaction on the given connection (of the service's database). Identifiers are {@code
     * <prefix>P-<run>-<i>} (staff), {@code <prefix>S-} (supervisors) and {@code <prefix>R-} (asset tags).
     */
    public static List<Holder> seed(Connection c, String prefix, String run, int count) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        String lowerRun = run.toLowerCase(Locale.ROOT);
        int staffCount = Math.max(1, Math.min(count, MAX_STAFF));
        c.setAutoCommit(false);
        try (PreparedStatement person = c.prepareStatement("insert into person_view (id, version, district_id,"
                        + " given_name, family_name, email, kind, school, supervisor_id, active, updated_at)"
                        + " values (?, 1, ?, 'Seeded', ?, ?, 'EMPLOYEE', 'SCH-01', ?, true, now())");
                PreparedStatement device = c.prepareStatement("insert into device_view (id, version, asset_tag,"
                        + " serial_number, type, make, model, school, ownership, status, sensitive_data,"
                        + " assignee_id, assignee_district_id, updated_at) values (?, 1, ?, ?, 'LAPTOP', 'Dell',"
                        + " 'Latitude 5440', 'SCH-01', 'DISTRICT', 'ASSIGNED', false, ?, ?, now())")) {
            UUID[] staffIds = new UUID[staffCount];
            String[] staffDistrictIds = new String[staffCount];
            String[] supervisorEmails = new String[staffCount];
            UUID supervisor = null;
            String supervisorEmail = null;
            for (int i = 0; i < staffCount; i++) {
                if (i % 50 == 0) {
                    supervisor = UUID.randomUUID();
                    supervisorEmail = "sup-" + lowerRun + "-" + i + "@district.example";
                    person.setObject(1, supervisor);
                    person.setString(2, prefix + "S-" + run + "-" + i);
                    person.setString(3, "Supervisor" + i);
                    person.setString(4, supervisorEmail);
                    person.setObject(5, null);
                    person.addBatch();
                }
                staffIds[i] = UUID.randomUUID();
                staffDistrictIds[i] = prefix + "P-" + run + "-" + i;
                supervisorEmails[i] = supervisorEmail;
                person.setObject(1, staffIds[i]);
                person.setString(2, staffDistrictIds[i]);
                person.setString(3, "Staff" + i);
                person.setString(4, "staff-" + lowerRun + "-" + i + "@district.example");
                person.setObject(5, supervisor);
                person.addBatch();
            }
            for (int i = 0; i < count; i++) {
                int holder = i % staffCount;
                UUID deviceId = UUID.randomUUID();
                String tag = prefix + "R-" + run + "-" + i;
                device.setObject(1, deviceId);
                device.setString(2, tag);
                device.setString(3, prefix + "RS-" + run + "-" + i);
                device.setObject(4, staffIds[holder]);
                device.setString(5, staffDistrictIds[holder]);
                device.addBatch();
                holders.add(new Holder(
                        staffIds[holder], staffDistrictIds[holder], deviceId, tag, supervisorEmails[holder]));
            }
            person.executeBatch();
            device.executeBatch();
        }
        c.commit();
        return holders;
    }

    /** The district ids of the staff members holding the laptops, each once. */
    public static List<String> staff(List<Holder> holders) {
        return holders.stream().map(Holder::districtId).distinct().toList();
    }
}
