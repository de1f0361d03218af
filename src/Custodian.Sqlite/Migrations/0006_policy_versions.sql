-- Published policy versions (CK14, CR13, CU9): the text, when it takes effect and what changed.
CREATE TABLE policy_versions (
    content_hash TEXT PRIMARY KEY,
    version      TEXT NOT NULL,
    effective    TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    text         TEXT NOT NULL,
    material     INTEGER NOT NULL,
    changes      TEXT NOT NULL,
    reconsent    TEXT NOT NULL
);
