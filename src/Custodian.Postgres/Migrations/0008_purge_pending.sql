-- Which erased people still have rows to purge. Without it every purge walked every person ever erased, so each
-- erasure cost more than the one before; now a purge looks only at people not yet marked purged.
ALTER TABLE subjects ADD COLUMN purged_at bigint;
UPDATE subjects SET purged_at = shredded_at
WHERE shredded_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_id = subjects.id)
  AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = subjects.id AND r.key_kind = 1)
  AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.subject_id = subjects.id);
CREATE INDEX ix_subjects_purge_pending ON subjects(id) WHERE shredded_at IS NOT NULL AND purged_at IS NULL;
