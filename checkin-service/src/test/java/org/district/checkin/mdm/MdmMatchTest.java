package org.district.checkin.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a device manager's listed devices are matched to inventory: a name never outweighs a serial number. */
class MdmMatchTest {

    private static final UUID LAPTOP = UUID.randomUUID();
    private static final UUID NO_SERIAL_KNOWN = UUID.randomUUID();

    /** Inventory: LAPTOP (tag LHS-0001, serial SN-1) and NO_SERIAL_KNOWN (tag LHS-0002, no serial recorded). */
    private static final UUID OWN_PHONE = UUID.randomUUID();

    /** And OWN_PHONE (tag P-0003, serial SN-3), a staff member's own, registered as a personal device. */
    private static final MdmRepository.Matches INVENTORY = new MdmRepository.Matches(
            Map.of("SN-1", LAPTOP, "SN-3", OWN_PHONE),
            Map.of("LHS-0001", LAPTOP, "LHS-0002", NO_SERIAL_KNOWN, "P-0003", OWN_PHONE),
            Map.of(LAPTOP, "SN-1", OWN_PHONE, "SN-3"),
            Set.of(OWN_PHONE));

    @Test
    void theSerialNumberDecidesFirstAndANameOnlyWhereNoSerialContradictsIt() {
        Map<String, UUID> matched = MdmSync.matchAll(
                List.of(
                        listed("by-serial", "sn-1", "DESKTOP-7QK2M1"),
                        listed("by-name-no-serial", null, "lhs-0002"),
                        listed("renamed-impostor", "SN-999", "LHS-0001")),
                INVENTORY,
                false);
        assertThat(matched)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "by-serial", LAPTOP,
                        "by-name-no-serial", NO_SERIAL_KNOWN));
    }

    @Test
    void aNameAlreadyTakenBySerialOrClaimedTwiceMatchesNothing() {
        // LHS-0002's record has no serial, so a serial-less impostor's name does not contradict it: still, the device
        // is matched once, by its serial number when a listed device has it, and by no one when only names claim it.
        Map<String, UUID> matched = MdmSync.matchAll(
                List.of(
                        listed("one", null, "LHS-0002"),
                        listed("two", "SN-777", "lhs-0002"),
                        listed("laptop", "SN-1", null),
                        listed("laptop-name", null, "LHS-0001")),
                INVENTORY,
                false);
        assertThat(matched).containsExactlyEntriesOf(Map.of("laptop", LAPTOP));
    }

    @Test
    void aListedDeviceThatWithholdsItsSerialNumberCannotTakeTheNameOfADeviceWithOne() {
        // A personally enrolled device reporting no serial number, renamed to a district laptop's asset tag.
        assertThat(MdmSync.matchAll(List.of(listed("serial-withheld", null, "LHS-0001")), INVENTORY, false))
                .isEmpty();
        assertThat(MdmSync.matchAll(List.of(listed("serial-withheld", null, "LHS-0001")), INVENTORY, true))
                .as("unless the district wrote the tag in the manager")
                .containsExactlyEntriesOf(Map.of("serial-withheld", LAPTOP));
    }

    @Test
    void anAssetTagTheDistrictWroteMatchesWhereTheSerialNumbersDiffer() {
        // Google Admin's annotated asset id is the district's own record, as trusted as inventory's serial.
        assertThat(MdmSync.matchAll(List.of(listed("chromebook", "SN-999", "LHS-0001")), INVENTORY, true))
                .containsExactlyEntriesOf(Map.of("chromebook", LAPTOP));
    }

    @Test
    void anEntryEnrolledAsSomeonesOwnMatchesOnlyAPersonalDevice() {
        // A computer enrolled in Intune as its user's own (a VM, say) reporting a district laptop's serial number, or
        // named after one with no serial on record: neither is the district's device.
        assertThat(MdmSync.matchAll(
                        List.of(
                                listedAsOwn("vm-with-laptops-serial", "SN-1", null),
                                listedAsOwn("vm-named-like-a-laptop", null, "LHS-0002"),
                                listedAsOwn("staff-phone", "sn-3", null)),
                        INVENTORY,
                        false))
                .containsExactlyEntriesOf(Map.of("staff-phone", OWN_PHONE));
        assertThat(MdmSync.matchAll(List.of(listed("company-entry", "SN-1", null)), INVENTORY, false))
                .containsExactlyEntriesOf(Map.of("company-entry", LAPTOP));
    }

    private static MdmDeviceReport listedAsOwn(String id, String serial, String tag) {
        return report(id, true, serial, tag);
    }

    private static MdmDeviceReport listed(String id, String serial, String tag) {
        return report(id, false, serial, tag);
    }

    private static MdmDeviceReport report(String id, boolean personal, String serial, String tag) {
        return new MdmDeviceReport(
                id, personal, serial, tag, null, false, null, null, null, null, null, null, false, null, null, null,
                null, null, null, Map.of());
    }
}
