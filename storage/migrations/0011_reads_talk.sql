-- Whether the bot can read the group's talk (not only commands): with Telegram's privacy mode
-- on, it reads a group only as its admin. 0 once /setup or a lost admin role showed it cannot
-- (a cycle then would ask for a clip the bot never sees); NULL where nothing said so.
ALTER TABLE groups ADD COLUMN reads_talk INTEGER;
