package org.district.support.domain;

/**
 * One thing wrong with a request, named by the field (JSON property path, query or path parameter, or CSV column)
 * that carries it.
 */
public record FieldViolation(String field, String message) {}
