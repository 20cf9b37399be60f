-- Case conferences, tasks, households (issue #5). A conference's record (participants,
-- minutes, decisions, dissent) is sealed with the child's key; the kinds of decision taken are
-- kept in the clear for indicators. Tasks come from conferences; their text is sealed too.
CREATE TABLE conferences (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases(id),
    held_on        TEXT NOT NULL,
    decision_kinds TEXT NOT NULL,
    record_sealed  BYTEA NOT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    BIGINT NOT NULL
);
CREATE INDEX conferences_case ON conferences (case_id, held_on);

CREATE TABLE tasks (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    assignee    TEXT NOT NULL REFERENCES users(id),
    priority    TEXT NOT NULL,
    due_at      BIGINT NOT NULL,
    text_sealed BYTEA NOT NULL,
    source      TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    done_at     BIGINT,
    done_by     TEXT
);
CREATE INDEX tasks_open ON tasks (assignee, due_at) WHERE done_at IS NULL;
CREATE INDEX tasks_case ON tasks (case_id);

-- The child's household and family members (family section), sealed.
CREATE TABLE households (
    case_id          TEXT PRIMARY KEY REFERENCES cases(id),
    living           TEXT,
    household_sealed BYTEA NOT NULL,
    updated_by       TEXT NOT NULL,
    updated_at       BIGINT NOT NULL
);
