package org.district.inventory.service.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.district.support.domain.FieldViolation;

/**
 * A rejected row.
 *
 * @param line the line of the CSV file the row starts on (the header is line 1)
 * @param index the position in a JSON array (0-based)
 * @param key the row's key (asset tag or district id) when it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(Long line, Integer index, String key, List<FieldViolation> errors) {}
