package org.district.checkin.mdm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.entity.DeviceCommand;

/**
 * A device manager (Google Admin, Microsoft Intune) as a source of check-ins and a channel for commands. Each is an
 * application-scoped bean; {@link MdmSync} runs whichever are enabled, one replica at a time per manager.
 */
public interface MdmProvider {

    /** Which manager this is; the source of the check-ins it reports. */
    CheckInSource source();

    /** Whether the district turned it on (off by default). */
    boolean enabled();

    /** Whether {@link #list} can list only the devices that reported since a time (an incremental sync). */
    boolean supportsIncremental();

    /**
     * One page of the manager's devices, from the start ({@code pageToken} null) or from a page token the previous page
     * gave; only devices that reported since {@code since} when it is not null. Throttling and expired tokens are dealt
     * with inside (the same page is asked again); a {@link ProviderException} means the page could not be had.
     */
    DevicePage list(Instant since, String pageToken) throws ProviderException;

    /** The device as the manager has it now; empty when the manager no longer has it. */
    Optional<MdmDeviceReport> get(String providerDeviceId) throws ProviderException;

    /**
     * Whether the asset tag this manager lists is written by the district's administrators (Google Admin's annotated
     * asset id), not a name the device's user can change (Intune's device name, the computer's name). Only such a
     * tag matches a device whose serial number differs from inventory's ({@link MdmSync#matchAll}).
     */
    boolean assetTagSetByDistrict();

    /** The district's commands this manager carries (Google Admin: LOCK; Intune: LOCK, WIPE and LOCATE). */
    Set<DeviceCommand.Type> commandTypes();

    /**
     * Whether the manager's lock stays in force until the district ends it (Google Admin's disabled Chromebook), so a
     * recovery ends it through the manager ({@link #unlock}); a lock the device's user ends (Intune's remote lock) is
     * not.
     */
    boolean lockPersists();

    /**
     * Sends a command to the devices (Google Admin: LOCK disables them; Intune: remoteLock, wipe, locateDevice). The
     * answer holds, for each device id, null when the manager took the command, or its reason when it refused.
     */
    Map<String, String> send(DeviceCommand.Type type, List<String> providerDeviceIds) throws ProviderException;

    /** Ends the district's lasting lock (Google Admin: re-enables them); answered as {@link #send}. */
    Map<String, String> unlock(List<String> providerDeviceIds) throws ProviderException;

    /** The most devices one {@link #send} or {@link #unlock} request may name. */
    int maxDevicesPerAction();

    /**
     * One page of a listing: the devices that passed the checks, how many entries were refused as malformed, and the
     * token of the next page (null on the last).
     */
    record DevicePage(List<MdmDeviceReport> devices, int refused, String nextPageToken) {}
}
