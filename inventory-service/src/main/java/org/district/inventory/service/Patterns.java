package org.district.inventory.service;

/** Shapes of identifiers people type in: asset tags, serial numbers, district ids, school codes. */
final class Patterns {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";
    static final String CODE_MESSAGE = "may contain only letters, digits and . _ / - (starting with a letter or digit)";
    static final String SCHOOL = "[A-Za-z0-9][A-Za-z0-9 ._'&-]*";
    static final String SCHOOL_MESSAGE = "may contain only letters, digits, spaces and . _ ' & -";

    private Patterns() {}
}
