package org.district.checkin.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.support.sql.NativeValues;

/** One-time enrolment codes, kept by their hash. */
@ApplicationScoped
public class EnrolmentCodeRepository {

    /** A stored code as found: whose device, until when, and whether it was used. */
    public record Stored(UUID deviceId, Instant expiresAt, Instant usedAt, String createdBy) {}

    @Inject
    EntityManager em;

    /** Stores a new code for the device; the device's earlier codes not yet used stop working. */
    public void replace(UUID deviceId, byte[] sha256, Instant now, String createdBy, Instant expiresAt) {
        em.createNativeQuery("delete from enrolment_code where device_id = ?1 and used_at is null")
                .setParameter(1, deviceId)
                .executeUpdate();
        em.createNativeQuery("insert into enrolment_code (code_sha256, device_id, created_at, created_by, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, sha256)
                .setParameter(2, deviceId)
                .setParameter(3, now)
                .setParameter(4, createdBy)
                .setParameter(5, expiresAt)
                .executeUpdate();
    }

    /** The code with this hash, locked until the transaction ends (two agents with one code: one wins). */
    public Optional<Stored> lock(byte[] sha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select device_id, expires_at, used_at, created_by from enrolment_code"
                                + " where code_sha256 = ?1 for update")
                .setParameter(1, sha256)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Stored(
                        NativeValues.uuid(r[0]), NativeValues.instant(r[1]), NativeValues.instant(r[2]), (String)
                                r[3]));
    }

    /** Marks the code used. */
    public void markUsed(byte[] sha256, Instant now) {
        em.createNativeQuery("update enrolment_code set used_at = ?1 where code_sha256 = ?2")
                .setParameter(1, now)
                .setParameter(2, sha256)
                .executeUpdate();
    }

    /** Deletes codes that expired before {@code before}; how many. */
    public int purgeExpired(Instant before) {
        return em.createNativeQuery("delete from enrolment_code where expires_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
