-- What retention runs leave behind, as SQLite's 0002.

-- Archives (IS7): each holds a fresh AES-256-GCM key wrapped to the management public key (RSA-OAEP-256).
-- The service writes them and, holding only the public key, cannot read them back.
CREATE TABLE archives (
    id              text PRIMARY KEY,
    created_at      bigint NOT NULL,
    algorithm       text NOT NULL,
    key_fingerprint bytea NOT NULL,
    wrapped_key     bytea NOT NULL
);

-- One row per archived record: ids and policy keys in the clear, the value sealed under the archive key.
CREATE TABLE archive_items (
    archive_id   text NOT NULL REFERENCES archives(id),
    record_id    text NOT NULL,
    subject_id   text NOT NULL,
    category     text NOT NULL,
    purpose      text NOT NULL,
    rule         text NOT NULL,
    collected_at bigint NOT NULL,
    sealed       bytea NOT NULL,
    PRIMARY KEY (archive_id, record_id)
);
CREATE INDEX ix_archive_items_subject ON archive_items(subject_id, category);

-- Anonymised records (IS9): counts per category, purpose, month and coarse value class; no subject, no value.
CREATE TABLE anonymous_counts (
    category    text NOT NULL,
    purpose     text NOT NULL,
    month       text NOT NULL,
    value_class text NOT NULL,
    count       bigint NOT NULL,
    PRIMARY KEY (category, purpose, month, value_class)
);

-- Live records in subject order with every column a retention sweep reads, so paging through millions of records
-- can be answered from the index (sealed values are large and stay in the table).
CREATE INDEX ix_records_retention ON records(subject_id, collected_at, id) INCLUDE (category, purpose, expires_at, key_kind)
    WHERE erased_at IS NULL AND sealed IS NOT NULL;
