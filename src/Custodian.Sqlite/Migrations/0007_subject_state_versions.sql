-- A number per subject that changes with everything LoadSubjectStateAsync returns about them (the subject row,
-- the data key, every ledger). Readers keep a decoded copy of a subject's state and reuse it only while this
-- number is unchanged; because triggers keep it, a change written by any code path, connection or process is
-- seen by the very next read. Versions only grow, so a number is never reused.
CREATE TABLE subject_state_versions (
    subject_id TEXT PRIMARY KEY,
    version    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER consents_state_insert AFTER INSERT ON consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER consents_state_update AFTER UPDATE ON consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER consents_state_delete AFTER DELETE ON consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER objections_state_insert AFTER INSERT ON objections
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER objections_state_update AFTER UPDATE ON objections
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER objections_state_delete AFTER DELETE ON objections
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER restrictions_state_insert AFTER INSERT ON restrictions
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER restrictions_state_update AFTER UPDATE ON restrictions
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER restrictions_state_delete AFTER DELETE ON restrictions
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER legal_holds_state_insert AFTER INSERT ON legal_holds
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER legal_holds_state_update AFTER UPDATE ON legal_holds
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER legal_holds_state_delete AFTER DELETE ON legal_holds
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationship_events_state_insert AFTER INSERT ON relationship_events
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationship_events_state_update AFTER UPDATE ON relationship_events
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER relationship_events_state_delete AFTER DELETE ON relationship_events
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER recipient_authorisations_state_insert AFTER INSERT ON recipient_authorisations
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER recipient_authorisations_state_update AFTER UPDATE ON recipient_authorisations
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER recipient_authorisations_state_delete AFTER DELETE ON recipient_authorisations
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER guardian_consents_state_insert AFTER INSERT ON guardian_consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER guardian_consents_state_update AFTER UPDATE ON guardian_consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER guardian_consents_state_delete AFTER DELETE ON guardian_consents
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER subject_keys_state_insert AFTER INSERT ON subject_keys
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER subject_keys_state_update AFTER UPDATE ON subject_keys
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
    INSERT INTO subject_state_versions (subject_id, version) VALUES (NEW.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER subject_keys_state_delete AFTER DELETE ON subject_keys
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.subject_id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER subjects_state_update AFTER UPDATE ON subjects
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER subjects_state_delete AFTER DELETE ON subjects
BEGIN
    INSERT INTO subject_state_versions (subject_id, version) VALUES (OLD.id, 1) ON CONFLICT (subject_id) DO UPDATE SET version = version + 1;
END;
