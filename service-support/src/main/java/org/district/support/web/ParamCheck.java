package org.district.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;

/**
 * Parses several parameters of one request and refuses them together: the 400 names every bad one, not only the
 * first.
 *
 * <pre>{@code
 * ParamCheck check = new ParamCheck();
 * LocalDate from = check.get(() -> Params.date("from", rawFrom));
 * Kind kind = check.get(() -> Params.enumValue("kind", rawKind, Kind.class));
 * check.done();
 * }</pre>
 */
public final class ParamCheck {

    private final List<FieldViolation> bad = new ArrayList<>();

    /** The parsed value, or null when it is bad (remembered for {@link #done()}). */
    public <T> T get(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidException e) {
            bad.addAll(e.violations());
            return null;
        }
    }

    /** Names a bad parameter found by a rule across parameters. */
    public void reject(String name, String message) {
        bad.add(new FieldViolation(name, message));
    }

    /** Whether no parameter so far was bad. */
    public boolean ok() {
        return bad.isEmpty();
    }

    /** Refuses the request, naming every bad parameter, if there was one. */
    public void done() {
        if (!bad.isEmpty()) {
            throw new InvalidException(bad);
        }
    }
}
