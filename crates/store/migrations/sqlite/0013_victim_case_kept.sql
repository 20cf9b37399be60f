-- Victim status holds on every path, not only UPDATE (issue 13 item 12). `REPLACE INTO cases`
-- is a delete and an insert: it went past the update trigger and brought a recognised victim
-- back as not a victim. A case row is inserted once, changed in place and never deleted
-- (erasure empties its sealed columns and keeps the row), so:

-- No case is deleted. (SQLite fires delete triggers for the rows a REPLACE removes only under
-- `PRAGMA recursive_triggers`, which a connection chooses for itself: the insert trigger below
-- is what stops a REPLACE.)
CREATE TRIGGER cases_never_deleted
BEFORE DELETE ON cases
BEGIN
    SELECT RAISE(ABORT, 'a case is never deleted');
END;

-- No insert meets an existing case: a plain INSERT would fail on the key anyway, so this only
-- refuses REPLACE, INSERT OR REPLACE and upserts, which run before the conflict is resolved.
CREATE TRIGGER cases_never_replaced
BEFORE INSERT ON cases
WHEN EXISTS (SELECT 1 FROM cases WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM cases WHERE reference = NEW.reference)
BEGIN
    SELECT RAISE(ABORT, 'a case is never replaced');
END;

-- A case keeps its id and reference: re-keying would move its history away, and
-- `UPDATE OR REPLACE … SET reference` onto another case deletes that case without a trigger.
CREATE TRIGGER cases_keys_fixed
BEFORE UPDATE OF id, reference ON cases
WHEN NEW.id IS NOT OLD.id OR NEW.reference IS NOT OLD.reference
BEGIN
    SELECT RAISE(ABORT, 'a case keeps its id and reference');
END;
