-- A CSV file uploaded for import, kept between its dry run and the person's "save" so that what is saved is exactly
-- the file that was checked, on whichever replica the second request lands. It belongs to the person who uploaded it,
-- is deleted when it is applied, and is gone an hour after upload (people files hold personal data).
create table pending_import (
    id uuid primary key,
    owner text not null,
    kind text not null check (kind in ('devices', 'people')),
    file_name text not null,
    content bytea not null,
    created_at timestamptz not null default now()
);

create index pending_import_created_at on pending_import (created_at);
