package org.district.inventory.service.csv;

import java.util.List;
import org.district.inventory.entity.Charge;

/**
 * The columns of the charges CSV file for the business office, in the order the export writes them, each with the
 * value it holds for a charge. Amounts are in US dollars with two decimals.
 */
public final class ChargeColumns {

    static final List<CsvColumn<Charge>> COLUMNS = List.of(
            new CsvColumn<>("id", c -> c.id),
            new CsvColumn<>("createdAt", c -> c.createdAt),
            new CsvColumn<>("personDistrictId", c -> c.person.districtId),
            new CsvColumn<>("assetTag", c -> c.device.assetTag),
            new CsvColumn<>("reason", c -> c.reason),
            new CsvColumn<>("description", c -> c.description),
            new CsvColumn<>("amount", c -> c.amount),
            new CsvColumn<>("paid", c -> c.paid),
            new CsvColumn<>("waived", c -> c.waived),
            new CsvColumn<>("outstanding", Charge::outstanding),
            new CsvColumn<>("status", c -> c.status),
            new CsvColumn<>("createdBy", c -> c.createdBy),
            new CsvColumn<>("updatedAt", c -> c.updatedAt),
            new CsvColumn<>("personId", c -> c.person.id),
            new CsvColumn<>("deviceId", c -> c.device.id));

    /** The export's header line. */
    public static final List<String> HEADER = CsvColumn.names(COLUMNS);

    private ChargeColumns() {}

    /** The charge's line in the export. */
    public static List<Object> row(Charge c) {
        return CsvColumn.row(COLUMNS, c);
    }
}
