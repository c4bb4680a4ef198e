-- How many devices the overdue job has marked overdue (device.overdue_since not null), kept as it changes instead of
-- counted: the count read every marked device's row (1.7 s during ingestion at 1,000,000 devices, 120,000 overdue), once
-- a minute on every replica for the gauge and every 15 minutes for the charts. Every statement that marks or unmarks
-- devices adds its change to one of eight rows (the row of its database session's process id modulo eight), so
-- concurrent writers seldom wait for one another; the total is the sum. Slot 0 also holds when the total was last
-- made again from the devices themselves (the overdue job does that once a day, OverdueTallyRepository).
create table overdue_tally (
    slot       smallint primary key check (slot between 0 and 7),
    marked     bigint not null,
    counted_at timestamptz
);
insert into overdue_tally (slot, marked, counted_at)
select s, case when s = 0 then (select count(*) from device where overdue_since is not null) else 0 end,
       case when s = 0 then now() end
from generate_series(0, 7) s;
