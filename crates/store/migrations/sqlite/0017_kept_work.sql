-- Work a person typed but could not save yet (issue 15): a form posted after their session
-- expired, kept for them to send after signing in again, and drafts of long forms saved while
-- they type. Both belong to one account, are sealed (with the child's key when they concern a
-- case, so erasure reaches them twice: deleted, and unreadable), and expire.

-- The posted form (its path and fields) is sealed as one value; case_id is set when the path
-- names a case or one of its records, NULL otherwise (then sealed with the system key).
CREATE TABLE kept_submissions (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    case_id     TEXT REFERENCES cases(id),
    body_sealed BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX kept_submissions_user ON kept_submissions (user_id, created_at);
CREATE INDEX kept_submissions_case ON kept_submissions (case_id);
CREATE INDEX kept_submissions_expiry ON kept_submissions (expires_at);

-- One draft per person, case and form; replaced at each save, deleted when the form is saved.
CREATE TABLE drafts (
    user_id       TEXT NOT NULL REFERENCES users(id),
    case_id       TEXT NOT NULL REFERENCES cases(id),
    form          TEXT NOT NULL,
    fields_sealed BLOB NOT NULL,
    saved_at      INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    PRIMARY KEY (user_id, case_id, form)
);
CREATE INDEX drafts_case ON drafts (case_id);
CREATE INDEX drafts_expiry ON drafts (expires_at);
