-- Check-ins and overdue devices per district day, for the 30-day charts of IT's start page. The history is kept for a
-- shorter time and the overdue count of a past day cannot be recounted, so each day's numbers are kept here: the
-- count job rewrites today's (and yesterday's check-ins, to catch its last minutes) on a schedule.
create table daily_count (
    day date primary key,
    check_ins bigint not null,
    overdue bigint,
    counted_at timestamptz not null
);
