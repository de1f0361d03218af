-- A person's whole state in one call: the versions (0007, 0009), the subject row and its key as columns, each ledger and (when
-- p_records) the records as one JSON array of column arrays, in the order the store returns them. One statement, so
-- one snapshot. Its plan is generic and kept for the session: planning the ten subqueries afresh costs several
-- times what running them does. Every lookup is by person, through an index: a plan made while a ledger was still
-- empty would otherwise keep scanning that ledger whole as it grows, for as long as the session lasts. Sealed values
-- travel as hex (JSON has no bytes).
CREATE FUNCTION subject_state(p_id text, p_records boolean)
RETURNS TABLE (
    version bigint, records_version bigint, id text, created_at bigint, birth_date_sealed bytea, merged_into text, merged_at bigint, shredded_at bigint,
    has_key boolean, key_id bigint, wrapped bytea, key_created_at bigint,
    consents json, objections json, restrictions json, legal_holds json, relationships json, authorisations json,
    guardian_consents json, records json)
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY SELECT
        COALESCE(v.version, 0::bigint), COALESCE(v.records_version, 0::bigint),
        s.id, s.created_at, s.birth_date_sealed, s.merged_into, s.merged_at, s.shredded_at,
        k.subject_id IS NOT NULL, k.key_id, k.wrapped, k.created_at,
        (SELECT json_agg(json_build_array(c.id, c.subject_id, c.key, c.kind, c.given, c.explicit, c.policy_version, c.method, c.evidence, c.at, c.recorded_at, c.controller, c.legal_basis) ORDER BY c.at, c.seq) FROM consents c WHERE c.subject_id = p_id),
        (SELECT json_agg(json_build_array(o.id, o.subject_id, o.purpose, o.at, o.lifted_at) ORDER BY o.at, o.seq) FROM objections o WHERE o.subject_id = p_id),
        (SELECT json_agg(json_build_array(r.subject_id, r.restricted, r.at) ORDER BY r.at, r.seq) FROM restrictions r WHERE r.subject_id = p_id),
        (SELECT json_agg(json_build_array(h.id, h.subject_id, h.reason, h.from_at, h.until_at, h.lifted_at) ORDER BY h.from_at, h.seq) FROM legal_holds h WHERE h.subject_id = p_id),
        (SELECT json_agg(json_build_array(e.subject_id, e.kind, e.event, e.at) ORDER BY e.at, e.seq) FROM relationship_events e WHERE e.subject_id = p_id),
        (SELECT json_agg(json_build_array(a.subject_id, a.recipient, a.given, a.at) ORDER BY a.at, a.seq) FROM recipient_authorisations a WHERE a.subject_id = p_id),
        (SELECT json_agg(json_build_array(g.subject_id, g.given, g.at, g.guardian_ref) ORDER BY g.at, g.seq) FROM guardian_consents g WHERE g.subject_id = p_id),
        CASE WHEN p_records THEN
            (SELECT json_agg(json_build_array(d.id, d.subject_id, d.key_owner_id, d.category, d.source, d.purpose, d.collected_at, d.expires_at, d.key_kind, d.version, encode(d.sealed, 'hex'), d.erased_at) ORDER BY d.collected_at, d.id) FROM records d WHERE d.subject_id = p_id)
        END
    FROM (SELECT 1) AS one
    LEFT JOIN subject_state_versions v ON v.subject_id = p_id
    LEFT JOIN subjects s ON s.id = p_id
    LEFT JOIN subject_keys k ON k.subject_id = s.id;
END
$$;

-- A unit of work decided on a copy of a person's state (and, when p_records is given, of their records) sends this
-- check with its writes: it raises SQLSTATE CU002 (the message names the id only) when a version is no longer the one
-- the copy was read at, and the whole batch fails.
CREATE FUNCTION require_subject_version(p_id text, p_version bigint, p_records bigint) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
AS $$
DECLARE
    v_version bigint := 0;
    v_records bigint := 0;
BEGIN
    SELECT version, records_version INTO v_version, v_records FROM subject_state_versions WHERE subject_id = p_id;
    IF COALESCE(v_version, 0) <> p_version OR (p_records IS NOT NULL AND COALESCE(v_records, 0) <> p_records) THEN
        RAISE EXCEPTION USING ERRCODE = 'CU002', MESSAGE = format('Subject %s changed since its state was read.', p_id);
    END IF;
END
$$;
