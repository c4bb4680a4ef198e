-- The device manager's entry a command was sent through (provider and the manager's id of the device): only that
-- entry's report of the action ends the command, so another entry matched to the same device (one reporting the
-- device's serial number, or a re-enrolment's old entry) does not end it by reporting an action done on itself. Null
-- for a command sent to the device's agent, or not sent.
alter table device_command add column sent_via_provider text, add column sent_via_device_id text;

-- A command sent through a manager before these columns existed is taken to have gone through the entry the claim
-- would have chosen: of each manager's live entries of its device, the one that synced last.
update device_command c set sent_via_provider = m.provider, sent_via_device_id = m.provider_device_id
from mdm_device m
where c.status = 'DELIVERED' and m.device_id = c.device_id and m.vanished_at is null
  and m.provider_device_id = (select o.provider_device_id from mdm_device o
                              where o.provider = m.provider and o.device_id = c.device_id and o.vanished_at is null
                              order by o.last_sync_at desc nulls last, o.provider_device_id limit 1)
  and m.provider = (select o.provider from mdm_device o
                    where o.device_id = c.device_id and o.vanished_at is null
                    order by o.last_sync_at desc nulls last, o.provider limit 1);

-- A sync reads the commands sent through the entries it lists.
create index device_command_sent_via_idx on device_command (sent_via_provider, sent_via_device_id)
    where status = 'DELIVERED';

-- Commands a sync could not send because two of the manager's entries, both syncing, are matched to the device.
alter table mdm_sync_run add column commands_held int not null default 0;
