package org.district.support.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose successful answer carries the record's version as its {@code ETag}, for a later {@code
 * If-Match}. {@link ApiContract} writes that header on each of its 2xx answers; where the operation takes {@code
 * If-Match}, it also describes that header and adds the 412 a stale one is refused with (unless the operation says
 * either itself).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Versioned {}
