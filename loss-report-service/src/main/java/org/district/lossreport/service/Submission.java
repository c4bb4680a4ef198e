package org.district.lossreport.service;

import java.util.UUID;

/**
 * The answer to a report submission.
 *
 * @param body the JSON body of the 201 answer, stored with the Idempotency-Key so a retry gets it byte for byte
 * @param replayed true when this is the stored answer to an earlier submission with the same key
 */
public record Submission(UUID reportId, String reportNumber, String body, boolean replayed) {}
