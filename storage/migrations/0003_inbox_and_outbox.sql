-- The inbox: every update Telegram gave the bot, stored before Telegram is told it arrived,
-- and marked handled in the same transaction as its effects. The outbox: every Bot API call
-- a decision made, stored in that same transaction and delivered after the commit.

CREATE TABLE inbox (
    update_id    INTEGER PRIMARY KEY,
    lane         INTEGER NOT NULL,  -- the chat the update belongs to; 0 when it has none
    payload      TEXT,              -- the update as JSON; NULL once handled (someone's words)
    received_at  TEXT NOT NULL,
    handled_at   TEXT
);
CREATE INDEX inbox_waiting ON inbox (lane, update_id) WHERE handled_at IS NULL;
CREATE INDEX inbox_handled ON inbox (handled_at) WHERE handled_at IS NOT NULL;

-- Updates handled before the inbox existed stay recognised when Telegram delivers them again.
INSERT INTO inbox (update_id, lane, payload, received_at, handled_at)
    SELECT update_id, 0, NULL, processed_at, processed_at FROM processed_updates;
DROP TABLE processed_updates;

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order of delivery within a lane
    lane        INTEGER NOT NULL,                   -- the chat it goes to
    payload     TEXT NOT NULL,                      -- JSON: what to send (bot/engine/outgoing.py)
    created_at  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    failed_at   TEXT,                               -- Telegram refused it for good
    error       TEXT
);
CREATE INDEX outbox_waiting ON outbox (lane, id) WHERE failed_at IS NULL;
