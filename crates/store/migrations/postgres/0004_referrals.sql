-- Referrals between agencies (issue #5). The reason, the answer's reason, the feedback and a
-- consent override's justification may describe the child: sealed with the child's key.
CREATE TABLE referrals (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    to_agency       TEXT NOT NULL REFERENCES agencies(id),
    sections        TEXT NOT NULL,
    status          TEXT NOT NULL,
    reason_sealed   BYTEA,
    created_by      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    override_by     TEXT,
    override_sealed BYTEA,
    answered_by     TEXT,
    answered_at     BIGINT,
    answer_sealed   BYTEA,
    feedback_sealed BYTEA,
    completed_at    BIGINT
);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_to ON referrals (to_agency, status);
