package org.district.lossreport.domain;

/** Where the delivery of one notification stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt. */
    PENDING,
    /** An attempt failed; another is scheduled. */
    RETRYING,
    /** Accepted by the SMTP server or the webhook. */
    SENT,
    /** Every attempt failed; a dead-letter record was published. */
    FAILED
}
