-- Break-glass justifications are sealed with the child's key (they often name the child or
-- their situation): erasure reaches them. Rows written before this release are sealed by the
-- store at start (`Store::open`), and their plaintext column cleared.
ALTER TABLE access_log ADD COLUMN justification_sealed BLOB;
-- Only rows still holding plaintext: finding them at start is a lookup, not a scan.
CREATE INDEX access_log_plaintext ON access_log (seq) WHERE justification IS NOT NULL;

-- Refused reads: probing leaves a trace, and a pattern of refusals alerts the auditors.
CREATE TABLE refusals (
    seq     INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    reader  TEXT NOT NULL,
    case_id TEXT NOT NULL,
    section TEXT NOT NULL
);
CREATE INDEX refusals_reader ON refusals (reader, at);
