package org.district.inventory.service.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.Person;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.service.PersonInput;
import org.district.inventory.service.PersonService;
import org.district.support.csv.CsvReader;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemMappers;

/**
 * The nightly HR / student information system sync: creates or updates people by district id, from CSV or a JSON
 * array. A person whose supervisor appears later in the same file is saved once the supervisor is.
 */
@ApplicationScoped
public class PersonImport {

    public static final List<String> COLUMNS = List.of(
            "districtId",
            "givenName",
            "familyName",
            "email",
            "kind",
            "school",
            "supervisorDistrictId",
            "active",
            "departedOn",
            "aupAcknowledgedOn");

    static final Set<String> REQUIRED = Set.of("districtId", "givenName", "familyName", "kind", "school");

    @Inject
    PersonService people;

    @Inject
    Validator validator;

    @Inject
    InventorySettings settings;

    @Inject
    jakarta.persistence.EntityManager em;

    private void clearSession() {
        em.flush();
        em.clear();
    }

    public ImportReport fromCsv(Reader reader, ImportMode mode, String actor) throws IOException {
        CsvReader csv = new CsvReader(reader, 4000, 32);
        CsvColumns columns = CsvColumns.read(csv, new LinkedHashSet<>(COLUMNS), REQUIRED);
        Map<String, Long> seen = new HashMap<>();
        Set<String> inFile = new HashSet<>();
        // While the file is still being read, a supervisor not known yet may be on a later line.
        boolean[] readToEnd = {false};
        RowImporter.Source<PersonInput> source = () -> {
            CsvReader.Row row;
            try {
                row = csv.next();
            } catch (IOException e) {
                readToEnd[0] = true;
                throw e;
            }
            if (row == null) {
                readToEnd[0] = true;
                return null;
            }
            CsvColumns.Cells c = columns.cells(row);
            PersonInput input = new PersonInput(
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
            List<FieldViolation> errors = new ArrayList<>(c.errors);
            errors.addAll(validate(input));
            String key = upper(input.districtId());
            if (key != null) {
                Long first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    errors.add(new FieldViolation(
                            "districtId", "appears twice in the file (first on line " + first + ")."));
                }
                inFile.add(key);
            }
            return new RowImporter.Parsed<>(row.line(), null, key, input, errors);
        };
        return importer().run(source, input -> save(input, readToEnd[0] ? inFile : null, actor), mode);
    }

    public ImportReport fromList(List<PersonInput> inputs, ImportMode mode, String actor) {
        Set<String> inBatch = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PersonInput input : inputs) {
            if (input != null && input.districtId() != null) {
                inBatch.add(upper(input.districtId()));
            }
        }
        Iterator<PersonInput> it = inputs.iterator();
        int[] index = {-1};
        RowImporter.Source<PersonInput> source = () -> {
            if (!it.hasNext()) {
                return null;
            }
            index[0]++;
            PersonInput input = it.next();
            if (input == null) {
                return new RowImporter.Parsed<>(
                        null,
                        index[0],
                        null,
                        null,
                        List.of(new FieldViolation("[" + index[0] + "]", "must be an object.")));
            }
            List<FieldViolation> errors = new ArrayList<>(validate(input));
            String key = upper(input.districtId());
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

    private RowImporter<PersonInput> importer() {
        return new RowImporter<>(settings.importChunkSize(), settings.importMaxReportedErrors(), this::clearSession);
    }

    /**
     * Saves one person, or defers them while their supervisor may still be saved: {@code keysInSource} holds every
     * district id of the source, or is null while the source has not been read to its end.
     */
    private RowImporter.Result save(PersonInput input, Set<String> keysInSource, String actor) {
        Person existing = people.findByDistrictId(input.districtId()).orElse(null);
        List<FieldViolation> problems = people.problemsWith(input, existing);
        if (!problems.isEmpty()) {
            String supervisor = upper(input.supervisorDistrictId());
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

    private List<FieldViolation> validate(PersonInput input) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<PersonInput> v : validator.validate(input)) {
            errors.add(new FieldViolation(ProblemMappers.fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldViolation::field));
        return errors;
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }
}
