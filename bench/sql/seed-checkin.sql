-- Seeds checkin-service's device read model (already migrated by the service) with :devices devices, and creates the
-- tables of the pgbench heartbeat baseline (hb_state with :devices rows, hb_history partitioned by day like
-- checkin_history). Proportions: 70 % assigned, 20 % in stock; 88 % seen in the last 13 days, 10 % overdue,
-- 2 % never seen, the overdue ones already marked so by the overdue job. Idempotent.
\set ON_ERROR_STOP on
select count(*) >= :devices as seeded from device \gset
\if :seeded
  \echo 'devices already seeded'
\else
begin;
insert into device (id, version, asset_tag, type, school, ownership, status, sensitive_data, assignee_id,
                    assignee_district_id, assigned_at, registered_at, updated_at, due_on, last_seen_at, os_name,
                    os_version, last_patch_date, disk_encrypted, screen_lock, site, ip_address, compliant,
                    overdue_since)
select md5('device-' || i)::uuid, 1, 'BN-' || lpad(i::text, 7, '0'),
       (array['LAPTOP','CHROMEBOOK','CHROMEBOOK','CHROMEBOOK','TABLET','DESKTOP','SMARTPHONE'])[1 + i % 7],
       'SCH-' || lpad((i % 60)::text, 2, '0'), 'DISTRICT',
       case when i % 10 < 7 then 'ASSIGNED' when i % 10 < 9 then 'IN_STOCK'
            else (array['LOST','STOLEN','IN_REPAIR','QUARANTINED','RETIRED'])[1 + (i / 10) % 5] end,
       i % 4 = 0,
       case when i % 10 < 7 then md5('person-' || (i % 100000))::uuid end,
       case when i % 10 < 7 then 'B' || lpad((i % 100000)::text, 7, '0') end,
       case when i % 10 < 7 then now() - interval '200 days' end,
       now() - interval '400 days', now(),
       case when i % 50 = 0 then current_date - 386                          -- never seen: registered long ago
            when i % 10 = 3 then current_date - 1 - (i % 30)                 -- overdue
            else current_date + (i % 13) end,                                -- seen recently
       case when i % 50 = 0 then null else now() - ((i % 13) || ' days')::interval end,
       case when i % 50 = 0 then null else 'ChromeOS' end,
       case when i % 50 = 0 then null else '124.0' end,
       case when i % 50 = 0 then null else current_date - 10 end,
       case when i % 50 = 0 then null else true end,
       case when i % 50 = 0 then null else true end,
       case when i % 50 = 0 then null else 'SCH-' || lpad((i % 60)::text, 2, '0') end,
       case when i % 50 = 0 then null else '10.' || (i % 250) || '.' || (i / 250 % 250) || '.' || (i % 200 + 2) end,
       case when i % 50 = 0 then null else true end,
       -- as the overdue job leaves them (the day after the due date): a fresh seed is no backlog of overdue alerts
       case when i % 50 = 0 then current_date - 385
            when i % 10 = 3 then current_date - (i % 30) end
from generate_series(1, :devices) i;
-- The number of devices marked overdue that the service keeps (overdue_tally, V15), as it would have kept it.
update overdue_tally set marked = case when slot = 0 then (select count(*) from device where overdue_since is not null)
                                      else 0 end,
                         counted_at = case when slot = 0 then now() end;
commit;
analyze device;
\endif

create table if not exists hb_state (
    device_id    uuid primary key,
    last_seen_at timestamptz not null,
    os_name      text,
    os_version   text,
    last_patch   date,
    disk_encrypted boolean,
    screen_lock  boolean,
    site         text,
    ip_address   text,
    compliant    boolean
) with (fillfactor = 80);
create table if not exists hb_history (
    device_id    uuid        not null,
    received_at  timestamptz not null,
    os_name      text,
    os_version   text,
    last_patch   date,
    disk_encrypted boolean,
    screen_lock  boolean,
    site         text,
    ip_address   text,
    compliant    boolean
) partition by range (received_at);
create index if not exists hb_history_device_idx on hb_history (device_id, received_at);
create table if not exists hb_history_default partition of hb_history default;
select format('create table if not exists hb_history_%s partition of hb_history for values from (%L) to (%L)',
              to_char(d, 'YYYYMMDD'), d, d + 1)
from (select current_date + i as d from generate_series(-1, 2) i) days \gexec
select count(*) >= :devices as hb_seeded from hb_state \gset
\if :hb_seeded
  \echo 'baseline tables already seeded'
\else
insert into hb_state
select md5('device-' || i)::uuid, now() - interval '1 day', 'ChromeOS', '124.0', current_date - 10, true, true,
       'SCH-01', '10.0.0.1', true
from generate_series(1, :devices) i
on conflict do nothing;
analyze hb_state;
\endif
