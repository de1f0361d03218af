-- A second number per subject, beside the state version of migration 0007, as SQLite's 0009: it changes with every
-- write to the subject's records (collected, rectified, erased, re-dated, moved to the hold key, moved by a merge,
-- purged). Readers keep the subject's sealed records (ciphertext and metadata, never a plaintext value) and reuse them
-- only while this number is unchanged. Statement-level triggers keep it in the writing transaction, so a change written
-- by any code path, connection or server is seen by the very next read. A subject's row may start here with state
-- version 0: the state version only grows from there.
ALTER TABLE subject_state_versions ADD COLUMN records_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION records_version_after_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version, records_version)
    SELECT DISTINCT subject_id, 0, 1 FROM new_rows
    ON CONFLICT (subject_id) DO UPDATE SET records_version = v.records_version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION records_version_after_update() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version, records_version)
    SELECT subject_id, 0, 1 FROM (SELECT subject_id FROM old_rows UNION SELECT subject_id FROM new_rows) changed
    ON CONFLICT (subject_id) DO UPDATE SET records_version = v.records_version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION records_version_after_delete() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version, records_version)
    SELECT DISTINCT subject_id, 0, 1 FROM old_rows
    ON CONFLICT (subject_id) DO UPDATE SET records_version = v.records_version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_version_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION records_version_after_insert();
CREATE TRIGGER records_version_update AFTER UPDATE ON records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION records_version_after_update();
CREATE TRIGGER records_version_delete AFTER DELETE ON records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION records_version_after_delete();
