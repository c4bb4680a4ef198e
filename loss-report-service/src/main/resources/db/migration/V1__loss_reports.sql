-- loss-report-service: read models of inventory's devices and people, loss/theft reports, idempotency keys and
-- notifications.

-- What this service knows of inventory's devices, from the device snapshot topic. Only the newest version is kept.
create table device_view (
    id                   uuid primary key,
    version              bigint      not null,
    asset_tag            text        not null,
    serial_number        text        not null,
    type                 text        not null,
    make                 text,
    model                text,
    school               text,
    ownership            text        not null,
    status               text        not null,
    sensitive_data       boolean     not null,
    assignee_id          uuid,
    assignee_district_id text,
    updated_at           timestamptz
);
-- Asset tags and serial numbers are unique in inventory, but not necessarily in a read model that is briefly behind.
create index device_view_asset_tag_idx on device_view (upper(asset_tag));
create index device_view_serial_number_idx on device_view (upper(serial_number));
create index device_view_assignee_district_idx on device_view (assignee_district_id, asset_tag)
    where assignee_district_id is not null;
create index device_view_assignee_idx on device_view (assignee_id) where assignee_id is not null;

-- What this service knows of inventory's people, from the person snapshot topic: enough to authorize and to route
-- notifications (email, supervisor, school).
create table person_view (
    id            uuid primary key,
    version       bigint      not null,
    district_id   text        not null,
    given_name    text,
    family_name   text,
    email         text,
    kind          text        not null,
    school        text,
    supervisor_id uuid,
    active        boolean     not null,
    departed_on   date,
    updated_at    timestamptz
);
create index person_view_district_id_idx on person_view (district_id);
create index person_view_supervisor_idx on person_view (supervisor_id) where supervisor_id is not null;

create sequence loss_report_number_seq;

create table loss_report (
    id                     uuid primary key,
    report_number          text        not null,
    device_id              uuid        not null,
    asset_tag              text        not null,
    serial_number          text,
    device_description     text,
    school                 text,
    holder_id              uuid,
    holder_district_id     text,
    kind                   text        not null check (kind in ('LOST', 'STOLEN')),
    status                 text        not null check (status in ('OPEN', 'RECOVERED', 'WRITTEN_OFF')),
    reported_by            text        not null,
    reporter_id            uuid,
    reported_at            timestamptz not null,
    last_seen_at           timestamptz not null,
    last_seen_location     text        not null,
    circumstances          text        not null,
    contact_phone          text        not null,
    police_notified        boolean     not null,
    police_agency          text,
    police_case_number     text,
    police_report_owed     boolean     not null,
    police_reminders_sent  int         not null default 0,
    next_police_reminder_at timestamptz,
    cost_owed              numeric(12, 2) check (cost_owed >= 0),
    closed_at              timestamptz,
    closed_by              text,
    version                bigint      not null default 0,
    updated_at             timestamptz not null,
    constraint loss_report_number_key unique (report_number),
    constraint loss_report_police_owed_only_stolen check (not police_report_owed or kind = 'STOLEN')
);
-- One open report per device, even when two people report it at the same moment.
create unique index loss_report_one_open_per_device on loss_report (device_id) where status = 'OPEN';
-- Lists are newest first with a stable tie-break, so a page is an index range.
create index loss_report_reported_idx on loss_report (reported_at desc, id desc);
create index loss_report_reporter_idx on loss_report (reported_by, reported_at desc);
create index loss_report_holder_idx on loss_report (holder_id) where holder_id is not null;
create index loss_report_reporter_person_idx on loss_report (reporter_id) where reporter_id is not null;
create index loss_report_police_reminder_idx on loss_report (next_police_reminder_at)
    where police_report_owed and status = 'OPEN';

-- What happened to a report after it was filed: notes, police details, reclassification, recovery, write-off.
create table loss_report_entry (
    id          bigserial primary key,
    report_id   uuid        not null references loss_report (id),
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    note        text
);
create index loss_report_entry_report_idx on loss_report_entry (report_id, id);

-- Idempotency-Key of report submissions: a retry with the same key and body gets the first answer again.
create table idempotency_key (
    subject         text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    report_id       uuid        not null references loss_report (id),
    response_status int         not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (subject, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- One row per message to send: (event, recipient, channel) is unique, so an event redelivered by Kafka never makes a
-- second message. A delivery worker claims due rows (SKIP LOCKED); while claimed, next_attempt_at is the claim's lease.
create table notification (
    id              uuid primary key,
    event_id        uuid        not null,
    event_type      text        not null,
    consumer        text        not null,
    report_id       uuid,
    device_id       uuid,
    recipient       text        not null,
    channel         text        not null check (channel in ('EMAIL', 'WEBHOOK')),
    subject         text        not null,
    body            text        not null,
    link            text,
    status          text        not null check (status in ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claim_token     uuid,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    constraint notification_once_per_recipient unique (event_id, recipient, channel)
);
create index notification_due_idx on notification (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index notification_report_idx on notification (report_id, created_at desc, id desc) where report_id is not null;
create index notification_created_idx on notification (created_at desc, id desc);
create index notification_status_idx on notification (status, created_at desc, id desc);
