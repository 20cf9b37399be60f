-- Search ranks the children a reader may see, not the deployment's first few filtered
-- afterwards: each index row carries the code of the agency holding the child's case, so a
-- worker's search reads her agency's children by a range of the key (h, agency); children she
-- sees through a case of her own are read by their sequence numbers (a liaison's, those she
-- handed over: hence the index on handed_over_by).
--
-- The keys changed as well (old spellings), so the index is not copied: the store rebuilds it
-- from the sealed names at its next start, before it serves (`search::rebuild_if_stale`,
-- which finds no version of the keys in `meta`).
DROP TABLE name_index;
CREATE TABLE name_index (
    h         INTEGER NOT NULL,
    agency    TEXT NOT NULL,
    child_seq INTEGER NOT NULL,
    PRIMARY KEY (h, agency, child_seq)
) WITHOUT ROWID;
CREATE INDEX name_index_child ON name_index (child_seq);
CREATE INDEX cases_handed_over ON cases (handed_over_by);
DELETE FROM meta WHERE key = 'name_keys_version';
