-- When the device was last recorded found (its loss report closed as recovered). A WIPE its agent
-- refused while the device was missing may be taken over by a device manager later (a thief's agent refuses), but not
-- once the device has been found since that WIPE was sent: a later loss is a new decision for IT, not the old WIPE's.
alter table device add column recovered_at timestamptz;
