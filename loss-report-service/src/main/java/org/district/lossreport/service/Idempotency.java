package org.district.lossreport.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.repository.IdempotencyKeyRepository;
import org.district.lossreport.repository.LossReportRepository;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.UnprocessableException;

/**
 * Idempotency-Key handling for report submissions. Keys belong to the caller (token subject). The key row is written in
 * the transaction that creates the report, with the report as filed, so a retry is answered with exactly the first
 * answer; a transaction-scoped lock on (caller, key) makes a concurrent retry wait for the first attempt and then find
 * it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {

    /** The HTTP header. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int CREATED = 201;

    @Inject
    IdempotencyKeyRepository keys;

    @Inject
    LossReportRepository reports;

    @Inject
    ObjectMapper mapper;

    /** The key as sent, checked; null when absent. */
    public static String checkKey(String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.trim();
        if (!KEY.matcher(key).matches()) {
            throw InvalidException.of(HEADER, "must be 1 to 128 visible ASCII characters, for example a UUID.");
        }
        return key;
    }

    /**
     * Waits for any other transaction using the same key, then returns the report filed with it, as it was filed;
     * empty when the key is new. The same key with another request is refused.
     */
    public Optional<LossReport> filedBefore(String subject, String key, String requestHash) {
        Optional<IdempotencyKeyRepository.Stored> prior = keys.lockAndFind(subject, key);
        if (prior.isEmpty()) {
            return Optional.empty();
        }
        if (!prior.get().requestHash().equals(requestHash)) {
            throw new UnprocessableException(
                    "idempotency-key-reused",
                    "Idempotency-Key already used",
                    "This Idempotency-Key was already used for a different report. Send a new key with a new report.",
                    new FieldViolation(HEADER, "was used before with a different request body."));
        }
        return Optional.of(asFiled(prior.get()));
    }

    /** Remembers the report filed with the key, for the retries of its request. */
    public void remember(String subject, String key, String requestHash, LossReport filed) {
        try {
            keys.store(subject, key, requestHash, filed.id, CREATED, mapper.writeValueAsString(filed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
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
        return keys.forgetBefore(cutoff);
    }

    private LossReport asFiled(IdempotencyKeyRepository.Stored stored) {
        try {
            return mapper.readerFor(LossReport.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(stored.body());
        } catch (JsonProcessingException e) {
            // Keys stored before the report itself was kept hold the answer's JSON instead: answer with the report as
            // it stands, which is the report as filed unless it changed since.
            return reports.findById(stored.reportId());
        }
    }
}
