-- Custodian vault schema, version 1. Times are UTC ticks (100 ns since 0001-01-01).
-- Only pseudonymous ids, policy keys, blind indexes and sealed bytes are stored.

CREATE TABLE subjects (
    id                TEXT PRIMARY KEY,
    created_at        INTEGER NOT NULL,
    birth_date_sealed BLOB,
    merged_into       TEXT REFERENCES subjects(id),
    merged_at         INTEGER,
    shredded_at       INTEGER
);
CREATE INDEX ix_subjects_merged_into ON subjects(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX ix_subjects_shredded ON subjects(shredded_at) WHERE shredded_at IS NOT NULL;

CREATE TABLE lookup_keys (
    kind        INTEGER NOT NULL,
    blind_index BLOB NOT NULL,
    subject_id  TEXT NOT NULL REFERENCES subjects(id),
    PRIMARY KEY (kind, blind_index)
) WITHOUT ROWID;
CREATE INDEX ix_lookup_keys_subject ON lookup_keys(subject_id);

-- The only copy of each subject's data key (wrapped). Deleting the row crypto-shreds the subject.
CREATE TABLE subject_keys (
    subject_id TEXT PRIMARY KEY REFERENCES subjects(id),
    key_id     INTEGER NOT NULL,
    wrapped    BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE records (
    id           TEXT PRIMARY KEY,
    subject_id   TEXT NOT NULL REFERENCES subjects(id),
    key_owner_id TEXT NOT NULL REFERENCES subjects(id),
    category     TEXT NOT NULL,
    source       INTEGER NOT NULL,
    purpose      TEXT NOT NULL,
    collected_at INTEGER NOT NULL,
    expires_at   INTEGER,
    key_kind     INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    sealed       BLOB,
    erased_at    INTEGER
);
CREATE INDEX ix_records_subject ON records(subject_id, category);
CREATE INDEX ix_records_expiry ON records(expires_at) WHERE expires_at IS NOT NULL AND erased_at IS NULL;

CREATE TABLE record_versions (
    record_id    TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    source       INTEGER NOT NULL,
    purpose      TEXT NOT NULL,
    collected_at INTEGER NOT NULL,
    replaced_at  INTEGER NOT NULL,
    PRIMARY KEY (record_id, version)
) WITHOUT ROWID;

CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    subject_id   TEXT NOT NULL REFERENCES subjects(id),
    key_owner_id TEXT NOT NULL,
    category     TEXT NOT NULL,
    at           INTEGER NOT NULL,
    device_id    TEXT,
    sealed       BLOB NOT NULL
);
CREATE INDEX ix_events_subject ON events(subject_id, at);

CREATE TABLE consents (
    id             TEXT PRIMARY KEY,
    subject_id     TEXT NOT NULL REFERENCES subjects(id),
    key            TEXT NOT NULL,
    kind           INTEGER NOT NULL,
    given          INTEGER NOT NULL,
    explicit       INTEGER NOT NULL,
    policy_version TEXT NOT NULL,
    method         TEXT NOT NULL,
    evidence       TEXT,
    at             INTEGER NOT NULL,
    recorded_at    INTEGER NOT NULL,
    controller     TEXT,
    legal_basis    TEXT
);
CREATE INDEX ix_consents_subject ON consents(subject_id, at);

-- The ledger is append-only: only a merge may move an entry to the surviving subject.
CREATE TRIGGER consents_append_only_update BEFORE UPDATE OF id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis ON consents
BEGIN
    SELECT RAISE(ABORT, 'the consent ledger is append-only');
END;

CREATE TABLE objections (
    id         TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    purpose    TEXT NOT NULL,
    at         INTEGER NOT NULL,
    lifted_at  INTEGER
);
CREATE INDEX ix_objections_subject ON objections(subject_id);

CREATE TABLE restrictions (
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    restricted INTEGER NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX ix_restrictions_subject ON restrictions(subject_id, at);

CREATE TABLE legal_holds (
    id         TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    reason     TEXT NOT NULL,
    from_at    INTEGER NOT NULL,
    until_at   INTEGER,
    lifted_at  INTEGER
);
CREATE INDEX ix_legal_holds_subject ON legal_holds(subject_id);

CREATE TABLE relationship_events (
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    kind       TEXT NOT NULL,
    event      TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX ix_relationship_events_subject ON relationship_events(subject_id, at);

CREATE TABLE recipient_authorisations (
    subject_id TEXT NOT NULL REFERENCES subjects(id),
    recipient  TEXT NOT NULL,
    given      INTEGER NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX ix_recipient_authorisations_subject ON recipient_authorisations(subject_id, at);

CREATE TABLE guardian_consents (
    subject_id    TEXT NOT NULL REFERENCES subjects(id),
    given         INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    guardian_ref  TEXT NOT NULL
);
CREATE INDEX ix_guardian_consents_subject ON guardian_consents(subject_id, at);

-- body is the canonical entry encoding the chain hash covers; the other columns only serve queries.
CREATE TABLE audit_entries (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    action     TEXT NOT NULL,
    subject_id TEXT,
    body       BLOB NOT NULL,
    hash       BLOB NOT NULL
);
CREATE INDEX ix_audit_entries_subject ON audit_entries(subject_id) WHERE subject_id IS NOT NULL;

CREATE TABLE audit_checkpoints (
    seq        INTEGER PRIMARY KEY,
    entry_hash BLOB NOT NULL,
    at         INTEGER NOT NULL,
    signature  BLOB NOT NULL
);
