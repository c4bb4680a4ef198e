-- One departure path: a person set inactive or given a leaving date in inventory (PUT, bulk sync, CSV) reaches this
-- service as a person snapshot and opens the same return tasks an offboarding request does.
alter table offboarding drop constraint offboarding_source_check;
alter table offboarding add constraint offboarding_source_check check (source in ('REST', 'KAFKA', 'PEOPLE_SYNC'));
create index offboarding_person_day_idx on offboarding (person_id, last_working_day);

-- Loaners: a device assigned with a due date is a return task of its own (reason LOAN), with no offboarding.
alter table return_task alter column offboarding_id drop not null;
alter table return_task add column reason text not null default 'DEPARTURE' check (reason in ('DEPARTURE', 'LOAN'));
alter table return_task add constraint return_task_departure_has_offboarding
    check (reason = 'LOAN' or offboarding_id is not null);

-- Reminders: the holder before the due date and on it; escalation repeats until the task is closed.
alter table return_task add column reminded_before_at timestamptz;
alter table return_task add column reminded_due_at timestamptz;
alter table return_task add column escalations int not null default 0;
update return_task set escalations = 1 where escalated_at is not null;
create index return_task_overdue_idx on return_task (escalated_at, id) where status = 'OVERDUE';
