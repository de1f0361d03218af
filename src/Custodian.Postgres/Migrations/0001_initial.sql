-- Custodian vault schema, version 1, created in the store's own schema (first on search_path).
-- Times are UTC ticks (100 ns since 0001-01-01) so values round-trip exactly, as in the SQLite store.
-- Only pseudonymous ids, policy keys, blind indexes and sealed bytes are stored.
-- Every per-subject table carries subject_id, the distribution column on Citus (see docs/scaling.md).
-- seq columns keep insertion order, the tie-break when two ledger lines share a time.

CREATE TABLE subjects (
    id                text PRIMARY KEY,
    created_at        bigint NOT NULL,
    birth_date_sealed bytea,
    merged_into       text REFERENCES subjects(id),
    merged_at         bigint,
    shredded_at       bigint
);
CREATE INDEX ix_subjects_merged_into ON subjects(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX ix_subjects_shredded ON subjects(shredded_at) WHERE shredded_at IS NOT NULL;

CREATE TABLE lookup_keys (
    kind        integer NOT NULL,
    blind_index bytea NOT NULL,
    subject_id  text NOT NULL REFERENCES subjects(id),
    PRIMARY KEY (kind, blind_index)
);
CREATE INDEX ix_lookup_keys_subject ON lookup_keys(subject_id);

-- The only copy of each subject's data key (wrapped). Deleting the row crypto-shreds the subject.
CREATE TABLE subject_keys (
    subject_id text PRIMARY KEY REFERENCES subjects(id),
    key_id     bigint NOT NULL,
    wrapped    bytea NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE records (
    id           text PRIMARY KEY,
    subject_id   text NOT NULL REFERENCES subjects(id),
    key_owner_id text NOT NULL REFERENCES subjects(id),
    category     text NOT NULL,
    source       integer NOT NULL,
    purpose      text NOT NULL,
    collected_at bigint NOT NULL,
    expires_at   bigint,
    key_kind     integer NOT NULL,
    version      integer NOT NULL,
    sealed       bytea,
    erased_at    bigint
);
CREATE INDEX ix_records_subject ON records(subject_id, category);
CREATE INDEX ix_records_expiry ON records(expires_at) WHERE expires_at IS NOT NULL AND erased_at IS NULL;

CREATE TABLE record_versions (
    record_id    text NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    version      integer NOT NULL,
    source       integer NOT NULL,
    purpose      text NOT NULL,
    collected_at bigint NOT NULL,
    replaced_at  bigint NOT NULL,
    PRIMARY KEY (record_id, version)
);

CREATE TABLE events (
    id           text PRIMARY KEY,
    subject_id   text NOT NULL REFERENCES subjects(id),
    key_owner_id text NOT NULL,
    category     text NOT NULL,
    at           bigint NOT NULL,
    device_id    text,
    sealed       bytea NOT NULL
);
CREATE INDEX ix_events_subject ON events(subject_id, at);

CREATE TABLE consents (
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    id             text PRIMARY KEY,
    subject_id     text NOT NULL REFERENCES subjects(id),
    key            text NOT NULL,
    kind           integer NOT NULL,
    given          boolean NOT NULL,
    explicit       boolean NOT NULL,
    policy_version text NOT NULL,
    method         text NOT NULL,
    evidence       text,
    at             bigint NOT NULL,
    recorded_at    bigint NOT NULL,
    controller     text,
    legal_basis    text
);
CREATE INDEX ix_consents_subject ON consents(subject_id, at, seq);

-- The ledger is append-only: only a merge may move an entry to the surviving subject.
CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the consent ledger is append-only' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER consents_append_only_update
    BEFORE UPDATE OF seq, id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis ON consents
    FOR EACH ROW EXECUTE FUNCTION consents_append_only();

CREATE TABLE objections (
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    id         text PRIMARY KEY,
    subject_id text NOT NULL REFERENCES subjects(id),
    purpose    text NOT NULL,
    at         bigint NOT NULL,
    lifted_at  bigint
);
CREATE INDEX ix_objections_subject ON objections(subject_id);

CREATE TABLE restrictions (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id text NOT NULL REFERENCES subjects(id),
    restricted boolean NOT NULL,
    at         bigint NOT NULL
);
CREATE INDEX ix_restrictions_subject ON restrictions(subject_id, at);

CREATE TABLE legal_holds (
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    id         text PRIMARY KEY,
    subject_id text NOT NULL REFERENCES subjects(id),
    reason     text NOT NULL,
    from_at    bigint NOT NULL,
    until_at   bigint,
    lifted_at  bigint
);
CREATE INDEX ix_legal_holds_subject ON legal_holds(subject_id);

CREATE TABLE relationship_events (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id text NOT NULL REFERENCES subjects(id),
    kind       text NOT NULL,
    event      text NOT NULL,
    at         bigint NOT NULL
);
CREATE INDEX ix_relationship_events_subject ON relationship_events(subject_id, at);

CREATE TABLE recipient_authorisations (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id text NOT NULL REFERENCES subjects(id),
    recipient  text NOT NULL,
    given      boolean NOT NULL,
    at         bigint NOT NULL
);
CREATE INDEX ix_recipient_authorisations_subject ON recipient_authorisations(subject_id, at);

CREATE TABLE guardian_consents (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id   text NOT NULL REFERENCES subjects(id),
    given        boolean NOT NULL,
    at           bigint NOT NULL,
    guardian_ref text NOT NULL
);
CREATE INDEX ix_guardian_consents_subject ON guardian_consents(subject_id, at);

-- body is the canonical entry encoding the chain hash covers; the other columns only serve queries.
CREATE TABLE audit_entries (
    seq        bigint PRIMARY KEY,
    at         bigint NOT NULL,
    action     text NOT NULL,
    subject_id text,
    body       bytea NOT NULL,
    hash       bytea NOT NULL
);
CREATE INDEX ix_audit_entries_subject ON audit_entries(subject_id) WHERE subject_id IS NOT NULL;

CREATE TABLE audit_checkpoints (
    seq        bigint PRIMARY KEY,
    entry_hash bytea NOT NULL,
    at         bigint NOT NULL,
    signature  bytea NOT NULL
);

-- One row, locked FOR UPDATE by every unit of work before it writes: writers from any number of
-- servers take turns, so sequence numbers never collide and the chain never forks.
CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash bytea NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
