-- The individual reintegration plan (issue #5): the current plan of a case, sealed with the
-- child's key; its history is in the audit chain. Saving an approved plan makes it a draft
-- again, to be approved anew.
CREATE TABLE plans (
    case_id      TEXT PRIMARY KEY REFERENCES cases(id),
    status       TEXT NOT NULL,
    plan_sealed  BYTEA,
    review_on    TEXT,
    updated_by   TEXT NOT NULL,
    updated_at   BIGINT NOT NULL,
    approved_by  TEXT,
    approved_at  BIGINT
);
