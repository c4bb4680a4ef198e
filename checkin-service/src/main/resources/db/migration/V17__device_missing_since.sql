-- When the device's current loss began: the time of the first snapshot of it as LOST or STOLEN since it was last
-- anything else (null while it is not missing). A WIPE its agent refused while the device was missing may be taken
-- over by a device manager later (a thief's agent refuses), but only a WIPE sent during the current loss: one sent
-- before it, or during an earlier loss, is not IT's decision about this one.
alter table device add column missing_since timestamptz;
update device set missing_since = updated_at where status in ('LOST', 'STOLEN');

-- When a device manager refused the command as it was sent (its answer for the device a refusal, such as a device it
-- cannot wipe), as opposed to a failure the device reported later. A WIPE sent again within a day of such a refusal
-- does not wait for that manager.
alter table device_command add column manager_refused_at timestamptz;
