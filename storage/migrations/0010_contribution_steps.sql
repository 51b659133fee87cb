-- The step of the phase a contribution was said in (reality: see, strong, analysis; will:
-- commitment, lookback), so the summary's Reality can quote each step rather than only the
-- first one's observations. Contributions stored before have '' (no step known).
ALTER TABLE contributions ADD COLUMN step TEXT NOT NULL DEFAULT '';
