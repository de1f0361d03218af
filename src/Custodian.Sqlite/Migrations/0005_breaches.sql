-- The breach register (GDPR Art. 33(5)). Lists are JSON arrays of keys; no personal values.
CREATE TABLE breaches (
    id                 TEXT PRIMARY KEY,
    discovered_at      INTEGER NOT NULL,
    occurred_from      INTEGER NOT NULL,
    occurred_until     INTEGER NOT NULL,
    description        TEXT NOT NULL,
    consequences       TEXT NOT NULL,
    categories         TEXT NOT NULL,
    systems            TEXT NOT NULL,
    recipients         TEXT NOT NULL,
    reported_at        INTEGER,
    people_notified_at INTEGER,
    affected_people    INTEGER NOT NULL DEFAULT 0,
    actions            TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX ix_records_category ON records(category, collected_at);
CREATE INDEX ix_events_category_at ON events(category, at);
