-- Coaches linked through single-use invites, meeting schedules, and the nudges given.

CREATE TABLE coaches (
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    linked_at  TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE coach_invites (
    token       TEXT PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_by     INTEGER,
    used_at     TEXT
);

ALTER TABLE groups ADD COLUMN schedule TEXT;   -- flows.schedule.Schedule.to_text(), or NULL

CREATE TABLE nudges (
    id          INTEGER PRIMARY KEY,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    user_id     INTEGER,
    kind        TEXT NOT NULL,
    message_id  INTEGER,
    at          TEXT NOT NULL
);
