-- Shared by every service (service-support). Services list classpath:db/support in quarkus.flyway.locations.
-- Later changes to these tables go into each service's own migrations, never into a new file here.

-- Transactional outbox: an event row commits with the change that raised it; OutboxRelay publishes it.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    payload      jsonb       not null,
    headers      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

-- The relay reads only unpublished rows, oldest first.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_processed_at on processed_event (processed_at);

-- Events a consumer could not process after retrying; kept for IT to inspect and replay.
create table consumer_dead_letter (
    id           bigserial primary key,
    consumer     text        not null,
    topic        text        not null,
    partition_no int         not null,
    record_offset bigint     not null,
    record_key   text,
    event_id     text,
    payload      text,
    error        text        not null,
    failed_at    timestamptz not null default now()
);
