-- How many times a device manager could not be sent a command it had claimed (its answer an error or none, not a
-- refusal; the command went back to PENDING for the next sync). A WIPE waits for the manager instead of going to the
-- device's agent (a thief's agent may refuse it, which ends it) only while this stays below three: a manager whose WIPE
-- action keeps failing while its listing works must not keep the WIPE from the only other way to the device.
alter table device_command add column manager_failures smallint not null default 0;
