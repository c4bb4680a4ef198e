-- Each command carries a secret the agent receives with it and must send back to report it done, so a command is
-- confirmed only by the device it was sent to, with the copy it was sent. 122 random bits (gen_random_uuid draws from
-- the server's strong random source); a LOCK sent again gets a new one.
alter table device_command add column nonce text not null default replace(gen_random_uuid()::text, '-', '');
