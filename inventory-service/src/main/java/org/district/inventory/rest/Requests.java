package org.district.inventory.rest;

import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.district.inventory.service.imports.ImportMode;
import org.district.inventory.service.imports.StrictTextReader;
import org.district.support.problem.ProblemException;

/** Small parsing helpers shared by the resources: If-Match versions, import flags, uploaded text. */
final class Requests {

    private Requests() {}

    /** The version an If-Match header names ({@code "v3"}), or null when absent or {@code *}. */
    static Long ifMatchVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (value.startsWith("v")) {
            value = value.substring(1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be an ETag this service issued, such as \"v3\".");
        }
    }

    /** The ETag value (unquoted; the response builder quotes it) of a record version. */
    static String etag(long version) {
        return "v" + version;
    }

    static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false.");
        };
    }

    static ImportMode importMode(String atomic, String dryRun) {
        return new ImportMode(flag("atomic", atomic), flag("dryRun", dryRun));
    }

    /** A strict reader of an uploaded text body in its declared charset (UTF-8 by default). */
    static Reader text(InputStream body, MediaType type) {
        Charset charset = StandardCharsets.UTF_8;
        String declared = type == null ? null : type.getParameters().get("charset");
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw ProblemException.invalidField("Content-Type", "names an unknown charset '" + declared + "'.");
            }
        }
        return new BufferedReader(new StrictTextReader(body, charset), 64 * 1024);
    }
}
