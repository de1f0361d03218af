-- The privacy center's state that servers sharing a store must share.
-- Pending sign-ins: the code only as an HMAC under a key derived from the master key, the address sealed (only when it
-- belongs to someone), attempts counted here so every server counts the same ones. No foreign key: a challenge for an
-- address that belongs to no one has no subject, and erasing a person deletes theirs.
CREATE TABLE signin_challenges (
    challenge_id   TEXT PRIMARY KEY,
    subject_id     TEXT,
    code_hash      BLOB NOT NULL,
    sealed_address BLOB,
    expires_at     INTEGER NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX ix_signin_challenges_expires ON signin_challenges(expires_at);
CREATE INDEX ix_signin_challenges_subject ON signin_challenges(subject_id) WHERE subject_id IS NOT NULL;

-- The session key ring (ASP.NET Core data protection XML); the key material inside each element is sealed before it
-- is written.
CREATE TABLE ui_keys (
    name       TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
