package org.district.inventory.service.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.entity.Person;
import org.district.inventory.service.PersonRequest;
import org.district.inventory.service.PersonService;
import org.district.support.domain.FieldViolation;

/**
 * The nightly HR / student information system sync: creates or updates people by district id, from CSV or a JSON
 * array. A person whose supervisor appears later in the same file is saved once the supervisor is.
 */
@ApplicationScoped
public class PersonImport extends RecordImport<PersonRequest> {

    @Inject
    PersonService people;

    public ImportReport fromCsv(Reader reader, ImportMode mode, String actor) throws IOException {
        CsvRows<PersonRequest> rows = CsvRows.of(
                reader,
                32,
                new LinkedHashSet<>(CsvColumn.names(PersonColumns.COLUMNS)),
                PersonColumns.REQUIRED,
                PersonImport::toRequest,
                this::validate,
                List.of(new CsvRows.Unique<>("districtId", PersonRequest::districtId)));
        // While the file is still being read, a supervisor not known yet may be on a later line.
        return importer().run(rows, input -> save(input, rows.finished() ? rows.keys() : null, actor), mode);
    }

    public ImportReport fromList(List<PersonRequest> inputs, ImportMode mode, String actor) {
        Set<String> inBatch = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PersonRequest input : inputs) {
            if (input != null && input.districtId() != null) {
                inBatch.add(key(input.districtId()));
            }
        }
        Iterator<PersonRequest> it = inputs.iterator();
        int[] index = {-1};
        RowImporter.Source<PersonRequest> source = () -> {
            if (!it.hasNext()) {
                return null;
            }
            index[0]++;
            PersonRequest input = it.next();
            if (input == null) {
                return new RowImporter.Parsed<>(
                        null,
                        index[0],
                        null,
                        null,
                        List.of(new FieldViolation("[" + index[0] + "]", "must be an object.")));
            }
            List<FieldViolation> errors = new ArrayList<>(validate(input));
            String key = key(input.districtId());
            if (key != null) {
                Integer first = seen.putIfAbsent(key, index[0]);
                if (first != null) {
                    errors.add(new FieldViolation("districtId", "appears twice (first at index " + first + ")."));
                }
            }
            return new RowImporter.Parsed<>(null, index[0], key, input, errors);
        };
        return importer().run(source, input -> save(input, inBatch, actor), mode);
    }

    private static PersonRequest toRequest(CsvColumns.Cells c) {
        return new PersonRequest(
                c.text("districtId"),
                c.text("givenName"),
                c.text("familyName"),
                c.text("email"),
                c.enumValue("kind", PersonKind.class),
                c.text("school"),
                c.text("supervisorDistrictId"),
                c.bool("active"),
                c.date("departedOn"),
                c.date("aupAcknowledgedOn"));
    }

    /**
     * Saves one person, or defers them while their supervisor may still be saved: {@code keysInSource} holds every
     * district id of the source, or is null while the source has not been read to its end.
     */
    private RowImporter.Result save(PersonRequest input, Set<String> keysInSource, String actor) {
        Person existing = people.findByDistrictId(input.districtId()).orElse(null);
        List<FieldViolation> problems = people.problemsWith(input, existing);
        if (!problems.isEmpty()) {
            String supervisor = key(input.supervisorDistrictId());
            boolean onlyMissingSupervisor = problems.size() == 1
                    && problems.get(0).field().equals("supervisorDistrictId")
                    && problems.get(0).message().equals("names no known person.");
            if (onlyMissingSupervisor
                    && supervisor != null
                    && (keysInSource == null || keysInSource.contains(supervisor))) {
                return new RowImporter.Result(RowImporter.Outcome.DEFERRED, List.of());
            }
            return RowImporter.Result.rejected(problems);
        }
        PersonService.Saved saved = people.upsert(input, actor);
        return RowImporter.Result.of(
                switch (saved.outcome()) {
                    case CREATED -> RowImporter.Outcome.CREATED;
                    case UPDATED -> RowImporter.Outcome.UPDATED;
                    case UNCHANGED -> RowImporter.Outcome.UNCHANGED;
                });
    }
}
