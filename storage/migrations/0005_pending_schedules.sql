-- A rhythm /schedule understood but an admin has not confirmed yet, for the rare rhythm whose
-- compact form does not fit in a button's 64 bytes (most ride in the button itself). Short-lived:
-- removed when answered, and after a day at the next /schedule.

CREATE TABLE pending_schedules (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    schedule    TEXT NOT NULL,   -- flows.schedule.Schedule.to_text()
    created_at  TEXT NOT NULL
);
