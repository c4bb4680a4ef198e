package org.district.support.paging;

import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.district.support.web.ParamCheck;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list is asked for, as a resource method's {@code @BeanParam}: {@code limit}, from 1 to 200 (50 when absent), and the {@code cursor} that the page
 * before gave as {@code nextCursor} (none for the first page).
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "How many items the page holds", example = "50")
    @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")
    String limit;

    @QueryParam("cursor")
    @Parameter(
            description = "Where the page starts: the nextCursor of the page before (absent for the first page)",
            example = "TEhTLTAwNDI")
    @Schema(maxLength = 200, pattern = "^[A-Za-z0-9_-]+$")
    String cursor;

    /**
     * The page size. A limit out of range and a cursor that is no cursor at all are refused together (400 naming
     * both).
     */
    public int size() {
        return size(new ParamCheck());
    }

    /**
     * The page size, once the list's own parameters read into {@code check} (its filters, its order) and this page's
     * limit and cursor are all good: otherwise one 400 names every bad parameter of the request, not only the first
     * one read. A cursor is only checked to be one here; its parts are read when the list starts after it.
     */
    public int size(ParamCheck check) {
        Integer size = check.get(() -> Cursors.limit(limit));
        check.get(() -> Cursors.decode(cursor, 1));
        check.done();
        return size;
    }

    /** The cursor as sent (null for the first page), for a service that reads the position itself. */
    public String cursor() {
        return cursor;
    }

    /** The position after which the page starts, in {@code parts} parts; null for the first page. */
    public Cursors.Position after(int parts) {
        return Cursors.decode(cursor, parts);
    }

    /** The position of a list ordered by id; null for the first page. */
    public UUID afterId() {
        return Cursors.id(cursor);
    }

    /** The position of a list ordered by one text key (an asset tag, a district id); null for the first page. */
    public String afterText() {
        return Cursors.text(cursor);
    }

    /** The position of a list ordered by one number; null for the first page. */
    public Long afterNumber() {
        return Cursors.number(cursor);
    }
}
