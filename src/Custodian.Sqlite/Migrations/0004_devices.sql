-- Connected devices bound to people (CR5). The device's own name is sealed; MAC and Wi-Fi identifiers are
-- kept only as blind indexes.
CREATE TABLE devices (
    subject_id   TEXT NOT NULL REFERENCES subjects(id),
    device_id    TEXT NOT NULL,
    type         TEXT NOT NULL,
    name_sealed  BLOB,
    firmware     TEXT,
    activated_at INTEGER NOT NULL,
    unbound_at   INTEGER,
    online       INTEGER NOT NULL DEFAULT 0,
    last_seen_at INTEGER,
    PRIMARY KEY (subject_id, device_id)
);

CREATE TABLE device_identifiers (
    kind        INTEGER NOT NULL,
    blind_index BLOB NOT NULL,
    subject_id  TEXT NOT NULL REFERENCES subjects(id),
    device_id   TEXT NOT NULL,
    PRIMARY KEY (kind, blind_index)
) WITHOUT ROWID;
CREATE INDEX ix_device_identifiers_device ON device_identifiers(subject_id, device_id);
