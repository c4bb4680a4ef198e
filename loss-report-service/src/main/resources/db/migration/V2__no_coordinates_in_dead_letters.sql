-- LostDeviceSeen events no longer carry a lost device's coordinates (schema version 2). A dead-lettered one kept here
-- (for ever) loses its payload; its event id, offset and error stay, and the event itself is on the topic for days.
update consumer_dead_letter
   set payload = null
 where topic = 'checkin.device-alerts.v1'
   and payload ~ '"(latitude|longitude|accuracyMeters)"';
