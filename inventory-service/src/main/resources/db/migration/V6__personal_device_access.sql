-- Personal devices under the district's policy: each PERSONAL device has one standing (asked for, approved until the
-- end of the school year, refused, expired or removed), keyed by the device. The device row keeps what the device is
-- and who owns it; this row keeps what the owner asked for and what was decided.
create table personal_device_access (
    device_id               uuid        primary key references device (id),
    owner_id                uuid        not null references person (id),
    -- What the owner will use it for (null only for devices IT registered before the owner asked).
    purpose                 text check (purpose is null or length(purpose) between 1 and 500),
    -- Whether the owner consents to the district locking and locating it when it is reported lost or stolen.
    lock_and_locate_consent boolean     not null default false,
    status                  text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED', 'EXPIRED', 'REMOVED')),
    requested_at            timestamptz not null,
    requested_by            text        not null,
    -- The owner asked to renew an approval (still running, or ended while the approvers had not decided yet): an
    -- approval extends it.
    renewal_requested_at    timestamptz,
    decided_by              text,
    decided_at              timestamptz,
    -- Why it was last refused, removed or ended.
    reason                  text check (reason is null or length(reason) between 1 and 600),
    -- The last day of the approval (the end of the school year); kept after it ends.
    expires_on              date,
    version                 bigint      not null default 0,
    updated_at              timestamptz not null,
    constraint personal_device_access_approved_until check (status <> 'APPROVED' or expires_on is not null),
    constraint personal_device_access_renewal_after_approval check (renewal_requested_at is null or status in ('APPROVED', 'EXPIRED'))
);
-- Lists are newest request first; the approvers' queue and the daily expiry read their own ranges.
create index personal_device_access_requested_idx on personal_device_access (requested_at desc, device_id desc);
create index personal_device_access_owner_idx on personal_device_access (owner_id);
create index personal_device_access_expiry_idx on personal_device_access (expires_on) where status = 'APPROVED';
create index personal_device_access_awaiting_idx on personal_device_access (requested_at desc, device_id desc)
    where status = 'PENDING' or renewal_requested_at is not null;

-- Personal devices IT registered before approvals existed await their school's decision like a new request; those
-- already deregistered have no access to decide on. Their snapshots carry the standing from their next change.
insert into personal_device_access (device_id, owner_id, purpose, lock_and_locate_consent, status, requested_at,
                                    requested_by, reason, updated_at)
select d.id, d.assignee_id, null, false,
       case when d.status = 'RETIRED' then 'REMOVED' else 'PENDING' end,
       d.created_at, 'system',
       case when d.status = 'RETIRED' then 'Deregistered before personal devices needed an approval.' end,
       now()
from device d
where d.ownership = 'PERSONAL' and d.assignee_id is not null;
