-- Device managers (Google Admin for Chromebooks; Microsoft Intune next) as check-in sources and command channels.

-- Inventory's serial number joins the read model, so a device manager's devices are matched by serial number or asset
-- tag. Both change only with inventory's snapshots, never with a check-in, so indexing them keeps check-ins HOT.
alter table device add column serial_number text;
create index device_serial_number_idx on device (upper(serial_number)) where serial_number is not null;
create index device_asset_tag_idx on device (upper(asset_tag));

-- Where each check-in came from: the device's own agent (AGENT; rows written before this column are the agent's) or a
-- device manager reporting the device's state.
alter table checkin_history add column source text;
alter table checkin_history add constraint checkin_history_source_check
    check (source is null or source in ('AGENT', 'GOOGLE_ADMIN', 'INTUNE'));

-- Every device a device manager lists, matched to inventory (device_id) or not (null: listed for IT, never created).
-- Only the facts a check-in needs are kept; no user names or email addresses.
create table mdm_device (
    provider               text        not null check (provider in ('GOOGLE_ADMIN', 'INTUNE')),
    provider_device_id     text        not null,
    serial_number          text,
    asset_tag              text,
    device_id              uuid,
    provider_status        text,
    last_sync_at           timestamptz,
    os_version             text,
    os_build               text,
    updates_end_on         date,
    org_unit               text,
    first_seen_at          timestamptz not null,
    last_listed_at         timestamptz not null,
    last_listed_run        bigint,
    -- A full listing did not have it any more (removed from the device manager); listed again clears it.
    vanished_at            timestamptz,
    -- The district disabled it through the device manager (a LOCK), and a recovery asked for it to be enabled again.
    disabled_by_district   boolean     not null default false,
    reenable_requested     boolean     not null default false,
    primary key (provider, provider_device_id)
);
create index mdm_device_device_idx on mdm_device (device_id) where device_id is not null;
create index mdm_device_unknown_idx on mdm_device (provider, provider_device_id)
    where device_id is null and vanished_at is null;

-- Every sync run, for IT: when, what kind, how far it got, what it saw and what went wrong.
create table mdm_sync_run (
    id              bigserial primary key,
    provider        text        not null check (provider in ('GOOGLE_ADMIN', 'INTUNE')),
    kind            text        not null check (kind in ('FULL', 'INCREMENTAL')),
    status          text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at      timestamptz not null,
    finished_at     timestamptz,
    since           timestamptz,
    pages           int         not null default 0,
    devices_seen    int         not null default 0,
    check_ins       int         not null default 0,
    unknown_devices int         not null default 0,
    vanished        int         not null default 0,
    commands_sent   int         not null default 0,
    errors          int         not null default 0,
    error           text
);
create index mdm_sync_run_provider_idx on mdm_sync_run (provider, id desc);
create index mdm_sync_run_good_idx on mdm_sync_run (provider, finished_at desc) where status = 'SUCCEEDED';
