-- A number per subject that changes with everything LoadSubjectStateAsync returns about them (the subject row,
-- the data key, every ledger), as SQLite's 0007. Readers keep a decoded copy of a subject's state and reuse it only
-- while this number is unchanged; because triggers keep it in the writing transaction, a change written by any code
-- path, connection or server is seen by the very next read. Versions only grow, so a number is never reused.
CREATE TABLE subject_state_versions (
    subject_id text PRIMARY KEY,
    version    bigint NOT NULL
);

-- Statement-level triggers: one upsert per statement however many rows it touched (a merge moves whole ledgers).
-- search_path is fixed to this schema so a write through a session with another search_path still bumps this table.
CREATE FUNCTION subject_state_after_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version)
    SELECT DISTINCT subject_id, 1 FROM new_rows
    ON CONFLICT (subject_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION subject_state_after_update() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version)
    SELECT subject_id, 1 FROM (SELECT subject_id FROM old_rows UNION SELECT subject_id FROM new_rows) changed
    ON CONFLICT (subject_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION subject_state_after_delete() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version)
    SELECT DISTINCT subject_id, 1 FROM old_rows
    ON CONFLICT (subject_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

-- The subjects table keys subjects by id; a new subject has version 0 (no row) until something changes.
CREATE FUNCTION subjects_state_after_update() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version)
    SELECT id, 1 FROM (SELECT id FROM old_rows UNION SELECT id FROM new_rows) changed
    ON CONFLICT (subject_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION subjects_state_after_delete() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO subject_state_versions AS v (subject_id, version)
    SELECT DISTINCT id, 1 FROM old_rows
    ON CONFLICT (subject_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['consents', 'objections', 'restrictions', 'legal_holds', 'relationship_events',
                             'recipient_authorisations', 'guardian_consents', 'subject_keys']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_state_after_insert()', t || '_state_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_state_after_update()', t || '_state_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subject_state_after_delete()', t || '_state_delete', t);
    END LOOP;
END
$$;

CREATE TRIGGER subjects_state_update AFTER UPDATE ON subjects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subjects_state_after_update();
CREATE TRIGGER subjects_state_delete AFTER DELETE ON subjects REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subjects_state_after_delete();
