-- Published policy versions (CK14, CR13, CU9), as SQLite's 0006: the text, when it takes effect and what changed.
-- seq keeps publication order when two versions share a publication time.
CREATE TABLE policy_versions (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    content_hash text PRIMARY KEY,
    version      text NOT NULL,
    effective    date NOT NULL,
    published_at bigint NOT NULL,
    text         text NOT NULL,
    material     boolean NOT NULL,
    changes      jsonb NOT NULL,
    reconsent    jsonb NOT NULL
);
