-- 040-survey-response-total-unindexed.sql: the covering index of the
-- forms' totals by day (026) has had no reader since the month per
-- building moved to survey_building_day_total (039): the triggers find a
-- form's totals by response_id, the statistics read the day tables.  Every
-- keyed answer still rewrote its entry (valid, satisfied and score_sum are
-- in it); without it, re-inserting 190,012 answers in the sqlite3 shell
-- takes 1.14 s instead of 1.35 s (1.08 s before 039; medians of 5)
-- (issue 8).  A replay of 026 makes the index again and this drops it
-- again.
DROP INDEX IF EXISTS survey_response_total_date;
