package org.district.support.domain;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Names what went wrong in the district's terms, whatever layer it was thrown in: a domain refusal passes through; a
 * database's refusal (a unique or check constraint, contention, an outage) and a lost optimistic lock become the
 * domain exception they mean. The web edge, the event consumers and the check-in writer all classify failures here,
 * so "retry" and "give up" mean the same everywhere.
 */
public final class Failures {

    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\(([^)]+)\\)=");

    private Failures() {}

    /** The domain exception {@code e} is or wraps or stands for; null when it is none of these (a bug, most likely). */
    public static DomainException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ConflictException.concurrentChange();
            }
            if (t instanceof SQLException sql) {
                DomainException fromSql = fromSqlState(sql);
                if (fromSql != null) {
                    return fromSql;
                }
            }
            if (t instanceof JDBCConnectionException) {
                return UnavailableException.databaseUnreachable();
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return UnavailableException.contention();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether the same work may succeed later: the database is unreachable, contended or the service busy. */
    public static boolean isTransient(Throwable e) {
        return classify(e) instanceof UnavailableException;
    }

    /** Whether the same work is likely to succeed if tried again at once (contention, not an outage). */
    public static boolean isRetryNow(Throwable e) {
        return classify(e) instanceof UnavailableException unavailable && unavailable.retryNow();
    }

    static DomainException fromSqlState(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state == null) {
            if (message.contains("acquisition timeout") || message.contains("Connection refused")) {
                return UnavailableException.databaseUnreachable();
            }
            return null;
        }
        if (state.equals("23505")) {
            List<String> fields = keyFields(message);
            if (fields.isEmpty()) {
                return ConflictException.of("duplicate", "A record with the same unique value already exists.");
            }
            return ConflictException.duplicate(
                    String.join(",", fields), "Another record already has this " + String.join(" and ", fields) + ".");
        }
        if (state.equals("23503")) {
            return ConflictException.of(
                    "reference-missing-or-in-use", "The request refers to a record that does not exist or is in use.");
        }
        if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
            return new InvalidException("A value is out of the accepted range or too long.", List.of());
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return UnavailableException.contention();
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return UnavailableException.databaseUnreachable();
        }
        return null;
    }

    private static List<String> keyFields(String message) {
        Matcher m = KEY_DETAIL.matcher(message);
        if (!m.find()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split(","))
                .map(String::trim)
                .map(Failures::camelCase)
                .collect(Collectors.toList());
    }

    static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
