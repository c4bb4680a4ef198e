package org.district.inventory.service.csv;

import java.util.List;
import java.util.Set;
import org.district.inventory.entity.Person;

/**
 * The columns of the people CSV file, in the order the export writes them, each with the value it holds for a person.
 * The import reads the same file back.
 */
public final class PersonColumns {

    static final List<CsvColumn<Person>> COLUMNS = List.of(
            new CsvColumn<>("districtId", p -> p.districtId),
            new CsvColumn<>("givenName", p -> p.givenName),
            new CsvColumn<>("familyName", p -> p.familyName),
            new CsvColumn<>("email", p -> p.email),
            new CsvColumn<>("kind", p -> p.kind),
            new CsvColumn<>("school", p -> p.school),
            new CsvColumn<>("supervisorDistrictId", Person::supervisorDistrictId),
            new CsvColumn<>("active", p -> p.active),
            new CsvColumn<>("departedOn", p -> p.departedOn),
            new CsvColumn<>("aupAcknowledgedOn", p -> p.aupAcknowledgedOn));

    /** The columns an imported file must have. */
    static final Set<String> REQUIRED = Set.of("districtId", "givenName", "familyName", "kind", "school");

    /** The export's header line. */
    public static final List<String> HEADER = CsvColumn.names(COLUMNS);

    private PersonColumns() {}

    /** The person's line in the export; its first cell, the district id, orders the file. */
    public static List<Object> row(Person p) {
        return CsvColumn.row(COLUMNS, p);
    }
}
