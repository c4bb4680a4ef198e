package org.district.inventory.service.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.AcquisitionType;
import org.district.inventory.entity.Device;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.service.AcquisitionRequest;
import org.district.inventory.service.DeviceRequest;
import org.district.inventory.service.DeviceService;
import org.district.support.domain.FieldViolation;

/**
 * Imports devices from CSV, creating new asset tags and updating known ones (status and assignment are never changed
 * by an import). Streams the file: memory use does not grow with its length beyond the set of keys seen, which finds
 * duplicates within the file.
 */
@ApplicationScoped
public class DeviceImport extends RecordImport<DeviceRequest> {

    @Inject
    DeviceService devices;

    @Inject
    DeviceRepository repository;

    public ImportReport run(Reader reader, ImportMode mode, String actor) throws IOException {
        Set<String> known = new LinkedHashSet<>(CsvColumn.names(DeviceColumns.IMPORTED));
        known.addAll(CsvColumn.names(DeviceColumns.EXPORT_ONLY));
        CsvRows<DeviceRequest> rows = CsvRows.of(
                reader,
                64,
                known,
                DeviceColumns.REQUIRED,
                this::toRequest,
                input -> csvNames(validate(input)),
                List.of(
                        new CsvRows.Unique<>("assetTag", DeviceRequest::assetTag),
                        new CsvRows.Unique<>("serialNumber", DeviceRequest::serialNumber)));
        return importer().run(rows, input -> save(input, actor), mode);
    }

    private RowImporter.Result save(DeviceRequest input, String actor) {
        Optional<Device> existing = repository.findByAssetTag(key(input.assetTag()));
        List<FieldViolation> problems = devices.problemsWith(input, existing.orElse(null));
        if (!problems.isEmpty()) {
            return RowImporter.Result.rejected(csvNames(problems));
        }
        if (existing.isEmpty()) {
            devices.register(input, actor);
            return RowImporter.Result.of(RowImporter.Outcome.CREATED);
        }
        Instant before = existing.get().updatedAt;
        Device updated = devices.update(existing.get().id, input, null, actor);
        return RowImporter.Result.of(
                Objects.equals(before, updated.updatedAt)
                        ? RowImporter.Outcome.UNCHANGED
                        : RowImporter.Outcome.UPDATED);
    }

    private DeviceRequest toRequest(CsvColumns.Cells c) {
        AcquisitionType acquisitionType = c.enumValue("acquisitionType", AcquisitionType.class);
        AcquisitionRequest acquisition = null;
        if (acquisitionType != null) {
            acquisition = new AcquisitionRequest(
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
        return new DeviceRequest(
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
}
