-- Erasure without a recursive query per statement. The shred and the purge each named a person's merged family with
-- a recursive walk of subjects in one large statement: costly to plan, and a plan made while subjects was small kept
-- scanning it whole as it grew. The family is now resolved once, by one probe of the merge index for a person who
-- absorbed nobody (nearly everyone), the walk only for a survivor of a merge; each table is then cleared with a plain
-- statement per person, through its subject index, as the SQLite store does it.

-- The person and everyone merged into them, directly or through an earlier merge.
CREATE FUNCTION subject_family(p_id text) RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM subjects WHERE merged_into = p_id) THEN
        RETURN ARRAY[p_id];
    END IF;
    RETURN ARRAY(
        WITH RECURSIVE family(id) AS (SELECT p_id UNION SELECT s.id FROM subjects s JOIN family f ON s.merged_into = f.id)
        SELECT id FROM family);
END
$$;

-- Crypto-shreds a person and their family: keys, lookups, device identifiers, device names and pending sign-ins go;
-- the subjects are marked shredded. family_size is 0 (and nothing changes) when the person does not exist.
CREATE FUNCTION shred_subject(p_id text, p_at bigint, OUT family_size integer, OUT keys_destroyed integer)
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
DECLARE
    member text;
    n integer;
BEGIN
    family_size := 0;
    keys_destroyed := 0;
    IF NOT EXISTS (SELECT 1 FROM subjects WHERE id = p_id) THEN
        RETURN;
    END IF;
    FOREACH member IN ARRAY subject_family(p_id) LOOP
        family_size := family_size + 1;
        DELETE FROM subject_keys WHERE subject_id = member;
        GET DIAGNOSTICS n = ROW_COUNT;
        keys_destroyed := keys_destroyed + n;
        DELETE FROM lookup_keys WHERE subject_id = member;
        DELETE FROM device_identifiers WHERE subject_id = member;
        UPDATE devices SET name_sealed = NULL WHERE subject_id = member AND name_sealed IS NOT NULL;
        DELETE FROM signin_challenges WHERE subject_id = member;
        UPDATE subjects SET shredded_at = p_at, birth_date_sealed = NULL WHERE id = member AND shredded_at IS NULL;
    END LOOP;
END
$$;

-- Deletes the rows of a shredded person and their family (events, records sealed with their own key, devices) and
-- marks them purged, unless there are more than p_limit such rows: then nothing changes and counted says so (it stops
-- counting past the limit, so a person with millions of events costs no more to turn away than anyone else). A person
-- who does not exist or is not shredded: nothing changes, both 0.
CREATE FUNCTION purge_shredded_subject(p_id text, p_key_kind integer, p_limit integer, OUT counted integer, OUT deleted integer)
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
DECLARE
    family text[];
    member text;
    n integer;
BEGIN
    counted := 0;
    deleted := 0;
    IF NOT EXISTS (SELECT 1 FROM subjects WHERE id = p_id AND shredded_at IS NOT NULL) THEN
        RETURN;
    END IF;
    family := subject_family(p_id);
    FOREACH member IN ARRAY family LOOP
        counted := counted + (SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE subject_id = member LIMIT p_limit + 1 - counted) e);
        counted := counted + (SELECT COUNT(*) FROM (SELECT 1 FROM records WHERE subject_id = member AND key_kind = p_key_kind LIMIT p_limit + 1 - counted) r);
        counted := counted + (SELECT COUNT(*) FROM (SELECT 1 FROM devices WHERE subject_id = member LIMIT p_limit + 1 - counted) d);
        IF counted > p_limit THEN
            RETURN;
        END IF;
    END LOOP;
    FOREACH member IN ARRAY family LOOP
        DELETE FROM events WHERE subject_id = member;
        GET DIAGNOSTICS n = ROW_COUNT;
        deleted := deleted + n;
        DELETE FROM records WHERE subject_id = member AND key_kind = p_key_kind;
        GET DIAGNOSTICS n = ROW_COUNT;
        deleted := deleted + n;
        DELETE FROM devices WHERE subject_id = member;
        GET DIAGNOSTICS n = ROW_COUNT;
        deleted := deleted + n;
        UPDATE subjects SET purged_at = shredded_at WHERE id = member AND purged_at IS NULL;
    END LOOP;
END
$$;

-- An erasure's two steps in one call: the shred, then the purge of what it made unreadable.
CREATE FUNCTION shred_and_purge_subject(p_id text, p_at bigint, p_key_kind integer, p_limit integer,
    OUT family_size integer, OUT keys_destroyed integer, OUT counted integer, OUT deleted integer)
LANGUAGE plpgsql VOLATILE
SET search_path FROM CURRENT
AS $$
BEGIN
    SELECT s.family_size, s.keys_destroyed INTO family_size, keys_destroyed FROM shred_subject(p_id, p_at) s;
    counted := 0;
    deleted := 0;
    IF family_size > 0 THEN
        SELECT p.counted, p.deleted INTO counted, deleted FROM purge_shredded_subject(p_id, p_key_kind, p_limit) p;
    END IF;
END
$$;
