package org.district.console.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The text people type to find people (a name, a district id, an email), kept in the console's database so that a
 * page's address names the search by a random id instead of repeating the text: addresses are kept in browser history
 * and bookmarks and written to proxies' access logs. Every replica finds a search; only the person who made it can
 * use its id, and it lives {@link #LIFETIME} at most.
 */
@ApplicationScoped
public class SavedSearches {

    /** How long a search can be paged through and returned to: a working day. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    @Inject
    AgroalDataSource dataSource;

    /** The longest search text kept: what the search fields accept. */
    public static final int MAX_LENGTH = 100;

    /**
     * Keeps the owner's search text of one page ("people", "devices"), at most {@link #MAX_LENGTH} characters; its id
     * goes into the page's address. The same search made again keeps its id and lives on from now.
     */
    public UUID save(String owner, String page, String terms) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into saved_search (id, owner, page, terms)"
                        + " values (?, ?, ?, ?) on conflict (owner, page, terms) do update set created_at = now()"
                        + " returning id")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, owner);
            insert.setString(3, page);
            insert.setString(
                    4,
                    terms.codePointCount(0, terms.length()) > MAX_LENGTH
                            ? terms.substring(0, terms.offsetByCodePoints(0, MAX_LENGTH))
                            : terms);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the search", e);
        }
    }

    /** The owner's search text of the page; empty when the id is another's, another page's, unknown or expired. */
    public Optional<String> find(UUID id, String owner, String page) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select terms from saved_search where id = ? and owner = ?"
                        + " and page = ? and created_at > now() - make_interval(secs => ?)")) {
            q.setObject(1, id);
            q.setString(2, owner);
            q.setString(3, page);
            q.setDouble(4, LIFETIME.toSeconds());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the search", e);
        }
    }

    /** Searches past their lifetime are deleted (any replica may run this; each row goes once). */
    @Scheduled(every = "30m", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        Expiry.deleteOlderThan(dataSource, "saved_search", LIFETIME);
    }
}
