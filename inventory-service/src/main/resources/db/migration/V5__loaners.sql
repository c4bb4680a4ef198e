-- Loaners: an assignment may have a date the device is due back. The device row carries the open assignment's due
-- date (it is in the device's snapshot); the assignment keeps it for the record.
alter table device add column assignment_due_on date;
alter table assignment add column due_on date;
create index assignment_open_loan_idx on assignment (due_on, id) where ended_at is null and due_on is not null;
