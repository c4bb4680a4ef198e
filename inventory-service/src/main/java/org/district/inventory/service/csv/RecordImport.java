package org.district.inventory.service.csv;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import java.util.List;
import org.district.inventory.config.InventorySettings;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.Violations;

/**
 * What the imports of devices and of people share: checking each request as the API would, keys compared the way they
 * are stored, and the importer that saves the valid rows in chunks and reports the rest.
 */
abstract class RecordImport<T> {

    @Inject
    Validator validator;

    @Inject
    InventorySettings settings;

    @Inject
    EntityManager em;

    /** An importer for one run, with the configured chunk size and report length. */
    RowImporter<T> importer() {
        return new RowImporter<>(settings.importChunkSize(), settings.importMaxReportedErrors(), this::clearSession);
    }

    /** What Bean Validation finds wrong with a request, by field. */
    List<FieldViolation> validate(T input) {
        return Violations.of(validator.validate(input));
    }

    /** A key (asset tag, serial number, district id) as it is stored: trimmed and upper case. */
    static String key(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }

    private void clearSession() {
        em.flush();
        em.clear();
    }
}
