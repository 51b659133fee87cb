-- The summaries the bot sent of a cycle, in the group and to each coach, once Telegram took
-- them: a member's /forget edits them without that member's words (SPEC 6: members can
-- delete their own data; before, the summaries kept their quotes). No words are kept here.
CREATE TABLE summary_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX summary_messages_cycle ON summary_messages (cycle_id);
