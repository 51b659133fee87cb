-- The bot's messages that still show buttons of a cycle, recorded when Telegram accepted them
-- (only then is the message id known), so that buttons that have done their work can be taken
-- away from every message that shows them: the previous prompt's after a typed /next, a
-- second copy of a question (bot/engine/live_buttons.py). Short-lived: a row goes when its
-- last button goes, and every row of a cycle goes when the cycle closes or stops.

CREATE TABLE button_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    html        TEXT NOT NULL,   -- the words as they read now, for a line under them
    buttons     TEXT NOT NULL,   -- JSON rows of [label, callback data], as shown now
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX button_messages_of_cycle ON button_messages (cycle_id);
