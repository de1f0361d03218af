-- A unit of work that needs a live subject sends this check ahead of its writes in the same round trip: it raises
-- SQLSTATE CU001 (the message names the id only) when the subject does not exist, was merged or was erased, and the
-- whole batch fails. The search path is the schema's own, whatever the caller's.
CREATE FUNCTION require_live_subject(p_id text) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM subjects WHERE id = p_id AND merged_into IS NULL AND shredded_at IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'CU001', MESSAGE = format('Subject %s does not exist, was merged or was erased.', p_id);
    END IF;
END
$$;
