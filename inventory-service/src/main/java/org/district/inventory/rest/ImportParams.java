package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.district.inventory.service.csv.ImportMode;
import org.district.inventory.service.csv.ImportReport;
import org.district.inventory.service.csv.StrictTextReader;
import org.district.support.domain.InvalidException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What an import request says besides its rows: whether to save nothing unless every row is valid ({@code atomic}),
 * whether only to check ({@code dryRun}), and, for an uploaded file, the charset it declares.
 */
public class ImportParams {

    @QueryParam("atomic")
    @Parameter(
            description = "true: save nothing unless every row is valid (also 1/yes); false by default",
            example = "false",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String atomic;

    @QueryParam("dryRun")
    @Parameter(
            description = "true: only check every row and report what would happen, saving nothing (also 1/yes);"
                    + " false by default",
            example = "false",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String dryRun;

    @Context
    HttpHeaders headers;

    /** An import of an uploaded CSV file, read as text, in the mode the caller asked for. */
    @FunctionalInterface
    interface CsvImport {
        ImportReport run(Reader file, ImportMode mode) throws IOException;
    }

    /** How the import treats rejected rows. */
    ImportMode mode() {
        return new ImportMode(Requests.flag("atomic", atomic), Requests.flag("dryRun", dryRun));
    }

    /** Runs {@code csvImport} on the uploaded body, read strictly in its declared charset (UTF-8 by default). */
    ImportReport importCsv(InputStream body, CsvImport csvImport) throws IOException {
        ImportMode mode = mode();
        try (Reader file = text(body, headers.getMediaType())) {
            return csvImport.run(file, mode);
        }
    }

    private static Reader text(InputStream body, MediaType type) {
        Charset charset = StandardCharsets.UTF_8;
        String declared = type == null ? null : type.getParameters().get("charset");
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw InvalidException.of("Content-Type", "names an unknown charset '" + declared + "'.");
            }
        }
        return new BufferedReader(new StrictTextReader(body, charset), 64 * 1024);
    }
}
