-- Child justice (issue #6): proceedings behind the minimum-age gate, the diversion assessment
-- before formal proceedings, and the detention register (Havana r.20–22). What indicators
-- count (forum, stage, times, separation from adults, parents notified) is in the clear; the
-- offence, the order, its legal basis, the alternatives and the best-interests reasoning are
-- sealed with the child's key.
CREATE TABLE proceedings (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases(id),
    forum             TEXT NOT NULL,
    status            TEXT NOT NULL,
    offence_on        TEXT NOT NULL,
    max_penalty_years INTEGER,
    repeat_offence    INTEGER NOT NULL,
    legal_aid         INTEGER NOT NULL,
    parents_notified  INTEGER NOT NULL,
    offence_sealed    BLOB NOT NULL,
    diversion_outcome TEXT,
    diversion_sealed  BLOB,
    opened_by         TEXT NOT NULL,
    opened_at         INTEGER NOT NULL
);
CREATE INDEX proceedings_case ON proceedings (case_id);

CREATE TABLE detentions (
    id                 TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL REFERENCES cases(id),
    jurisdiction       TEXT NOT NULL,
    stage              TEXT NOT NULL,
    started_at         INTEGER NOT NULL,
    first_detention_at INTEGER NOT NULL,
    separated          INTEGER NOT NULL,
    parents_notified   INTEGER NOT NULL,
    record_sealed      BLOB NOT NULL,
    extended_at        INTEGER,
    extension_sealed   BLOB,
    last_review_at     INTEGER,
    ended_at           INTEGER,
    end_reason         TEXT,
    recorded_by        TEXT NOT NULL,
    recorded_at        INTEGER NOT NULL
);
CREATE INDEX detentions_case ON detentions (case_id, started_at);
CREATE INDEX detentions_open ON detentions (ended_at, case_id);

-- The key of a case's justice records, apart from the child's key: expungement destroys it
-- (crypto-erasure) without touching the rest of the case.
CREATE TABLE justice_keys (
    case_id      TEXT PRIMARY KEY REFERENCES cases(id),
    wrapped_key  BLOB,
    expunged_at  INTEGER,
    expunged_by  TEXT
);

-- Family contact of a child deprived of liberty (Havana r.60: visits in principle weekly, not
-- less than monthly; r.61: calls or letters at least twice a week). Dates and kinds only.
CREATE TABLE family_contacts (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    contact_on  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX family_contacts_case ON family_contacts (case_id, contact_on);

-- Sealed justice records (the case closed, or the child is 18) open only against a court
-- order recorded here, for 30 days (Havana r.19; GC24 on records).
CREATE TABLE justice_openings (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases(id),
    order_sealed BLOB NOT NULL,
    opened_by    TEXT NOT NULL,
    opened_at    INTEGER NOT NULL,
    until_at     INTEGER NOT NULL
);
CREATE INDEX justice_openings_case ON justice_openings (case_id, until_at);

-- An administrator's overrides of a jurisdiction's rule values (a law changed; the deployment's
-- time zone), each with its reason, shown beside the value and audited.
CREATE TABLE jurisdiction_overrides (
    code    TEXT NOT NULL,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    set_by  TEXT NOT NULL,
    set_at  INTEGER NOT NULL,
    PRIMARY KEY (code, key)
);

-- A diversion agreement (conditions, who monitors, until when) and what became of it.
ALTER TABLE proceedings ADD COLUMN agreement_sealed BLOB;
ALTER TABLE proceedings ADD COLUMN agreement_until TEXT;
ALTER TABLE proceedings ADD COLUMN completed_on TEXT;
ALTER TABLE proceedings ADD COLUMN breach_on TEXT;
ALTER TABLE proceedings ADD COLUMN breach_action_due TEXT;
