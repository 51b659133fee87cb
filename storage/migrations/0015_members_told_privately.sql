-- When the bot last wrote to a member privately about this group (a nudge, a check-in, a
-- follow-up), so that words they then write in the private chat are pointed to that group:
-- a member of two groups was pointed to the first group she joined (review ux20).
ALTER TABLE members ADD COLUMN told_privately_at TEXT;
