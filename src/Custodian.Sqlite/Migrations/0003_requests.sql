-- Data-subject requests, their status history, and the outbox of transactional messages.
-- contact_sealed and outbox.sealed are sealed under the hold key; code_hash is PBKDF2. No plain personal values.

CREATE TABLE requests (
    id              TEXT PRIMARY KEY,
    subject_id      TEXT REFERENCES subjects(id),
    kind            INTEGER NOT NULL,
    status          INTEGER NOT NULL,
    channel         INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    language        TEXT NOT NULL,
    contact_sealed  BLOB,
    purpose         TEXT,
    code_hash       TEXT,
    code_expires_at INTEGER,
    code_attempts   INTEGER NOT NULL DEFAULT 0,
    extended_at     INTEGER,
    reason_code     TEXT,
    reason          TEXT,
    result_json     TEXT,
    closed_at       INTEGER
);
CREATE INDEX ix_requests_subject ON requests(subject_id);
CREATE INDEX ix_requests_open_due ON requests(due_at) WHERE closed_at IS NULL;

CREATE TABLE request_history (
    request_id  TEXT NOT NULL REFERENCES requests(id),
    status      INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    reason_code TEXT
);
CREATE INDEX ix_request_history_request ON request_history(request_id, at);

CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    request_id      TEXT REFERENCES requests(id),
    subject_id      TEXT,
    template        TEXT NOT NULL,
    language        TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    sealed          BLOB,
    status          INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT
);
CREATE INDEX ix_outbox_due ON outbox(next_attempt_at) WHERE status = 1;
CREATE INDEX ix_outbox_request ON outbox(request_id);

-- Keyset paging over a subject's events in (at, id) order.
CREATE INDEX ix_events_subject_at_id ON events(subject_id, at, id);
