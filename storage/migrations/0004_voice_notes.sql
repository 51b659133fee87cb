-- Voice notes (and round video notes sent during the talk) are contributions too: what kind of
-- message it was, its Telegram file_id (erased with the words: retention and /forget) and its
-- length in seconds (kept, like the label: the participation picture counts it). And whether a
-- group has been told once that voice notes are counted but not read (no transcriber).

ALTER TABLE contributions ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';  -- 'text' or 'voice'
ALTER TABLE contributions ADD COLUMN file_id TEXT;
ALTER TABLE contributions ADD COLUMN duration INTEGER;                    -- seconds, voice only

ALTER TABLE groups ADD COLUMN voice_notice_at TEXT;  -- when the group was told; NULL: not yet
