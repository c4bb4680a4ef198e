package org.district.contracts;

/**
 * Kafka record header names. Every event carries them; the JSON payload repeats the same facts so a
 * consumer that ignores headers loses nothing.
 */
public final class EventHeaders {

    /** UUID of the event; consumers deduplicate on it. */
    public static final String EVENT_ID = "event-id";
    /** The payload's type, for example {@code DeviceSnapshot} or {@code LossReported}. */
    public static final String EVENT_TYPE = "event-type";
    /** Schema version of the payload's {@code data} (an integer, as text). */
    public static final String SCHEMA_VERSION = "schema-version";
    /** ISO-8601 instant at which the change happened. */
    public static final String OCCURRED_AT = "occurred-at";
    /** Correlation id of the request that caused the event, for tracing across services. */
    public static final String CORRELATION_ID = "correlation-id";
    /** Aggregate type, for example {@code Device}. */
    public static final String AGGREGATE_TYPE = "aggregate-type";

    private EventHeaders() {}
}
