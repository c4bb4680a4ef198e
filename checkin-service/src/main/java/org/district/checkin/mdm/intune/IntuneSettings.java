package org.district.checkin.mdm.intune;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Intune (Microsoft Graph's managed devices) as a check-in source and command channel; off by default. The
 * app registration signs in with the client-credentials flow and needs the application permissions
 * DeviceManagementManagedDevices.Read.All (listing) and DeviceManagementManagedDevices.PrivilegedOperations.All
 * (remoteLock, wipe, locateDevice), granted by a tenant admin.
 */
@ConfigMapping(prefix = "district.mdm.intune")
public interface IntuneSettings {

    /** Whether the district's Intune devices are synced. */
    @WithDefault("false")
    boolean enabled();

    /** The Microsoft Entra tenant id (a GUID) or its primary domain. */
    Optional<String> tenantId();

    /** The app registration's application (client) id. */
    Optional<String> clientId();

    /** The app registration's client secret (from a Secret; never in the repository, never logged). */
    Optional<String> clientSecret();

    /** Microsoft Graph's base address; tests point it at their own server. */
    @WithDefault("https://graph.microsoft.com")
    String graphUrl();

    /** The Microsoft identity platform's base address; tests point it at their own server. */
    @WithDefault("https://login.microsoftonline.com")
    String loginUrl();

    /** Devices per page of the listing (Graph gives at most 1000). */
    @WithDefault("500")
    int pageSize();

    /**
     * What the district's Intune compliance policy requires, so a device Intune finds compliant has it: any of
     * PASSWORD, ANTIVIRUS, PATCHES (a minimum OS build or update ring). A device Intune finds anything but compliant
     * proves none of them. Disk encryption is read from each device, not inferred.
     */
    @WithDefault("PASSWORD,ANTIVIRUS,PATCHES")
    Set<String> compliancePolicyCovers();

    /** The antivirus the compliance policy requires (reported for a compliant device when ANTIVIRUS is covered). */
    @WithDefault("Microsoft Defender Antivirus")
    String antivirusProduct();
}
