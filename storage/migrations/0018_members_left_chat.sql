-- A member who left the group by leaving the Telegram chat (a mis-tap, or removed by an admin),
-- not by /leave: added back soon after, they are a member again as they were, agreement kept
-- (storage.members.came_back), where they were welcomed as strangers (review ux21).
ALTER TABLE members ADD COLUMN left_chat INTEGER NOT NULL DEFAULT 0;
