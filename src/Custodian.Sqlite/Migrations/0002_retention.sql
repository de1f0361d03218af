-- Custodian vault schema, version 2: what retention runs leave behind.

-- Archives (IS7): each holds a fresh AES-256-GCM key wrapped to the management public key (RSA-OAEP-256).
-- The service writes them and, holding only the public key, cannot read them back.
CREATE TABLE archives (
    id              TEXT PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    algorithm       TEXT NOT NULL,
    key_fingerprint BLOB NOT NULL,
    wrapped_key     BLOB NOT NULL
);

-- One row per archived record: ids and policy keys in the clear, the value sealed under the archive key.
CREATE TABLE archive_items (
    archive_id   TEXT NOT NULL REFERENCES archives(id),
    record_id    TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    category     TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    rule         TEXT NOT NULL,
    collected_at INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    PRIMARY KEY (archive_id, record_id)
) WITHOUT ROWID;
CREATE INDEX ix_archive_items_subject ON archive_items(subject_id, category);

-- Anonymised records (IS9): counts per category, purpose, month and coarse value class; no subject, no value.
CREATE TABLE anonymous_counts (
    category    TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    month       TEXT NOT NULL,
    value_class TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (category, purpose, month, value_class)
) WITHOUT ROWID;

-- Live records in subject order with every column a retention sweep reads, so paging through millions of records
-- never touches the table rows (whose sealed values are large).
CREATE INDEX ix_records_retention ON records(subject_id, id, category, purpose, collected_at, expires_at, key_kind)
    WHERE erased_at IS NULL AND sealed IS NOT NULL;
