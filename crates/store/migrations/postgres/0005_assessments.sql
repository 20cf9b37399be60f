-- Assessments (issue #5): which instrument and version, when, by whom, the child's assent;
-- who was present and the answers are sealed with the child's key.
CREATE TABLE assessments (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    instrument      TEXT NOT NULL,
    version         BIGINT NOT NULL,
    assessed_on     TEXT NOT NULL,
    language        TEXT NOT NULL,
    assent          TEXT NOT NULL,
    assessor        TEXT NOT NULL,
    recorded_at     BIGINT NOT NULL,
    present_sealed  BYTEA,
    answers_sealed  BYTEA
);
CREATE INDEX assessments_case ON assessments (case_id, assessed_on);
