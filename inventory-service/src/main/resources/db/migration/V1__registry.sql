-- inventory-service: people, devices, assignments and history.
create extension if not exists pg_trgm;

create table person (
    id                  uuid primary key,
    district_id         text        not null,
    given_name          text        not null,
    family_name         text        not null,
    email               text,
    kind                text        not null check (kind in ('EMPLOYEE', 'STUDENT')),
    school              text        not null,
    supervisor_id       uuid references person (id),
    active              boolean     not null default true,
    departed_on         date,
    aup_acknowledged_on date,
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint person_district_id_key unique (district_id),
    constraint person_not_own_supervisor check (supervisor_id is null or supervisor_id <> id)
);
create index person_supervisor_idx on person (supervisor_id);
create index person_school_idx on person (school, district_id);
create index person_search_idx on person using gin ((district_id || ' ' || given_name || ' ' || family_name || ' ' || coalesce(email, '')) gin_trgm_ops);

create table device (
    id               uuid primary key,
    asset_tag        text        not null,
    serial_number    text        not null,
    type             text        not null check (type in ('LAPTOP', 'CHROMEBOOK', 'DESKTOP', 'TABLET', 'MESSAGING_DEVICE', 'SMARTPHONE', 'OTHER')),
    make             text        not null,
    model            text        not null,
    school           text        not null,
    ownership        text        not null check (ownership in ('DISTRICT', 'PERSONAL')),
    status           text        not null check (status in ('IN_STOCK', 'ASSIGNED', 'LOST', 'STOLEN', 'RECOVERED', 'QUARANTINED', 'IN_REPAIR', 'RETIRED', 'WRITTEN_OFF')),
    sensitive_data   boolean     not null default false,
    assignee_id      uuid references person (id),
    assigned_at      timestamptz,
    acquisition_type text check (acquisition_type in ('PURCHASED', 'DONATED')),
    vendor           text,
    purchase_order   text,
    cost             numeric(12, 2) check (cost >= 0),
    acquired_on      date,
    donor            text,
    warranty_end     date,
    cost_owed        numeric(12, 2) check (cost_owed >= 0),
    notes            text,
    version          bigint      not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint device_asset_tag_key unique (asset_tag),
    constraint device_serial_number_key unique (serial_number),
    -- District devices record how they were acquired; personal devices never carry district acquisition data.
    constraint device_acquisition_recorded check (
        (ownership = 'DISTRICT' and acquisition_type is not null and acquired_on is not null)
        or (ownership = 'PERSONAL' and acquisition_type is null)),
    constraint device_assignee_when_assigned check (status <> 'ASSIGNED' or assignee_id is not null)
);
-- Search filters, each with the stable order (asset tag) so a page is an index range.
create index device_school_tag_idx on device (school, asset_tag);
create index device_status_tag_idx on device (status, asset_tag);
create index device_type_tag_idx on device (type, asset_tag);
create index device_assignee_idx on device (assignee_id) where assignee_id is not null;
create index device_text_idx on device using gin ((asset_tag || ' ' || serial_number || ' ' || make || ' ' || model) gin_trgm_ops);

create table assignment (
    id          uuid primary key,
    device_id   uuid        not null references device (id),
    person_id   uuid        not null references person (id),
    assigned_at timestamptz not null,
    assigned_by text        not null,
    ended_at    timestamptz,
    ended_by    text,
    end_reason  text
);
create unique index assignment_one_open_per_device on assignment (device_id) where ended_at is null;
create index assignment_person_idx on assignment (person_id);

create table device_history (
    id              bigserial primary key,
    device_id       uuid        not null references device (id),
    occurred_at     timestamptz not null,
    actor           text        not null,
    action          text        not null,
    from_status     text,
    to_status       text,
    changes         jsonb       not null default '[]',
    reason          text,
    source_event_id uuid
);
create index device_history_device_idx on device_history (device_id, id);

create table person_history (
    id          bigserial primary key,
    person_id   uuid        not null references person (id),
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    changes     jsonb       not null default '[]'
);
create index person_history_person_idx on person_history (person_id, id);
