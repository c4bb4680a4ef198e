package org.district.lossreport.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemException;

/**
 * Idempotency-Key handling for report submissions. Keys belong to the caller (token subject). The key row is written in
 * the transaction that creates the report, and a transaction-scoped lock on (caller, key) makes a concurrent retry wait
 * for the first attempt and then find its answer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {

    /** The HTTP header. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** The first answer given for a key. */
    public record Stored(String requestHash, UUID reportId, int status, String body) {}

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** The key as sent, checked; null when absent. */
    public static String checkKey(String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.trim();
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(
                    HEADER, "must be 1 to 128 visible ASCII characters, for example a UUID.");
        }
        return key;
    }

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

    /** The same key with a different body: the client reused a key for a new request. */
    public static ProblemException reused() {
        return new ProblemException(
                422,
                "idempotency-key-reused",
                "Idempotency-Key already used",
                "This Idempotency-Key was already used for a different report. Send a new key with a new report.",
                List.of(new FieldViolation(HEADER, "was used before with a different request body.")),
                null);
    }

    /** A hash of the request's canonical form (parsed and normalized, so spacing and field order do not matter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String hash(Object request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    /** Forgets keys older than the cutoff. */
    public int forgetBefore(Instant cutoff) {
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
