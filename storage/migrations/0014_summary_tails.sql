-- The words that end a group summary and name no member's contribution (its next-turn line):
-- kept with where it was sent, so that a /forget's edit ends the summary as it was sent.
ALTER TABLE summary_messages ADD COLUMN tail TEXT NOT NULL DEFAULT '';
