-- A device holding sensitive data that has never checked in is non-compliant until a check-in shows its disk is
-- encrypted (read-model updates keep this from now on; this sets it for the devices already known).
update device set compliant = false, compliance_issues = 'NEVER_CHECKED_IN'
where sensitive_data and last_seen_at is null and compliant is null and status not in ('RETIRED', 'WRITTEN_OFF');
