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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.Device;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.domain.AcquisitionType;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.service.AcquisitionInput;
import org.district.inventory.service.DeviceInput;
import org.district.inventory.service.DeviceService;
import org.district.support.csv.CsvReader;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemMappers;

/**
 * Imports devices from CSV, creating new asset tags and updating known ones (status and assignment are never changed
 * by an import). Streams the file: memory use does not grow with its length beyond the set of keys seen, which finds
 * duplicates within the file.
 */
@ApplicationScoped
public class DeviceImport {

    /** The columns, in the order the export writes them. */
    public static final List<String> COLUMNS = List.of(
            "assetTag",
            "serialNumber",
            "type",
            "make",
            "model",
            "school",
            "ownership",
            "sensitiveData",
            "acquisitionType",
            "vendor",
            "purchaseOrder",
            "cost",
            "acquiredOn",
            "donor",
            "warrantyEnd",
            "ownerDistrictId",
            "notes");

    /** Columns the export adds; an import accepts and ignores them, so an export can be edited and re-imported. */
    public static final List<String> EXPORT_ONLY_COLUMNS =
            List.of("status", "assigneeDistrictId", "assignedAt", "costOwed", "id");

    static final Set<String> REQUIRED =
            Set.of("assetTag", "serialNumber", "type", "make", "model", "school", "sensitiveData");

    @Inject
    DeviceService devices;

    @Inject
    DeviceRepository repository;

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

    public ImportReport run(Reader reader, ImportMode mode, String actor) throws IOException {
        CsvReader csv = new CsvReader(reader, 4000, 64);
        Set<String> known = new LinkedHashSet<>(COLUMNS);
        known.addAll(EXPORT_ONLY_COLUMNS);
        CsvColumns columns = CsvColumns.read(csv, known, REQUIRED);
        Map<String, Long> tagsSeen = new HashMap<>();
        Map<String, Long> serialsSeen = new HashMap<>();
        RowImporter.Source<DeviceInput> source = () -> {
            CsvReader.Row row = csv.next();
            if (row == null) {
                return null;
            }
            CsvColumns.Cells cells = columns.cells(row);
            DeviceInput input = toInput(cells);
            List<FieldViolation> errors = new ArrayList<>(cells.errors);
            errors.addAll(validate(input));
            String tag = upper(input.assetTag());
            String serial = upper(input.serialNumber());
            if (tag != null) {
                Long first = tagsSeen.putIfAbsent(tag, row.line());
                if (first != null) {
                    errors.add(
                            new FieldViolation("assetTag", "appears twice in the file (first on line " + first + ")."));
                }
            }
            if (serial != null) {
                Long first = serialsSeen.putIfAbsent(serial, row.line());
                if (first != null) {
                    errors.add(new FieldViolation(
                            "serialNumber", "appears twice in the file (first on line " + first + ")."));
                }
            }
            return new RowImporter.Parsed<>(row.line(), null, tag, input, errors);
        };
        RowImporter<DeviceInput> importer =
                new RowImporter<>(settings.importChunkSize(), settings.importMaxReportedErrors(), this::clearSession);
        return importer.run(source, input -> save(input, actor), mode);
    }

    private RowImporter.Result save(DeviceInput input, String actor) {
        Optional<Device> existing = repository.findByAssetTag(upper(input.assetTag()));
        List<FieldViolation> problems = devices.problemsWith(input, existing.orElse(null));
        if (!problems.isEmpty()) {
            return RowImporter.Result.rejected(csvNames(problems));
        }
        if (existing.isEmpty()) {
            devices.register(input, actor);
            return RowImporter.Result.of(RowImporter.Outcome.CREATED);
        }
        java.time.Instant before = existing.get().updatedAt;
        Device updated = devices.update(existing.get().id, input, null, actor);
        return RowImporter.Result.of(
                java.util.Objects.equals(before, updated.updatedAt)
                        ? RowImporter.Outcome.UNCHANGED
                        : RowImporter.Outcome.UPDATED);
    }

    private DeviceInput toInput(CsvColumns.Cells c) {
        AcquisitionType acquisitionType = c.enumValue("acquisitionType", AcquisitionType.class);
        AcquisitionInput acquisition = null;
        if (acquisitionType != null) {
            acquisition = new AcquisitionInput(
                    acquisitionType,
                    c.text("vendor"),
                    c.text("purchaseOrder"),
                    c.decimal("cost"),
                    c.date("acquiredOn"),
                    c.text("donor"));
        } else if (c.text("vendor") != null
                || c.text("purchaseOrder") != null
                || c.text("donor") != null
                || c.text("cost") != null
                || c.text("acquiredOn") != null) {
            c.errors.add(new FieldViolation("acquisitionType", "is required when acquisition details are given."));
        }
        return new DeviceInput(
                c.text("assetTag"),
                c.text("serialNumber"),
                c.enumValue("type", DeviceType.class),
                c.text("make"),
                c.text("model"),
                c.text("school"),
                c.enumValue("ownership", Ownership.class),
                c.bool("sensitiveData"),
                acquisition,
                c.date("warrantyEnd"),
                c.text("notes"),
                c.text("ownerDistrictId"));
    }

    private List<FieldViolation> validate(DeviceInput input) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<DeviceInput> v : validator.validate(input)) {
            errors.add(new FieldViolation(ProblemMappers.fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldViolation::field));
        return csvNames(errors);
    }

    /** Names fields as the CSV columns are named (acquisition.vendor is the column vendor). */
    static List<FieldViolation> csvNames(List<FieldViolation> errors) {
        List<FieldViolation> renamed = new ArrayList<>(errors.size());
        for (FieldViolation e : errors) {
            String field = e.field();
            if (field.equals("acquisition.type")) {
                field = "acquisitionType";
            } else if (field.startsWith("acquisition.")) {
                field = field.substring("acquisition.".length());
            }
            renamed.add(new FieldViolation(field, e.message()));
        }
        return renamed;
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }
}
