-- Children who travelled or were born abroad, and repatriation (issue #7). Every record is
-- sealed with the child's key. Kept in the clear, for the workflow and the indicators: flags
-- (documented, birth registered), the nationality status, and dates; never a place, a name
-- or a finding.
CREATE TABLE origins (
    case_id              TEXT PRIMARY KEY REFERENCES cases(id),
    origin_sealed        BLOB NOT NULL,
    documented           INTEGER NOT NULL,
    birth_registered     INTEGER NOT NULL,
    nationality          TEXT NOT NULL,
    identity_verified_on TEXT,
    nationality_on       TEXT,
    updated_by           TEXT NOT NULL,
    updated_at           INTEGER NOT NULL
);
-- One row per child being repatriated; children who travel together share a group.
CREATE TABLE repatriations (
    case_id      TEXT PRIMARY KEY REFERENCES cases(id),
    group_id     TEXT NOT NULL,
    steps        TEXT NOT NULL,
    notes_sealed BLOB NOT NULL,
    arrived_on   TEXT,
    received_on  TEXT,
    placement    TEXT,
    placed_on    TEXT,
    opened_by    TEXT NOT NULL,
    opened_at    INTEGER NOT NULL
);
CREATE INDEX repatriations_group ON repatriations (group_id);
-- Best-interests assessments and panel determinations.
CREATE TABLE best_interests (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES cases(id),
    kind          TEXT NOT NULL,
    question      TEXT,
    dated         TEXT NOT NULL,
    record_sealed BLOB NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   INTEGER NOT NULL
);
CREATE INDEX best_interests_case ON best_interests (case_id, kind, dated);
CREATE TABLE reception_stays (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    admitted_on TEXT NOT NULL,
    next_review TEXT,
    released_on TEXT,
    released_to TEXT,
    stay_sealed BLOB NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX reception_stays_case ON reception_stays (case_id);
CREATE INDEX reception_stays_review ON reception_stays (next_review);
