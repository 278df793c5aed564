-- The follow-ups of a period (the month's workbook, the follow-up list of a
-- month) are found by the day the opinion was received.  Without an index
-- each such list read every follow-up ever kept: 12,420 rows of a year on
-- 100,000 units for the month's 1,046.  pd_survey_followup_list() bounds
-- the range on both sides so that SQLite searches this index.
CREATE INDEX IF NOT EXISTS survey_followup_received ON survey_followup (received_on);
