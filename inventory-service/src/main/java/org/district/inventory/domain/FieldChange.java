package org.district.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field's value before and after a change, as text. */
@Schema(description = "One field's value before and after a change, as text (null when it had none).")
public record FieldChange(
        @Schema(description = "The field", example = "status", required = true) String field,
        @Schema(description = "Its value before", example = "IN_STOCK", nullable = true, required = true) String from,
        @Schema(description = "Its value after", example = "ASSIGNED", nullable = true, required = true) String to) {

    /** The fields whose values differ between two snapshots taken with the same keys. */
    public static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        Map<String, Object> keys = new LinkedHashMap<>(before);
        after.forEach(keys::putIfAbsent);
        for (String field : keys.keySet()) {
            String from = text(before.get(field));
            String to = text(after.get(field));
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
