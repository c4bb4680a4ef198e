package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list in a stable order. Pass {@code nextCursor} back as {@code cursor} for the next page; it is absent
 * on the last page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView<T>(List<T> items, int limit, String nextCursor) {}
