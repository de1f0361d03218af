-- A second number per subject, beside the state version of migration 0007: it changes with every write to the
-- subject's records (collected, rectified, erased, re-dated by an anchor, moved by a merge, purged). Readers keep the
-- subject's sealed records (ciphertext and metadata, never a plaintext value) and reuse them only while this number
-- is unchanged; triggers keep it, so a write by any code path, connection or process is seen by the very next read.
ALTER TABLE subject_state_versions ADD COLUMN records_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER records_version_insert AFTER INSERT ON records
BEGIN
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (NEW.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
END;

CREATE TRIGGER records_version_update AFTER UPDATE ON records
BEGIN
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (OLD.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (NEW.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
END;

CREATE TRIGGER records_version_delete AFTER DELETE ON records
BEGIN
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (OLD.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
END;
