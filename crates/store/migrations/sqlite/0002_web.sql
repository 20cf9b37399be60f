-- Sign-in, sessions, tokens, the access log and alerts (SQLite).

ALTER TABLE users ADD COLUMN totp_sealed BLOB;          -- TOTP secret, sealed with the system key
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;  -- no code is accepted twice
ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE cases ADD COLUMN handed_over_by TEXT REFERENCES users(id);

-- Only a hash of each session token is stored: a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash    BLOB PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users(id),
    created_at    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    reauth_at     INTEGER NOT NULL,
    second_factor INTEGER NOT NULL,
    csrf          TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    username     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER NOT NULL,
    last_at      INTEGER NOT NULL
);

CREATE TABLE access_tokens (
    token_hash BLOB PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    user_id    TEXT NOT NULL REFERENCES users(id),
    label      TEXT NOT NULL,
    scope      TEXT NOT NULL,           -- 'read' or 'read_write'
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER
);

-- Every read of a sensitive section: who, when, which case and section, and why when the
-- policy asked for a justification.
CREATE TABLE access_log (
    seq           INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    reader        TEXT NOT NULL,
    case_id       TEXT NOT NULL,
    section       TEXT NOT NULL,
    justification TEXT
);
CREATE INDEX access_log_case ON access_log (case_id, at);
CREATE INDEX access_log_reader ON access_log (reader, at);

CREATE TABLE alerts (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    case_id    TEXT,
    kind       TEXT NOT NULL,
    detail     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX alerts_user ON alerts (user_id, read_at);

-- Notes belong to a section, so that need-to-know applies to them too.
ALTER TABLE case_notes ADD COLUMN section TEXT NOT NULL DEFAULT 'plan';

-- Professionals of other services working on a case with the lead worker (teacher, health
-- worker, psychologist, probation officer): they stand to the case as assigned.
CREATE TABLE case_team (
    case_id  TEXT NOT NULL REFERENCES cases(id),
    user_id  TEXT NOT NULL REFERENCES users(id),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user ON case_team (user_id);

-- A case's history is read from the audit chain by subject.
CREATE INDEX audit_events_subject ON audit_events (subject, seq);
