-- The rate limits' token buckets that every replica of the service shares: one row per (limit, caller), updated by
-- one statement per request, so n replicas give a caller its allowance once, not n times. Unlogged: a bucket is worth
-- nothing after a crash (everyone starts full again), and writing it costs no WAL flush. Rows of buckets that have
-- filled up again are deleted now and then.
--
-- A repeatable migration: it runs after every service's versioned ones, whatever their numbers, so adding it changes
-- no service's migration order. Each statement may run again.
create unlogged table if not exists rate_limit_bucket (
    name       text             not null,
    caller     text             not null,
    tokens     double precision not null,
    allowed    boolean          not null,
    updated_at timestamptz      not null,
    primary key (name, caller)
);

create index if not exists rate_limit_bucket_updated_at on rate_limit_bucket (name, updated_at);
