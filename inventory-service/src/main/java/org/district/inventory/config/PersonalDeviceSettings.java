package org.district.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The district's policy on personal devices as configured: who decides for each school, and when approvals end. Read
 * and checked once at startup by {@link PersonalDevicePolicy}, which refuses to start on a value it cannot read.
 */
@ConfigMapping(prefix = "district.personal-devices")
public interface PersonalDeviceSettings {

    /**
     * The approvers of each school, by district id: {@code SCHOOL=ID ID;SCHOOL=ID} (schools separated by semicolons,
     * ids by spaces or commas), for example {@code LINCOLN-HS=E1001 E1002;WASHINGTON-MS=E2001}. A school not named
     * here is decided by every person with the role PRINCIPAL whose own record is at that school. Empty: every school
     * is.
     */
    Optional<String> approvers();

    /** The last day of every school year (month-day, {@code MM-DD}): an approval runs until the next one. */
    @WithDefault("06-30")
    String approvalEnds();

    /** How often the approvals whose last day has passed are ended (a Quarkus scheduler interval, e.g. 1h). */
    @WithDefault("1h")
    String expiryEvery();
}
