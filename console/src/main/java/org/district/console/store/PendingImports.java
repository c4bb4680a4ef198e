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
import org.jboss.logging.Logger;

/**
 * CSV files waiting between their dry run and their import, in the console's database so that every replica finds
 * them. Each belongs to the person who uploaded it (no one else can check or apply it) and lives an hour at most.
 */
@ApplicationScoped
public class PendingImports {

    private static final Logger LOG = Logger.getLogger(PendingImports.class);

    /** How long an uploaded file waits for its "save". */
    public static final Duration LIFETIME = Duration.ofHours(1);

    /** An uploaded file. */
    public record PendingImport(UUID id, String kind, String fileName, byte[] content) {}

    @Inject
    AgroalDataSource dataSource;

    public UUID save(String owner, String kind, String fileName, byte[] content) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into pending_import (id, owner, kind, file_name, content) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, owner);
            insert.setString(3, kind);
            insert.setString(4, fileName);
            insert.setBytes(5, content);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the uploaded file", e);
        }
    }

    /** The owner's file of this kind, if it is still waiting. */
    public Optional<PendingImport> find(UUID id, String owner, String kind) {
        return query(
                "select id, kind, file_name, content from pending_import where id = ? and owner = ? and kind = ?"
                        + " and created_at > now() - make_interval(secs => ?)",
                id,
                owner,
                kind);
    }

    /**
     * Takes the owner's file out of waiting, so that two clicks on "save" import it once; {@link #putBack} returns it
     * when the import could not be done.
     */
    public Optional<PendingImport> take(UUID id, String owner, String kind) {
        return query(
                "delete from pending_import where id = ? and owner = ? and kind = ?"
                        + " and created_at > now() - make_interval(secs => ?) returning id, kind, file_name, content",
                id,
                owner,
                kind);
    }

    public void putBack(String owner, PendingImport file) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into pending_import (id, owner, kind, file_name,"
                        + " content) values (?, ?, ?, ?, ?) on conflict (id) do nothing")) {
            insert.setObject(1, file.id());
            insert.setString(2, owner);
            insert.setString(3, file.kind());
            insert.setString(4, file.fileName());
            insert.setBytes(5, file.content());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the uploaded file", e);
        }
    }

    /** Files nobody saved are deleted once their hour is over (any replica may run this; each row goes once). */
    @Scheduled(every = "10m", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int gone = Expiry.deleteOlderThan(dataSource, "pending_import", LIFETIME);
        if (gone > 0) {
            LOG.infof("Deleted %d uploaded files that were never imported", gone);
        }
    }

    private Optional<PendingImport> query(String sql, UUID id, String owner, String kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            q.setString(2, owner);
            q.setString(3, kind);
            q.setDouble(4, LIFETIME.toSeconds());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingImport(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the uploaded file", e);
        }
    }
}
