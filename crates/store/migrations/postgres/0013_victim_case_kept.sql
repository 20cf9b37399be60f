-- Victim status holds on every path, not only UPDATE OF victim_since (issue 13 item 12). A
-- case row is inserted once, changed in place and never deleted (erasure empties its sealed
-- columns and keeps the row). PostgreSQL has no REPLACE; the paths are DELETE (then INSERT),
-- TRUNCATE, UPDATE, and INSERT … ON CONFLICT DO UPDATE and MERGE, which run the update
-- triggers. A plain INSERT onto an existing case fails on the key.

CREATE FUNCTION cases_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$ LANGUAGE plpgsql;

-- No case is deleted, row by row or by TRUNCATE (which fires no row trigger).
CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION cases_refuse('a case is never deleted');
CREATE TRIGGER cases_never_truncated BEFORE TRUNCATE ON cases
    FOR EACH STATEMENT EXECUTE FUNCTION cases_refuse('a case is never deleted');

-- A case keeps its id and reference: re-keying would move its history away.
CREATE TRIGGER cases_keys_fixed BEFORE UPDATE OF id, reference ON cases
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.reference IS DISTINCT FROM OLD.reference)
    EXECUTE FUNCTION cases_refuse('a case keeps its id and reference');

-- The row as finally written, whichever statement or other trigger shaped it: the BEFORE
-- UPDATE OF victim_since trigger of 0001 fires only when the column is named in SET, and a
-- BEFORE trigger that runs after it could still change NEW.
CREATE FUNCTION cases_victim_status_kept() RETURNS trigger AS $$
BEGIN
    IF OLD.victim_since IS NOT NULL AND NEW.victim_since IS DISTINCT FROM OLD.victim_since THEN
        RAISE EXCEPTION 'recognised victim status cannot be removed';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cases_victim_status_kept AFTER UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION cases_victim_status_kept();
