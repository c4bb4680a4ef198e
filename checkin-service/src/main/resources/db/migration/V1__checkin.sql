-- checkin-service: read models of inventory's people and devices, each device's latest check-in, the check-in
-- history (partitioned by day), lost-device locations and their read log, device commands, offboardings and
-- return tasks.

-- People, from inventory's person snapshots: only what offboarding and routing need (no names, no email).
create table person_view (
    id            uuid primary key,
    version       bigint      not null,
    district_id   text        not null,
    kind          text,
    school        text,
    supervisor_id uuid,
    active        boolean     not null,
    departed_on   date,
    updated_at    timestamptz
);
create index person_view_district_id_idx on person_view (district_id);

-- One row per device: inventory's snapshot (version-checked) plus this service's latest check-in state.
-- Check-ins update this row in place. To keep those updates HOT, no index covers a column that changes on every
-- check-in (last_seen_at, OS, network...); due_on moves at most once a day per device, compliant only when the
-- verdict flips. fillfactor leaves room on each page for the new row versions.
create table device (
    id                         uuid primary key,
    version                    bigint      not null,
    asset_tag                  text        not null,
    type                       text        not null,
    school                     text        not null,
    ownership                  text        not null,
    status                     text        not null,
    sensitive_data             boolean     not null,
    assignee_id                uuid,
    assignee_district_id       text,
    assigned_at                timestamptz,
    registered_at              timestamptz not null,
    updated_at                 timestamptz not null,
    -- The last day the device may go without checking in: (day last seen, or registered/assigned) + grace for its type.
    due_on                     date        not null,
    last_seen_at               timestamptz,
    os_name                    text,
    os_version                 text,
    os_build                   text,
    last_patch_date            date,
    antivirus_product          text,
    antivirus_definitions_date date,
    disk_encrypted             boolean,
    screen_lock                boolean,
    site                       text,
    ip_address                 text,
    -- null until the first check-in is evaluated; issues are comma-separated ComplianceIssue codes.
    compliant                  boolean,
    compliance_issues          text,
    -- Last check-in while LOST/STOLEN, and the last alerts raised (rate limits); cleared when the device is found.
    lost_seen_at               timestamptz,
    lost_alerted_at            timestamptz,
    departure_alerted_at       timestamptz
) with (fillfactor = 80);
-- Overdue list: a range of due_on, oldest first, optionally per school. Retired and written-off devices never count.
create index device_overdue_idx on device (due_on, id) where status not in ('RETIRED', 'WRITTEN_OFF');
create index device_overdue_school_idx on device (school, due_on, id) where status not in ('RETIRED', 'WRITTEN_OFF');
create index device_assignee_idx on device (assignee_id) where assignee_id is not null;
create index device_noncompliant_idx on device (id) where compliant = false;
create index device_noncompliant_school_idx on device (school, id) where compliant = false;
create index device_missing_idx on device (school) where status in ('LOST', 'STOLEN');

-- Every check-in, by day. Old days are dropped whole (retention); the default partition catches anything that
-- arrives before its day's partition exists, so no check-in is ever refused for want of a partition.
create table checkin_history (
    device_id                  uuid        not null,
    received_at                timestamptz not null,
    os_name                    text,
    os_version                 text,
    os_build                   text,
    last_patch_date            date,
    antivirus_product          text,
    antivirus_definitions_date date,
    disk_encrypted             boolean     not null,
    screen_lock                boolean     not null,
    site                       text,
    ip_address                 text,
    compliant                  boolean     not null,
    compliance_issues          text
) partition by range (received_at);
create index checkin_history_device_idx on checkin_history (device_id, received_at);
create table checkin_history_default partition of checkin_history default;

-- Locations reported by devices while they are LOST or STOLEN; purged when the device is found.
create table device_location (
    id              bigserial primary key,
    device_id       uuid             not null,
    seen_at         timestamptz      not null,
    latitude        double precision not null,
    longitude       double precision not null,
    accuracy_meters double precision,
    site            text,
    ip_address      text
);
create index device_location_device_idx on device_location (device_id, seen_at desc);

-- Who read a device's locations, and when.
create table location_read (
    id                 bigserial primary key,
    device_id          uuid        not null,
    read_by            text        not null,
    read_at            timestamptz not null,
    locations_returned int         not null,
    correlation_id     text
);
create index location_read_device_idx on location_read (device_id, read_at desc);
create index location_read_at_idx on location_read (read_at desc, id desc);

-- Commands for a device's agent: PENDING until sent, DELIVERED once sent (sent again until confirmed), DONE when
-- the device confirms, CANCELLED by IT or by recovery.
create table device_command (
    id           uuid primary key,
    device_id    uuid        not null,
    type         text        not null check (type in ('LOCK', 'WIPE', 'LOCATE')),
    message      text,
    status       text        not null check (status in ('PENDING', 'DELIVERED', 'DONE', 'CANCELLED')),
    issued_by    text        not null,
    reason       text,
    created_at   timestamptz not null,
    delivered_at timestamptz,
    done_at      timestamptz,
    cancelled_at timestamptz,
    cancelled_by text
);
-- At most one open command of each type per device (a loss report queues LOCK and LOCATE once).
create unique index device_command_one_open on device_command (device_id, type) where status in ('PENDING', 'DELIVERED');
create index device_command_device_idx on device_command (device_id, created_at desc);

-- Offboarding requests, from HR over REST or from HR systems over Kafka.
create table offboarding (
    id               uuid primary key,
    person_id        uuid        not null,
    last_working_day date        not null,
    requested_by     text        not null,
    requested_at     timestamptz not null,
    source           text        not null check (source in ('REST', 'KAFKA')),
    tasks_opened     int         not null
);
create index offboarding_person_idx on offboarding (person_id);

-- One task per device a departing person must return.
create table return_task (
    id             uuid primary key,
    offboarding_id uuid        not null references offboarding (id),
    person_id      uuid        not null,
    device_id      uuid        not null,
    asset_tag      text        not null,
    device_type    text        not null,
    school         text        not null,
    sensitive_data boolean     not null,
    due_on         date        not null,
    status         text        not null check (status in ('OPEN', 'OVERDUE', 'RETURNED', 'CLOSED')),
    opened_at      timestamptz not null,
    escalated_at   timestamptz,
    returned_at    timestamptz,
    received_by    text,
    note           text,
    closed_at      timestamptz,
    close_reason   text
);
create unique index return_task_one_open on return_task (person_id, device_id) where status in ('OPEN', 'OVERDUE');
create index return_task_device_open_idx on return_task (device_id) where status in ('OPEN', 'OVERDUE');
create index return_task_due_idx on return_task (due_on) where status = 'OPEN';
create index return_task_list_idx on return_task (due_on, id);
create index return_task_status_idx on return_task (status, due_on, id);
