package org.district.support.domain;

/** The thing a request names does not exist, or the caller may not learn that it does. */
public final class NotFoundException extends DomainException {

    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super("not-found", "No " + what + " with id '" + id + "' was found.");
        this.what = what;
        this.id = id;
    }

    /** What kind of thing was asked for, for example {@code device}. */
    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
