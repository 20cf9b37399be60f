-- Follow-ups after closure (issue #5): scheduled at 3, 6 and 12 months when a case closes,
-- cancelled if it reopens; the outcome (including the child's own view) is sealed.
CREATE TABLE followups (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases(id),
    due_on         TEXT NOT NULL,
    done_on        TEXT,
    recorded_by    TEXT,
    outcome_sealed BLOB
);
CREATE INDEX followups_case ON followups (case_id, due_on);
