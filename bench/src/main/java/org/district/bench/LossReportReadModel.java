package org.district.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Seeds loss-report-service's read models directly, as inventory's snapshot topics would fill them: {@code count} staff
 * members, one supervisor (with an email) per 50 of them, and one assigned laptop per staff member. Used by the
 * loss-report benchmark and the drills, each with its own identifier prefix.
 */
public final class LossReportReadModel {

    /** A staff member, their laptop, and their supervisor's email. */
    public record Holder(UUID personId, String districtId, UUID deviceId, String assetTag, String supervisorEmail) {}

    private LossReportReadModel() {}

    /**
     * Seeds in one transaction on the given connection (of the service's database). Identifiers are {@code
     * <prefix>P-<run>-<i>} (staff), {@code <prefix>S-} (supervisors) and {@code <prefix>R-} (asset tags).
     */
    public static List<Holder> seed(Connection c, String prefix, String run, int count) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        String lowerRun = run.toLowerCase(Locale.ROOT);
        c.setAutoCommit(false);
        try (PreparedStatement person = c.prepareStatement("insert into person_view (id, version, district_id,"
                        + " given_name, family_name, email, kind, school, supervisor_id, active, updated_at)"
                        + " values (?, 1, ?, 'Seeded', ?, ?, 'EMPLOYEE', 'SCH-01', ?, true, now())");
                PreparedStatement device = c.prepareStatement("insert into device_view (id, version, asset_tag,"
                        + " serial_number, type, make, model, school, ownership, status, sensitive_data,"
                        + " assignee_id, assignee_district_id, updated_at) values (?, 1, ?, ?, 'LAPTOP', 'Dell',"
                        + " 'Latitude 5440', 'SCH-01', 'DISTRICT', 'ASSIGNED', false, ?, ?, now())")) {
            UUID supervisor = null;
            String supervisorEmail = null;
            for (int i = 0; i < count; i++) {
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
                UUID staff = UUID.randomUUID();
                UUID deviceId = UUID.randomUUID();
                String districtId = prefix + "P-" + run + "-" + i;
                String tag = prefix + "R-" + run + "-" + i;
                person.setObject(1, staff);
                person.setString(2, districtId);
                person.setString(3, "Staff" + i);
                person.setString(4, "staff-" + lowerRun + "-" + i + "@district.example");
                person.setObject(5, supervisor);
                person.addBatch();
                device.setObject(1, deviceId);
                device.setString(2, tag);
                device.setString(3, prefix + "RS-" + run + "-" + i);
                device.setObject(4, staff);
                device.setString(5, districtId);
                device.addBatch();
                holders.add(new Holder(staff, districtId, deviceId, tag, supervisorEmail));
            }
            person.executeBatch();
            device.executeBatch();
        }
        c.commit();
        return holders;
    }
}
