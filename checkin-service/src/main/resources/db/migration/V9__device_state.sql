-- Each device's check-in state as published on checkin.device-state.v1 (DeviceCheckInState): the compliance verdict
-- (compliant, compliance_issues) is already on the row; added here are the state's version, whether the device is
-- overdue (overdue_since, set by the overdue job, cleared by the next check-in or when the device leaves the overdue
-- population) and the last command the device reported dealt with. None of them is indexed but overdue_since (only in
-- the predicate of a small partial index), and they change only with the state, so check-ins stay HOT updates.
alter table device
    add column state_version        bigint not null default 0,
    add column overdue_since        date,
    add column last_command_id      uuid,
    add column last_command_type    text,
    add column last_command_status  text,
    add column last_command_done_at timestamptz;

-- The devices marked overdue, which the overdue job checks for the end of their overdue state.
create index device_overdue_marked_idx on device (id) where overdue_since is not null;
