-- The privacy center's state that servers sharing a schema must share, as SQLite's 0011.
-- Pending sign-ins: the code only as an HMAC under a key derived from the master key, the address sealed (only when it
-- belongs to someone), attempts counted here (one UPDATE each, under the row's lock) so servers together allow no more
-- than the limit. No foreign key: a challenge for an address that belongs to no one has no subject, and erasing a
-- person deletes theirs.
CREATE TABLE signin_challenges (
    challenge_id   text PRIMARY KEY,
    subject_id     text,
    code_hash      bytea NOT NULL,
    sealed_address bytea,
    expires_at     bigint NOT NULL,
    attempts       integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_signin_challenges_expires ON signin_challenges(expires_at);
CREATE INDEX ix_signin_challenges_subject ON signin_challenges(subject_id) WHERE subject_id IS NOT NULL;

-- The session key ring (ASP.NET Core data protection XML); the key material inside each element is sealed before it
-- is written.
CREATE TABLE ui_keys (
    name       text PRIMARY KEY,
    xml        text NOT NULL,
    created_at bigint NOT NULL
);
