-- Interviews of a child other than assessments (issue #5, the repeat-interview guard): when,
-- by whom, why. Who was present and the reason for a repeat interview are sealed.
CREATE TABLE interviews (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases(id),
    held_on        TEXT NOT NULL,
    interviewer    TEXT NOT NULL,
    purpose        TEXT NOT NULL,
    present_sealed BYTEA,
    reason_sealed  BYTEA,
    recorded_at    BIGINT NOT NULL
);
CREATE INDEX interviews_case ON interviews (case_id, held_on);

-- Assessments belong to the psychosocial section (the child's) or the family section (the
-- family assessment): readers of one do not see the other.
ALTER TABLE assessments ADD COLUMN section TEXT NOT NULL DEFAULT 'psychosocial';
