-- LostDeviceSeen no longer carries a lost device's coordinates (schema version 2): they stay in device_location, read
-- by IT only and purged on recovery. The events still kept in the outbox lose theirs, keeping whether there was one.
update outbox_event
   set payload = jsonb_set(
           payload #- '{data,latitude}' #- '{data,longitude}' #- '{data,accuracyMeters}',
           '{data,located}',
           to_jsonb(coalesce(payload -> 'data' -> 'latitude', 'null'::jsonb) <> 'null'::jsonb))
 where event_type = 'LostDeviceSeen'
   and (payload -> 'data' -> 'latitude' is not null
        or payload -> 'data' -> 'longitude' is not null
        or payload -> 'data' -> 'accuracyMeters' is not null);
