-- A second number per subject, beside the state version of migration 0007: it changes with every write to the
-- subject's records (collected, rectified, erased, re-dated by an anchor, moved by a merge, purged). Readers keep the
-- subject's sealed records (ciphertext and metadata, never a plaintext value) and reuse them only while this number
-- is unchanged. Triggers keep it for updates and deletes and the store's insert for new records, so a write through
-- the store from any connection or process, or any update or delete at all, is seen by the very next read.
ALTER TABLE subject_state_versions ADD COLUMN records_version INTEGER NOT NULL DEFAULT 0;

-- New records bump it once per subject and batch in the store's insert (SqliteVaultTransaction.WriteRecordsAsync)
-- rather than by a row trigger: a trigger made every insert of a batch a two-table statement with its own statement
-- journal, which doubled the cost of collecting values.
CREATE TRIGGER records_version_update AFTER UPDATE ON records
BEGIN
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (OLD.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (NEW.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
END;

CREATE TRIGGER records_version_delete AFTER DELETE ON records
BEGIN
    INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES (OLD.subject_id, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1;
END;
