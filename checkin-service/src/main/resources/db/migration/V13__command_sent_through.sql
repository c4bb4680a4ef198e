-- The device manager's entry a command was sent through (provider and the manager's id of the device): only that
-- entry's report of the action ends the command, so another entry matched to the same device (an impostor reporting
-- its serial number, or a re-enrolment's old entry) cannot mark a LOCK or WIPE done. Null for a command sent to the
-- device's agent, or not sent.
alter table device_command add column sent_via_provider text, add column sent_via_device_id text;

-- A command sent through a manager before this column existed keeps ending by the one entry its device has there.
update device_command c set sent_via_provider = m.provider, sent_via_device_id = m.provider_device_id
from mdm_device m
where c.status = 'DELIVERED' and m.device_id = c.device_id and m.vanished_at is null
  and (select count(*) from mdm_device o where o.device_id = c.device_id and o.vanished_at is null) = 1;

-- Commands a sync could not send because two of the manager's entries, both syncing, are matched to the device.
alter table mdm_sync_run add column commands_held int not null default 0;
