package org.district.checkin.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API document's names for the pages of this service's lists: each is a {@code PageView} of one kind of item, and
 * is written as one. These classes only describe it; no answer is built from them.
 */
final class Pages {

    private Pages() {}

    static final String LIMIT = "The page size asked for (50 unless limit says otherwise, at most 200)";
    static final String NEXT_CURSOR = "Pass it back as cursor for the next page; absent on the last page";
    static final String CURSOR_EXAMPLE = "MjAyNi0wOS0wN3wzZjljMWU1Mi03YTRiLTRkMmUtOWI2MS0wYzhhNWU3ZDJmMTQ";

    @Schema(name = "NonCompliantDevicePage", description = "One page of non-compliant devices, in device id order")
    static final class NonCompliantDevicePage {
        @Schema(description = "The devices of this page", required = true)
        public List<NonCompliantDeviceView> items;

        @Schema(description = LIMIT, required = true, minimum = "1", maximum = "200", example = "50")
        public int limit;

        @Schema(description = NEXT_CURSOR, example = CURSOR_EXAMPLE)
        public String nextCursor;
    }

    @Schema(name = "OverdueDevicePage", description = "One page of devices overdue for check-in, most overdue first")
    static final class OverdueDevicePage {
        @Schema(description = "The devices of this page", required = true)
        public List<OverdueDeviceView> items;

        @Schema(description = LIMIT, required = true, minimum = "1", maximum = "200", example = "50")
        public int limit;

        @Schema(description = NEXT_CURSOR, example = CURSOR_EXAMPLE)
        public String nextCursor;
    }

    @Schema(name = "CheckInHistoryPage", description = "One page of a device's check-ins, newest first")
    static final class CheckInHistoryPage {
        @Schema(description = "The check-ins of this page", required = true)
        public List<CheckInHistoryView> items;

        @Schema(description = LIMIT, required = true, minimum = "1", maximum = "200", example = "50")
        public int limit;

        @Schema(description = NEXT_CURSOR, example = "MTc4OTM5MzgwMDAwMDAwMA")
        public String nextCursor;
    }

    @Schema(name = "LocationReadPage", description = "One page of recorded location reads, newest first")
    static final class LocationReadPage {
        @Schema(description = "The reads of this page", required = true)
        public List<LocationReadView> items;

        @Schema(description = LIMIT, required = true, minimum = "1", maximum = "200", example = "50")
        public int limit;

        @Schema(description = NEXT_CURSOR, example = "MTI4Nw")
        public String nextCursor;
    }

    @Schema(name = "ReturnTaskPage", description = "One page of return tasks, in due-date order")
    static final class ReturnTaskPage {
        @Schema(description = "The tasks of this page", required = true)
        public List<ReturnTaskView> items;

        @Schema(description = LIMIT, required = true, minimum = "1", maximum = "200", example = "50")
        public int limit;

        @Schema(description = NEXT_CURSOR, example = CURSOR_EXAMPLE)
        public String nextCursor;
    }
}
