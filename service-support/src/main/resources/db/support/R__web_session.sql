-- Browser sessions of the web pages (OpenID Connect code flow). The browser's session cookie holds only a random key;
-- the session's tokens live here, encrypted as they would be in a cookie, under the SHA-256 of that key. Signing out
-- deletes the row, so a copy of the cookie taken before is worth nothing afterwards. Every replica reads the same rows.
--
-- A repeatable migration: it runs after every service's versioned ones, whatever their numbers, so adding it changes
-- no service's migration order. Each statement may run again.
create table if not exists web_session (
    key_sha256 text primary key,
    tenant text not null,
    token_state text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);

create index if not exists web_session_expires_at on web_session (expires_at);
