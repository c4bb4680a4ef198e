package org.district.support.domain;

/** The thing a request names does not exist, or the caller may not learn that it does. */
public final class NotFoundException extends DomainException {

    private final String title;
    private final String what;
    private final String id;
    private final FieldViolation violation;

    public NotFoundException(String what, String id) {
        this("not-found", "Not found", what, id, "No " + what + " with id '" + id + "' was found.", null);
    }

    private NotFoundException(
            String code, String title, String what, String id, String detail, FieldViolation violation) {
        super(code, detail);
        this.title = title;
        this.what = what;
        this.id = id;
        this.violation = violation;
    }

    /**
     * Nothing the request named in a field of its body was found (or the caller may not learn that it exists):
     * {@code detail} says what was looked for, {@code violation} names the field.
     */
    public static NotFoundException named(String what, String id, String detail, FieldViolation violation) {
        return new NotFoundException("not-found", "Not found", what, id, detail, violation);
    }

    /**
     * A not-found of its own kind ({@code code}, summed up by {@code title}), for clients that must tell it from
     * others: a device checking in that the district never registered.
     */
    public static NotFoundException ofKind(String code, String title, String what, String id, String detail) {
        return new NotFoundException(code, title, what, id, detail, null);
    }

    /** A short summary of the kind of not-found. */
    public String title() {
        return title;
    }

    /** What kind of thing was asked for, for example {@code device}. */
    public String what() {
        return what;
    }

    public String id() {
        return id;
    }

    /** The request field that named what was not found, or null when it was named in the path. */
    public FieldViolation violation() {
        return violation;
    }
}
