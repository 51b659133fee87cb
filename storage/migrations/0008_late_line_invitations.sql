-- The bot's invitations to add a missed look-back line ("reply to this message"), recorded when
-- Telegram accepted them (only then is the message id known): a reply to one of these, and to
-- no other message of the bot, is a late line of that cycle, also when the next cycle is
-- already open (bot/handlers/cycle.py). They hold no words; they go a week after they were sent.
CREATE TABLE late_line_invitations (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX late_line_invitations_sent ON late_line_invitations (sent_at);
