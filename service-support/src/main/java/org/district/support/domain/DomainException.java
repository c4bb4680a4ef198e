package org.district.support.domain;

/**
 * A rule of the district's domain refused what was asked. Services and domain rules throw its subclasses in the
 * district's words; the web edge turns them into problem details in one place ({@code ProblemMappers}), and consumers
 * and writers classify them through {@link Failures} instead of reading HTTP statuses.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException,
                ConflictException,
                InvalidException,
                StaleVersionException,
                NotPermittedException,
                UnavailableException,
                UnprocessableException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short, stable name of the kind of refusal (for example {@code illegal-transition}), for clients to switch on. */
    public String code() {
        return code;
    }
}
