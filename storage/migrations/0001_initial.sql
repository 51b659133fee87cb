-- Groups, members, cycles and their contributions, timers and processed updates.
-- Times are ISO 8601 strings in UTC.

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    thread_id   INTEGER NOT NULL DEFAULT 0,   -- forum topic; 0 for a plain group chat
    title       TEXT NOT NULL DEFAULT '',
    settings    TEXT NOT NULL DEFAULT '{}',   -- JSON: only the values that differ from defaults
    created_at  TEXT NOT NULL,
    UNIQUE (chat_id, thread_id)
);

CREATE TABLE users (
    user_id          INTEGER PRIMARY KEY,
    name             TEXT NOT NULL DEFAULT '',
    language         TEXT,
    started_private  INTEGER NOT NULL DEFAULT 0,  -- may the bot write to them privately?
    updated_at       TEXT NOT NULL
);

CREATE TABLE members (
    group_id      INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    name          TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    agreed_at     TEXT,
    turns         INTEGER NOT NULL DEFAULT 0,
    last_turn_at  TEXT,
    skip_next     INTEGER NOT NULL DEFAULT 0,
    joined_at     TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE cycles (
    id                 INTEGER PRIMARY KEY,
    group_id           INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    inbrenger_id       INTEGER NOT NULL,
    number             INTEGER NOT NULL,          -- the inbrenger's 1st, 2nd, ... cycle
    phase              TEXT NOT NULL,
    learning_question  TEXT,
    commitment         TEXT,
    data               TEXT NOT NULL DEFAULT '{}', -- the rest of the cycle state, as JSON
    created_at         TEXT NOT NULL,
    phase_started_at   TEXT NOT NULL,
    closed_at          TEXT
);
-- A group has at most one open cycle: the database refuses a second one.
CREATE UNIQUE INDEX cycles_one_open_per_group ON cycles (group_id)
    WHERE phase NOT IN ('closed', 'cancelled');
CREATE INDEX cycles_by_inbrenger ON cycles (group_id, inbrenger_id);

CREATE TABLE cycle_transitions (
    id          INTEGER PRIMARY KEY,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    from_phase  TEXT,
    to_phase    TEXT NOT NULL,
    event       TEXT NOT NULL,
    actor_id    INTEGER,
    at          TEXT NOT NULL
);

CREATE TABLE contributions (
    id          INTEGER PRIMARY KEY,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    phase       TEXT NOT NULL,
    message_id  INTEGER NOT NULL,
    text        TEXT,
    label       TEXT,
    nudged      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    UNIQUE (cycle_id, message_id)               -- a redelivered message is stored once
);

CREATE TABLE timers (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    event     TEXT NOT NULL,
    payload   TEXT NOT NULL DEFAULT '{}',
    due_at    TEXT NOT NULL,
    fired_at  TEXT,
    UNIQUE (group_id, name)
);
CREATE INDEX timers_pending ON timers (due_at) WHERE fired_at IS NULL;

CREATE TABLE processed_updates (
    update_id     INTEGER PRIMARY KEY,
    processed_at  TEXT NOT NULL
);
