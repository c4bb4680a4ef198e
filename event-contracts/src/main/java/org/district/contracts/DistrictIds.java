package org.district.contracts;

import java.util.Locale;

/**
 * A person's district id in its one written form. HR systems, the identity provider and people typing it spell the same
 * id in different cases ({@code e1001}, {@code E1001}); every service stores, sends and compares the canonical form:
 * trimmed and upper case (in the root locale, so no language's case rules change a letter).
 */
public final class DistrictIds {

    private DistrictIds() {}

    /** The canonical form of the id; null stays null. */
    public static String canonical(String districtId) {
        return districtId == null ? null : districtId.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the two name the same person (both null counts as no). */
    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }
}
