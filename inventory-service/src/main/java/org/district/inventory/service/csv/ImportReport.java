package org.district.inventory.service.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(
        description = "What an import or bulk sync did. Each valid row is saved and each invalid one listed with its"
                + " line (CSV) or index (JSON); with atomic=true nothing is saved unless every row is valid; with"
                + " dryRun=true nothing is saved at all.")
public record ImportReport(
        @Schema(
                        description = "Rows (CSV lines after the header, or JSON entries) read",
                        example = "120",
                        required = true)
                long rows,
        @Schema(
                        description = "Rows created (for a dry run: that would be; for a refused atomic import: 0)",
                        example = "15",
                        required = true)
                long created,
        @Schema(
                        description = "Rows that updated an existing record (same rules as created)",
                        example = "100",
                        required = true)
                long updated,
        @Schema(
                        description = "Rows that matched their record exactly (same rules as created)",
                        example = "3",
                        required = true)
                long unchanged,
        @Schema(description = "Rows rejected", example = "2", required = true) long rejected,
        @Schema(
                        description =
                                "Whether the accepted rows are saved (false for a dry run or a refused atomic import)",
                        example = "true",
                        required = true)
                boolean committed,
        @Schema(description = "Whether this was a dry run", example = "false", required = true) boolean dryRun,
        @Schema(
                        description = "Set when the file could not be read to its end (for example it is not valid"
                                + " UTF-8 from some line on): why; rows before that point are reported as usual",
                        example = "line 118: a quoted field is not closed before the end of the file")
                String stoppedEarly,
        @Schema(description = "The rejected rows, at most the configured number", required = true)
                List<RowError> errors,
        @Schema(description = "Whether more rows were rejected than are listed", example = "false", required = true)
                boolean errorsTruncated) {}
