-- What a person typed to find people (a name, an email), kept here so that the page's address carries only this row's
-- id: addresses end up in browser history, in proxies' access logs and in bookmarks, and search text is often a
-- student's or an employee's name. A search belongs to the person who made it and is gone twelve hours after it was
-- last made; the same person searching the same page for the same text again gets the same row.
create table saved_search (
    id uuid primary key,
    owner text not null,
    page text not null check (page in ('people', 'devices')),
    terms text not null check (length(terms) between 1 and 100),
    created_at timestamptz not null default now()
);

create unique index saved_search_owner_page_terms on saved_search (owner, page, terms);
create index saved_search_created_at on saved_search (created_at);
