package org.district.support.domain;

import java.util.List;

/**
 * The request conflicts with the current state of what it changes: an illegal lifecycle move (naming the moves that
 * are allowed), a duplicate unique value (naming the field), a task already closed.
 */
public final class ConflictException extends DomainException {

    private final List<FieldViolation> violations;
    private final List<String> allowed;

    private ConflictException(String code, String detail, List<FieldViolation> violations, List<String> allowed) {
        super(code, detail);
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** A conflict described by its detail alone. */
    public static ConflictException of(String code, String detail) {
        return new ConflictException(code, detail, null, null);
    }

    /** A conflict caused by one field's value, for example an asset tag another device already has. */
    public static ConflictException onField(String code, String field, String detail) {
        return new ConflictException(code, detail, List.of(new FieldViolation(field, detail)), null);
    }

    /** Another record already holds the value of these fields (comma-separated when several). */
    public static ConflictException duplicate(String fields, String detail) {
        return new ConflictException("duplicate", detail, List.of(new FieldViolation(fields, "must be unique")), null);
    }

    /** Other records already hold the values of several fields; each violation names one field and why. */
    public static ConflictException duplicate(List<FieldViolation> violations, String detail) {
        return new ConflictException("duplicate", detail, violations, null);
    }

    /** A move that the current state does not allow; {@code allowed} names the moves it does allow. */
    public static ConflictException illegalMove(String code, String detail, List<String> allowed) {
        return new ConflictException(code, detail, null, allowed);
    }

    /** Two requests changed the same record at the same time; reloading and trying again resolves it. */
    public static ConflictException concurrentChange() {
        return of("concurrent-change", "Someone else changed this record at the same time. Reload it and try again.");
    }

    /** The fields whose values conflict, each with why; empty when the conflict is not about a field. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /** The moves allowed from the current state, when the conflict is an illegal move; empty otherwise. */
    public List<String> allowed() {
        return allowed;
    }
}
