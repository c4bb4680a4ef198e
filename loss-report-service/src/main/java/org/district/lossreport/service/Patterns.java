package org.district.lossreport.service;

/** Shapes of what people type: asset tags and serial numbers, phone numbers, police case numbers. */
public final class Patterns {

    public static final String REQUIRED = "is required.";
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";
    public static final String CODE_MESSAGE =
            "may contain only letters, digits and . _ / - (starting with a letter or digit)";
    public static final String PHONE = "\\+?[0-9][0-9 ().-]{5,28}";
    public static final String PHONE_MESSAGE =
            "must be a phone number: digits, spaces, ( ) . - and an optional leading +";
    public static final String CASE_NUMBER = "[A-Za-z0-9][A-Za-z0-9 ._/#-]*";
    public static final String CASE_NUMBER_MESSAGE = "may contain only letters, digits, spaces and . _ / # -";

    private Patterns() {}
}
