-- A finished cycle whose inbrenger erased their words (/forget) is marked so in its data:
-- its summaries then say the commitment was erased rather than "none confirmed", and never
-- name the inbrenger again, not even by a new name when they join once more (review ux20).
-- The cycles of those who erased everything before the mark existed are marked here.
UPDATE cycles SET data = json_set(data, '$.erased_by_inbrenger', json('true'))
 WHERE phase IN ('closed', 'cancelled')
   AND EXISTS (SELECT 1 FROM members m
                WHERE m.group_id = cycles.group_id AND m.user_id = cycles.inbrenger_id
                  AND m.name = '—' AND m.active = 0);
