package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import org.district.contracts.inventory.DeviceType;

/**
 * The district's security baseline every check-in is measured against. District and personal devices are held to the
 * same rules (the policy lets the district enforce security measures on personal devices it admits).
 */
@ConfigMapping(prefix = "district.compliance")
public interface ComplianceBaseline {

    /**
     * Lowest acceptable OS version per platform (windows, macos, chromeos, ios, android, linux), compared numerically
     * part by part, for example {@code district.compliance.min-os-version.windows=10.0.19045}. A platform without an
     * entry has no minimum.
     */
    Map<String, String> minOsVersion();

    /** Most days since the last OS patch was installed. */
    @WithDefault("45")
    int maxPatchAgeDays();

    /** Most days since the antivirus definitions were updated. */
    @WithDefault("7")
    int maxAntivirusAgeDays();

    /** Platforms on which an antivirus product is required. */
    @WithDefault("windows,macos")
    List<String> antivirusRequiredPlatforms();

    /** Password or screen lock required on every device. */
    @WithDefault("true")
    boolean passwordRequired();

    /** Device types that need disk encryption even without sensitive data (devices holding sensitive data always do). */
    @WithDefault("LAPTOP")
    List<DeviceType> encryptionRequiredTypes();
}
