-- The nudges the bot sent in the group, once Telegram took them, and the member's message each
-- answers: when the member edits that message into what the nudge asked for, the public nudge
-- is edited too (review ux21 #5: it kept quoting words no longer there). No words are kept.
CREATE TABLE nudge_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    answers     INTEGER NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX nudge_messages_answers ON nudge_messages (cycle_id, answers);
