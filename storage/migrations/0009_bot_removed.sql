-- When the bot was removed from the group's chat (NULL while it is in): added again, it says
-- it is back, where a chat that merely got a new id (an upgrade to a supergroup, which Telegram
-- also reports as "the bot joined") hears nothing (bot/handlers/bot_status.py).
ALTER TABLE groups ADD COLUMN bot_removed_at TEXT;
