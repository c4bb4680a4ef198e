-- Seeds an inventory database (already migrated by inventory-service) with :people people and :devices devices in
-- realistic proportions: 70 % assigned, 20 % in stock, the rest spread over the other statuses, 60 schools.
-- Idempotent: does nothing when the devices are already there. Ids are derived from the row numbers as in
-- seed-checkin.sql (md5 of 'device-<n>' and 'person-<n>'), so that the console's benchmark finds each device in both.
\set ON_ERROR_STOP on
select count(*) >= :devices as seeded from device \gset
\if :seeded
  \echo 'already seeded'
\else
begin;
insert into person (id, district_id, given_name, family_name, email, kind, school, active, aup_acknowledged_on,
                    version, created_at, updated_at)
select md5('person-' || n)::uuid, 'B' || lpad(n::text, 7, '0'), 'Given' || n, 'Family' || n,
       'b' || n || '@district.example', case when n % 5 = 0 then 'EMPLOYEE' else 'STUDENT' end,
       'SCH-' || lpad((n % 60)::text, 2, '0'), true, current_date - (n % 300), 0, now(), now()
from generate_series(1, :people) n
on conflict (district_id) do nothing;

create temp table person_no as
select row_number() over (order by district_id) as n, id from person where district_id like 'B%';
create index on person_no (n);

insert into device (id, asset_tag, serial_number, type, make, model, school, ownership, status, sensitive_data,
                    assignee_id, assigned_at, acquisition_type, vendor, purchase_order, cost, acquired_on, warranty_end,
                    version, created_at, updated_at)
select md5('device-' || i)::uuid,
       'BN-' || lpad(i::text, 7, '0'),
       'SER' || upper(substr(md5(i::text), 1, 12)),
       (array['LAPTOP','CHROMEBOOK','CHROMEBOOK','CHROMEBOOK','TABLET','DESKTOP','SMARTPHONE'])[1 + i % 7],
       (array['Dell','HP','Lenovo','Apple','Acer'])[1 + i % 5],
       (array['Latitude 5440','ProBook 450','ThinkPad T14','iPad 10th gen','Chromebook 314','OptiPlex 7010'])[1 + i % 6],
       'SCH-' || lpad((i % 60)::text, 2, '0'),
       'DISTRICT',
       case when i % 10 < 7 then 'ASSIGNED' when i % 10 < 9 then 'IN_STOCK'
            else (array['LOST','STOLEN','IN_REPAIR','QUARANTINED','RETIRED'])[1 + (i / 10) % 5] end,
       i % 4 = 0,
       case when i % 10 < 7 then p.id end,
       case when i % 10 < 7 then now() - (i % 500) * interval '1 day' end,
       'PURCHASED', 'Vendor ' || (i % 12), 'PO-' || (i / 100), 899.00, date '2024-08-01' - (i % 700),
       date '2027-08-01' - (i % 700), 0, now(), now()
from generate_series(1, :devices) i
join person_no p on p.n = 1 + (i % (select count(*) from person_no));
commit;
analyze person;
analyze device;
\endif
