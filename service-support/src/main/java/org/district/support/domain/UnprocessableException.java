package org.district.support.domain;

/**
 * The request is well-formed and valid on its own, but contradicts an earlier request in a way that no retry of it
 * can fix: an idempotency key reused for a different request. Names the field that carries the contradiction.
 */
public final class UnprocessableException extends DomainException {

    private final String title;
    private final FieldViolation violation;

    public UnprocessableException(String code, String title, String detail, FieldViolation violation) {
        super(code, detail);
        this.title = title;
        this.violation = violation;
    }

    /** A short summary of the kind of contradiction. */
    public String title() {
        return title;
    }

    public FieldViolation violation() {
        return violation;
    }
}
