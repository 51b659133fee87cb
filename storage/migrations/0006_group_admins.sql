-- The chat's administrators as last seen at /setup (Telegram's getChatAdministrators), so that
-- when the bot is removed from the chat (and can no longer ask) the admins still hear privately
-- that the group stopped. Only ids: names come from users, and /forget removes a person's rows.

CREATE TABLE group_admins (
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
