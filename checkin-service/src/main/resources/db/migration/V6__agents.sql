-- The reference agent reports a fact it cannot read (disk encryption, password protection) as unknown: null. The
-- latest state already allows it; the history keeps it as reported. Compliance counts unknown as not proven.
alter table checkin_history alter column disk_encrypted drop not null;
alter table checkin_history alter column screen_lock drop not null;

-- A device reports the commands it refused (a WIPE its installation does not allow) or failed to carry out.
alter table device_command drop constraint device_command_status_check;
alter table device_command add constraint device_command_status_check
    check (status in ('PENDING', 'DELIVERED', 'DONE', 'REFUSED', 'FAILED', 'CANCELLED'));

-- One-time enrolment codes: IT creates one for a device, the device's agent exchanges it once for the device's
-- credential. Only the SHA-256 of the code is kept; a code is shown once, to IT.
create table enrolment_code (
    code_sha256 bytea       primary key,
    device_id   uuid        not null references device (id) on delete cascade,
    created_at  timestamptz not null,
    created_by  text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index enrolment_code_device_idx on enrolment_code (device_id);
