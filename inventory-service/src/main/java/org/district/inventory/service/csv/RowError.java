package org.district.inventory.service.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.district.support.domain.FieldViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rejected row.
 *
 * @param line the line of the CSV file the row starts on (the header is line 1)
 * @param index the position in a JSON array (0-based)
 * @param key the row's key (asset tag or district id) when it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "ImportRowError",
        description = "A rejected row: where it is (line for CSV, index for JSON), its key, and what is wrong with it.",
        example = "{\"line\": 7, \"key\": \"LHS-0042\", \"errors\": [{\"field\": \"serialNumber\","
                + " \"message\": \"is already used by another device.\"}]}")
public record RowError(
        @Schema(description = "The CSV line the row starts on (the header is line 1); CSV imports only", example = "7")
                Long line,
        @Schema(description = "The entry's position in the JSON array (0-based); bulk syncs only", example = "5")
                Integer index,
        @Schema(description = "The row's key (asset tag or district id) when it has one", example = "LHS-0042")
                String key,
        @Schema(description = "Each field that is wrong, with the reason", required = true)
                List<FieldViolation> errors) {}
