-- Personal devices under the district's policy (docs/personal-devices.md): the read model keeps a personal device's
-- standing from inventory's snapshot, and this service removes the access of an approved personal device that stays
-- non-compliant past the grace period.

-- From the snapshot's personalAccess (null and false for district devices): the status (PENDING, APPROVED, REFUSED,
-- EXPIRED, REMOVED) and whether the owner consented, at approval, to the district locking and locating the device.
-- personal_approved_at: when the current approval began (set when a snapshot moves the device to APPROVED, kept after
-- it leaves it); access_removed_at: when this service removed the device's access under that approval (credential
-- revoked, PersonalDeviceAccessRemoved raised), cleared when the device is approved again. Together they raise each
-- removal once, whichever path (inventory's snapshot, the violation job) sees it first.
-- noncompliant_since: since when the device's check-ins have been non-compliant without interruption (set by the
-- check-in that finds it non-compliant, cleared by one that finds it compliant), in the same statement that writes the
-- verdict. It changes only when the verdict flips, as compliant does, so check-ins stay HOT updates.
alter table device
    add column personal_access         text,
    add column lock_and_locate_consent boolean not null default false,
    add column personal_approved_at    timestamptz,
    add column access_removed_at       timestamptz,
    add column noncompliant_since      timestamptz;

-- Devices found non-compliant by a check-in before this column existed: their clock starts now.
update device set noncompliant_since = now() where compliant = false and last_seen_at is not null;

-- The violation job's candidates: approved personal devices whose access this service has not removed, by how long
-- they have been non-compliant. Few rows; none of its columns changes with a check-in unless the verdict flips.
create index device_personal_violation_idx on device (noncompliant_since)
    where ownership = 'PERSONAL' and personal_access = 'APPROVED' and access_removed_at is null;
