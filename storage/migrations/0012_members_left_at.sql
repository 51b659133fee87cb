-- When a member left the group (/leave, or left the chat), so that a report of an earlier
-- cycle names who was a member while it ran and no one who came later or had gone before.
-- Members who left before this was kept have none (storage.members.named: not known).
ALTER TABLE members ADD COLUMN left_at TEXT;
