package org.district.support.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource's path parameter {@code {id}} is, said once for all its operations: the API document gives every
 * {@code {id}} of the resource this description and example, as a UUID ({@link ApiContract}). An operation whose
 * {@code @Parameter} says otherwise keeps its own words.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PathId {

    /** What the id names, e.g. "The device's id". */
    String value();

    /** An id, for the document's example. */
    String example();
}
