package org.district.inventory.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.district.support.domain.InvalidException;

/**
 * The order a device search lists in: by one column, ascending or descending, with the asset tag breaking ties (it is
 * unique), so that a keyset page continues exactly where the last one ended. Written {@code status} or
 * {@code -status} (descending) in the API.
 */
public record DeviceOrder(Key key, boolean descending) {

    /** Asset tag, ascending: the order when none is asked for. */
    public static final DeviceOrder DEFAULT = new DeviceOrder(Key.ASSET_TAG, false);

    /** What a search can be ordered by: each key is served by an index that ends in the asset tag. */
    public enum Key {
        ASSET_TAG("assetTag", List.of()),
        DEVICE("device", List.of("make", "model")),
        TYPE("type", List.of("type")),
        STATUS("status", List.of("status")),
        SCHOOL("school", List.of("school")),
        /** The holder's family name, then given name (a sort key the database keeps on each device; none first). */
        HOLDER("holder", List.of("holder_order"));

        private final String name;
        private final List<String> columns;

        Key(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        /** The name the API knows it by. */
        public String apiName() {
            return name;
        }

        /** The device table's columns it orders by before the asset tag. */
        public List<String> columns() {
            return columns;
        }
    }

    /** The order a {@code sort} parameter names; absent or blank is {@link #DEFAULT}. */
    public static DeviceOrder parse(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String value = raw.trim();
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (Key key : Key.values()) {
            if (key.name.equalsIgnoreCase(name)) {
                return new DeviceOrder(key, descending);
            }
        }
        throw InvalidException.of(
                parameter,
                "must be one of "
                        + Arrays.stream(Key.values()).map(Key::apiName).collect(Collectors.joining(", "))
                        + ", each with a leading - for descending order.");
    }

    /** How the API writes it: {@code model} or {@code -model}. */
    public String apiName() {
        return (descending ? "-" : "") + key.name;
    }
}
