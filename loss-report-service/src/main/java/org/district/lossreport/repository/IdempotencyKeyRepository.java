package org.district.lossreport.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Idempotency-Keys of report submissions: per caller and key, the request's hash and the first answer. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** The first answer given for a key. */
    public record Stored(String requestHash, UUID reportId, int status, String body) {}

    @Inject
    EntityManager em;

    /** Waits for any other transaction using the same key, then returns its stored answer if there is one. */
    @SuppressWarnings("unchecked")
    public Optional<Stored> lockAndFind(String subject, String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(2, hashtext(?1))) as locked")
                .setParameter(1, subject + "\n" + key)
                .getSingleResult();
        List<Object[]> rows = em.createNativeQuery("select request_hash, report_id, response_status, response_body"
                        + " from idempotency_key where subject = ?1 and idempotency_key = ?2")
                .setParameter(1, subject)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        UUID reportId = r[1] instanceof UUID u ? u : UUID.fromString(r[1].toString());
        return Optional.of(new Stored((String) r[0], reportId, ((Number) r[2]).intValue(), (String) r[3]));
    }

    public void store(String subject, String key, String requestHash, UUID reportId, int status, String body) {
        em.createNativeQuery("insert into idempotency_key (subject, idempotency_key, request_hash, report_id,"
                        + " response_status, response_body, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, subject)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, reportId)
                .setParameter(5, status)
                .setParameter(6, body)
                .setParameter(7, Instant.now())
                .executeUpdate();
    }

    /** Forgets keys older than the cutoff. */
    public int forgetBefore(Instant cutoff) {
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
