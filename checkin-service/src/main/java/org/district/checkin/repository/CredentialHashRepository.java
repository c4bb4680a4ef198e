package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored hash of a device's credential, as the security layer reads it before a request has an identity: one
 * primary-key read on a pooled connection in autocommit, with no transaction or persistence context to set up, since
 * it runs for every check-in whose hash this replica does not keep.
 */
@ApplicationScoped
public class CredentialHashRepository {

    private static final String HASH =
            "select credential_sha256 from device where id = ? and credential_sha256 is not null";

    @Inject
    AgroalDataSource dataSource;

    /** The SHA-256 of the device's credential secret; empty when the device is unknown or has no credential. */
    public Optional<byte[]> of(UUID device) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(HASH)) {
            ps.setObject(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            // Classified by its SQL state where the failure is answered (service-support's Failures): an outage is 503.
            throw new IllegalStateException("Could not read a device credential", e);
        }
    }
}
