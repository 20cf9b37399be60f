-- Search ranks the children a reader may see, not the deployment's first few filtered
-- afterwards: each index row carries the code of the agency holding the child's case, so a
-- worker's search reads her agency's children by a range of the key (h, agency); children she
-- sees through a case of her own are read by their sequence numbers (a liaison's, those she
-- handed over: hence the index on handed_over_by).
CREATE TABLE name_index_scoped (
    h         INTEGER NOT NULL,
    agency    TEXT NOT NULL,
    child_seq INTEGER NOT NULL,
    PRIMARY KEY (h, agency, child_seq)
) WITHOUT ROWID;
INSERT INTO name_index_scoped (h, agency, child_seq)
SELECT DISTINCT n.h, a.code, n.child_seq
FROM name_index n
JOIN children ch ON ch.seq = n.child_seq
JOIN cases c ON c.child_id = ch.id
JOIN agencies a ON a.id = c.agency_id;
DROP TABLE name_index;
ALTER TABLE name_index_scoped RENAME TO name_index;
CREATE INDEX name_index_child ON name_index (child_seq);
CREATE INDEX cases_handed_over ON cases (handed_over_by);
