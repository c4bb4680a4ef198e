package org.district.support.domain;

/**
 * The caller is known but may not do this to this record (an object-level rule, beyond the roles an endpoint admits).
 * Where the caller must not even learn that the record exists, throw {@link NotFoundException} instead.
 */
public final class NotPermittedException extends DomainException {

    public NotPermittedException(String detail) {
        super("forbidden", detail);
    }
}
