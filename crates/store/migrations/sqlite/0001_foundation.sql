-- Pelita foundation schema (SQLite). Personal data is never stored in plaintext: names, dates of
-- birth, narratives and notes are sealed with the child's data key (columns ending in _sealed).
-- Times are microseconds since 1970-01-01 UTC.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE agencies (
    id           TEXT PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    sector       TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    agency_id     TEXT REFERENCES agencies(id),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE children (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    wrapped_key     BLOB,               -- NULL once erased: the child is unreadable everywhere
    identity_sealed BLOB,
    sex             TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    erased_at       INTEGER
);

CREATE TABLE cases (
    id              TEXT PRIMARY KEY,
    child_id        TEXT NOT NULL REFERENCES children(id),
    agency_id       TEXT NOT NULL REFERENCES agencies(id),
    reference       TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL,
    priority        TEXT NOT NULL,
    priority_sealed BLOB,               -- the reason, which may describe the child
    assigned_to     TEXT REFERENCES users(id),
    victim_since    INTEGER,            -- recognised victim status; never set back to NULL
    circumstances_sealed BLOB,
    reopened        INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX cases_assigned ON cases (assigned_to, status);
CREATE INDEX cases_child ON cases (child_id);
CREATE INDEX cases_agency ON cases (agency_id, status);

-- Victim status is permanent in the domain; the database refuses to undo it as well.
CREATE TRIGGER cases_victim_status_permanent
BEFORE UPDATE OF victim_since ON cases
WHEN OLD.victim_since IS NOT NULL AND (NEW.victim_since IS NULL OR NEW.victim_since <> OLD.victim_since)
BEGIN
    SELECT RAISE(ABORT, 'recognised victim status cannot be removed');
END;

CREATE TABLE case_counters (
    agency_id TEXT NOT NULL REFERENCES agencies(id),
    year      INTEGER NOT NULL,
    next      INTEGER NOT NULL,
    PRIMARY KEY (agency_id, year)
);

CREATE TABLE case_notes (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    author      TEXT NOT NULL,
    body_sealed BLOB,
    created_at  INTEGER NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at);

-- Keyed hashes of name search keys: no name can be read from them without the deployment key.
CREATE TABLE name_index (
    h         INTEGER NOT NULL,
    child_seq INTEGER NOT NULL,
    PRIMARY KEY (h, child_seq)
) WITHOUT ROWID;
CREATE INDEX name_index_child ON name_index (child_seq);

CREATE TABLE erasures (
    child_id  TEXT PRIMARY KEY,
    erased_at INTEGER NOT NULL,
    erased_by TEXT NOT NULL
);

CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
);
