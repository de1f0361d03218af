-- Data-subject requests, their status history, and the outbox of transactional messages (as SQLite's 0003).
-- contact_sealed and outbox.sealed are sealed under the hold key; code_hash is PBKDF2. No plain personal values.

CREATE TABLE requests (
    id              text PRIMARY KEY,
    subject_id      text REFERENCES subjects(id),
    kind            integer NOT NULL,
    status          integer NOT NULL,
    channel         integer NOT NULL,
    received_at     bigint NOT NULL,
    due_at          bigint NOT NULL,
    language        text NOT NULL,
    contact_sealed  bytea,
    purpose         text,
    code_hash       text,
    code_expires_at bigint,
    code_attempts   integer NOT NULL DEFAULT 0,
    extended_at     bigint,
    reason_code     text,
    reason          text,
    result_json     text,
    closed_at       bigint
);
CREATE INDEX ix_requests_subject ON requests(subject_id);
CREATE INDEX ix_requests_open_due ON requests(due_at) WHERE closed_at IS NULL;
CREATE INDEX ix_requests_received ON requests(received_at, id);

CREATE TABLE request_history (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  text NOT NULL REFERENCES requests(id),
    status      integer NOT NULL,
    at          bigint NOT NULL,
    actor       text NOT NULL,
    reason_code text
);
CREATE INDEX ix_request_history_request ON request_history(request_id, at, seq);

CREATE TABLE outbox (
    id              text PRIMARY KEY,
    request_id      text REFERENCES requests(id),
    subject_id      text,
    template        text NOT NULL,
    language        text NOT NULL,
    created_at      bigint NOT NULL,
    sealed          bytea,
    status          integer NOT NULL,
    attempts        integer NOT NULL,
    next_attempt_at bigint NOT NULL,
    sent_at         bigint,
    last_error      text
);
CREATE INDEX ix_outbox_due ON outbox(next_attempt_at) WHERE status = 1;
CREATE INDEX ix_outbox_request ON outbox(request_id);

-- Keyset paging over a subject's events in (at, id) order.
CREATE INDEX ix_events_subject_at_id ON events(subject_id, at, id);
