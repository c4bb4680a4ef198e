package org.district.inventory.service.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import or bulk sync did. Rows are independent: each valid row is saved, each invalid row is listed with its
 * line (CSV) or index (JSON) and the reasons, and the rest carry on. With {@code atomic=true} nothing is saved unless
 * every row is valid; with {@code dryRun=true} nothing is saved at all.
 *
 * @param created for a dry run: how many rows would be created (likewise updated and unchanged); for a refused atomic
 *     import: 0
 * @param committed whether the accepted rows are saved (false for a dry run or a refused atomic import)
 * @param stoppedEarly set when the file could not be read to its end (for example it is not valid UTF-8 from some
 *     line on); rows before that point are reported as usual
 * @param errorsTruncated true when more rows were rejected than are listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        long rows,
        long created,
        long updated,
        long unchanged,
        long rejected,
        boolean committed,
        boolean dryRun,
        String stoppedEarly,
        List<RowError> errors,
        boolean errorsTruncated) {}
