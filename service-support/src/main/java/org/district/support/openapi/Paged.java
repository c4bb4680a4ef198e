package org.district.support.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that answers one page of a list ({@code PageView}): its 200 answer is declared as an array of the
 * items, and the API document names it as a page of them ({@link #name()}: {@code items}, {@code limit},
 * {@code nextCursor}), written once by {@link ApiContract} for every list of every service.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paged {

    /** The page's name in the document, e.g. {@code DevicePage}. */
    String name();

    /** What one page holds, in which order. */
    String description();

    /** A cursor such as the list gives, for the document's example. */
    String cursorExample();
}
