package org.district.lossreport.service;

import org.district.lossreport.entity.LossReport;

/**
 * The answer to a report submission.
 *
 * @param report the report filed; for a replay, as the first attempt filed it (a retry gets the first answer again)
 * @param replayed true when the request repeats an earlier submission with the same Idempotency-Key
 */
public record Submission(LossReport report, boolean replayed) {}
