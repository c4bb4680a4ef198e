package org.district.inventory.service.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.entity.Device;

/**
 * The columns of the device CSV file, in the order the export writes them, each with the value it holds for a device.
 * The import reads the same file back.
 */
public final class DeviceColumns {

    /** The columns an import reads. */
    static final List<CsvColumn<Device>> IMPORTED = List.of(
            new CsvColumn<>("assetTag", d -> d.assetTag),
            new CsvColumn<>("serialNumber", d -> d.serialNumber),
            new CsvColumn<>("type", d -> d.type),
            new CsvColumn<>("make", d -> d.make),
            new CsvColumn<>("model", d -> d.model),
            new CsvColumn<>("school", d -> d.school),
            new CsvColumn<>("ownership", d -> d.ownership),
            new CsvColumn<>("sensitiveData", d -> d.sensitiveData),
            new CsvColumn<>("acquisitionType", d -> d.acquisitionType),
            new CsvColumn<>("vendor", d -> d.vendor),
            new CsvColumn<>("purchaseOrder", d -> d.purchaseOrder),
            new CsvColumn<>("cost", d -> d.cost),
            new CsvColumn<>("acquiredOn", d -> d.acquiredOn),
            new CsvColumn<>("donor", d -> d.donor),
            new CsvColumn<>("warrantyEnd", d -> d.warrantyEnd),
            new CsvColumn<>("ownerDistrictId", d -> d.ownership == Ownership.PERSONAL ? d.assigneeDistrictId() : null),
            new CsvColumn<>("notes", d -> d.notes));

    /** Columns the export adds; an import accepts and ignores them, so an export can be edited and re-imported. */
    static final List<CsvColumn<Device>> EXPORT_ONLY = List.of(
            new CsvColumn<>("status", d -> d.status),
            new CsvColumn<>("assigneeDistrictId", Device::assigneeDistrictId),
            new CsvColumn<>("assignedAt", d -> d.assignedAt),
            new CsvColumn<>("costOwed", d -> d.costOwed),
            new CsvColumn<>("id", d -> d.id));

    /** The columns an imported file must have. */
    static final Set<String> REQUIRED =
            Set.of("assetTag", "serialNumber", "type", "make", "model", "school", "sensitiveData");

    private static final List<CsvColumn<Device>> EXPORTED = concat(IMPORTED, EXPORT_ONLY);

    /** The export's header line. */
    public static final List<String> HEADER = CsvColumn.names(EXPORTED);

    private DeviceColumns() {}

    /** The device's line in the export; its first cell, the asset tag, orders the file. */
    public static List<Object> row(Device d) {
        return CsvColumn.row(EXPORTED, d);
    }

    private static <E> List<CsvColumn<E>> concat(List<CsvColumn<E>> first, List<CsvColumn<E>> second) {
        List<CsvColumn<E>> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
