package org.district.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a service's list; {@code nextCursor} asks for the next, and is absent on the last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int limit, String nextCursor) {

    public boolean hasNext() {
        return nextCursor != null;
    }
}
