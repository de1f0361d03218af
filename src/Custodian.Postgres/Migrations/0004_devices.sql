-- Connected devices bound to people (CR5), as SQLite's 0004. The device's own name is sealed; MAC and Wi-Fi
-- identifiers are kept only as blind indexes. Both tables carry subject_id, so merges move them.
CREATE TABLE devices (
    subject_id   text NOT NULL REFERENCES subjects(id),
    device_id    text NOT NULL,
    type         text NOT NULL,
    name_sealed  bytea,
    firmware     text,
    activated_at bigint NOT NULL,
    unbound_at   bigint,
    online       boolean NOT NULL DEFAULT false,
    last_seen_at bigint,
    PRIMARY KEY (subject_id, device_id)
);

CREATE TABLE device_identifiers (
    kind        integer NOT NULL,
    blind_index bytea NOT NULL,
    subject_id  text NOT NULL REFERENCES subjects(id),
    device_id   text NOT NULL,
    PRIMARY KEY (kind, blind_index)
);
CREATE INDEX ix_device_identifiers_device ON device_identifiers(subject_id, device_id);
