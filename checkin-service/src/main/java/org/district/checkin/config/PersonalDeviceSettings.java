package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the district's policy on personal devices is enforced here (docs/personal-devices.md). */
@ConfigMapping(prefix = "district.personal-devices")
public interface PersonalDeviceSettings {

    /**
     * Days an approved personal device may stay non-compliant with the baseline, without a compliant check-in in
     * between, before its access is removed (credential revoked, PersonalDeviceAccessRemoved NON_COMPLIANT). Counted
     * from its first non-compliant check-in, or from its approval when it was non-compliant already.
     */
    @WithDefault("7")
    int violationGraceDays();

    /** How often the violation job looks for such devices, as the scheduler reads it ({@code 1h}, {@code 30m}). */
    @WithDefault("1h")
    String violationCheckEvery();

    /** How long after startup the violation job first runs. */
    @WithDefault("2m")
    String violationCheckDelay();
}
