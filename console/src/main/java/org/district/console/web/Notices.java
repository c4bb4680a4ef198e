package org.district.console.web;

import java.util.regex.Pattern;

/**
 * What a page repeats from its notice ("LR-2026-000042 is filed", "LHS-0042 is marked as received"): only a value of
 * the form the redirect that led there puts in, or nothing. The notice comes from the console's own cookie
 * ({@link Flash}), never from the address; its text is checked all the same, as the page shows it in the district's
 * own voice.
 */
final class Notices {

    /** A loss report's number as loss-report-service makes it: LR-year-sequence. */
    private static final Pattern REPORT_NUMBER = Pattern.compile("LR-[0-9]{4,}-[0-9]{6,}");

    /** An asset tag as inventory-service keeps it: letters, digits and . _ / -, at most 40. */
    private static final Pattern ASSET_TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");

    private Notices() {}

    /** The report number, or none when the value is not one. */
    static String reportNumber(String value) {
        return matching(value, REPORT_NUMBER);
    }

    /** The asset tag, or none when the value is not one. */
    static String assetTag(String value) {
        return matching(value, ASSET_TAG);
    }

    private static String matching(String value, Pattern form) {
        String v = DevicePages.blank(value);
        return v != null && form.matcher(v).matches() ? v : null;
    }
}
