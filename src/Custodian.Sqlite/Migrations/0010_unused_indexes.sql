-- Two indexes no query needs, each costing a B-tree write on the hot paths:
-- ix_events_subject (subject_id, at) is a prefix of ix_events_subject_at_id (subject_id, at, id), which serves every
-- query it served, and cost every stored reading one more index insert;
-- ix_audit_entries_subject was never read (audit entries are read by sequence; the breach search decodes them in
-- order) and cost every audited operation a second page in its commit.
DROP INDEX IF EXISTS ix_events_subject;
DROP INDEX IF EXISTS ix_audit_entries_subject;
