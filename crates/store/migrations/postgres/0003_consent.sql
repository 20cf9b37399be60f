-- The consent ledger (issue #5): entries are only ever added; withdrawal is an entry of its
-- own. Purpose, giver, decision and dates stay in clear for the ledger's rules and for
-- indicators; the note (how it was explained, who was present) is sealed with the child's key.
CREATE TABLE consents (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    purpose     TEXT NOT NULL,
    giver       TEXT NOT NULL,
    decision    TEXT NOT NULL,
    given_on    TEXT NOT NULL,
    expires_on  TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at BIGINT NOT NULL,
    note_sealed BYTEA
);
CREATE INDEX consents_case ON consents (case_id, recorded_at);
