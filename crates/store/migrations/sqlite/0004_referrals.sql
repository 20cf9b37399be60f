-- Referrals between agencies (issue #5). The reason, the answer's reason, the feedback and a
-- consent override's justification may describe the child: sealed with the child's key.
CREATE TABLE referrals (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    to_agency       TEXT NOT NULL REFERENCES agencies(id),
    sections        TEXT NOT NULL,
    status          TEXT NOT NULL,
    reason_sealed   BLOB,
    created_by      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    override_by     TEXT,
    override_sealed BLOB,
    answered_by     TEXT,
    answered_at     INTEGER,
    answer_sealed   BLOB,
    feedback_sealed BLOB,
    completed_at    INTEGER
);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_to ON referrals (to_agency, status);
