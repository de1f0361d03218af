-- The breach register (GDPR Art. 33(5)), as SQLite's 0005. Lists are JSON arrays of keys; no personal values.
CREATE TABLE breaches (
    id                 text PRIMARY KEY,
    discovered_at      bigint NOT NULL,
    occurred_from      bigint NOT NULL,
    occurred_until     bigint NOT NULL,
    description        text NOT NULL,
    consequences       text NOT NULL,
    categories         jsonb NOT NULL,
    systems            jsonb NOT NULL,
    recipients         jsonb NOT NULL,
    reported_at        bigint,
    people_notified_at bigint,
    affected_people    integer NOT NULL DEFAULT 0,
    actions            jsonb NOT NULL DEFAULT '[]'
);

-- Who held a category in a window (breaches), and the statistics scan over all events in (at, id) order.
CREATE INDEX ix_records_category ON records(category, collected_at);
CREATE INDEX ix_events_category_at ON events(category, at);
CREATE INDEX ix_events_at_id ON events(at, id);
