package org.district.support.domain;

import java.util.List;

/** What was sent breaks the district's rules; every field that does is named, each with its reason. */
public final class InvalidException extends DomainException {

    /** The most fields one answer names; a body with more wrong is told so, with the first of them listed. */
    public static final int LISTED_AT_MOST = 100;

    private final List<FieldViolation> violations;

    public InvalidException(List<FieldViolation> violations) {
        this(summary(violations), violations);
    }

    /** Invalid for the reason {@code detail} gives, naming {@code violations} (possibly none). */
    public InvalidException(String detail, List<FieldViolation> violations) {
        super("validation-failed", detail);
        this.violations = List.copyOf(violations);
    }

    /** One field is wrong. */
    public static InvalidException of(String field, String message) {
        return new InvalidException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            return "The request is not valid.";
        }
        if (violations.size() > LISTED_AT_MOST) {
            return "More than " + LISTED_AT_MOST + " fields are not valid; errors lists the first " + LISTED_AT_MOST
                    + ".";
        }
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are not valid; see errors.";
    }
}
