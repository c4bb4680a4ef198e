-- A written-off device's loss is not over: should IT find it after all (WRITTEN_OFF to RECOVERED in inventory), the
-- commands its loss queued are cancelled, as for any device found. The mark of its loss is kept through the write-off
-- from now on; devices written off before are marked from their snapshot's time (inventory writes a device off only
-- from LOST or STOLEN).
update device set missing_since = updated_at where status = 'WRITTEN_OFF' and missing_since is null;
