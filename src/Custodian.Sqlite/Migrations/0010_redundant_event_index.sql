-- ix_events_subject (subject_id, at) is a prefix of ix_events_subject_at_id (subject_id, at, id), which serves every
-- query it served; keeping both cost every stored reading one more index insert.
DROP INDEX IF EXISTS ix_events_subject;
