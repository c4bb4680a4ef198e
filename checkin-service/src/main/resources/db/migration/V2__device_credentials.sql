-- Per-device credentials issued at enrolment: the alternative to DEVICE bearer tokens for device agents. Only the
-- SHA-256 of the secret is kept (the secret is 256 random bits, shown once when IT issues it). The columns live on
-- the device row so the check-in writer verifies a batch's credentials in the same locking read that starts the
-- write; they are not indexed and change only when IT issues or revokes a credential, so check-ins stay HOT.
alter table device
    add column credential_sha256    bytea,
    add column credential_issued_at timestamptz,
    add column credential_issued_by text;
alter table device
    add constraint device_credential_complete check (
        (credential_sha256 is null) = (credential_issued_at is null)
        and (credential_sha256 is null) = (credential_issued_by is null)
        and (credential_sha256 is null or octet_length(credential_sha256) = 32));
