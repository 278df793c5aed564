-- 023-survey-totals.sql: each survey form's totals (valid answers, 很满意 +
-- 满意 answers, score sum, whether it has an opinion) next to its date,
-- campaign and unit, kept by triggers.  The monthly statistics and their
-- 12-month trend read the year's forms here through one covering index
-- instead of joining ~1.3 million item answers for every workbook (issue 8).
-- Derived data, not audited: every row follows from the audited
-- survey_response and survey_answer rows.  Written to run again harmlessly:
-- a replay rebuilds the totals from the answers.

CREATE TABLE IF NOT EXISTS survey_response_total (
  response_id INTEGER PRIMARY KEY REFERENCES survey_response (id),
  answered_on TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  unit_id     INTEGER NOT NULL,
  opinion     INTEGER NOT NULL,             -- 1: the form has an opinion
  valid       INTEGER NOT NULL DEFAULT 0,   -- answers with a score 1..5
  satisfied   INTEGER NOT NULL DEFAULT 0,   -- answers scored 5 or 4
  score_sum   INTEGER NOT NULL DEFAULT 0
);
-- Covering: a period's forms by day without reading the table.
CREATE INDEX IF NOT EXISTS survey_response_total_date ON survey_response_total
  (answered_on, campaign_id, unit_id, opinion, valid, satisfied, score_sum);

CREATE TRIGGER IF NOT EXISTS survey_total_response_insert AFTER INSERT ON survey_response BEGIN
  INSERT OR REPLACE INTO survey_response_total (response_id, answered_on, campaign_id, unit_id, opinion)
  VALUES (new.id, new.answered_on, new.campaign_id, new.unit_id, new.opinion <> '');
END;
CREATE TRIGGER IF NOT EXISTS survey_total_response_update
AFTER UPDATE OF id, answered_on, campaign_id, unit_id, opinion ON survey_response BEGIN
  UPDATE survey_response_total SET response_id = new.id, answered_on = new.answered_on,
    campaign_id = new.campaign_id, unit_id = new.unit_id, opinion = new.opinion <> ''
  WHERE response_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS survey_total_response_delete AFTER DELETE ON survey_response BEGIN
  DELETE FROM survey_response_total WHERE response_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS survey_total_answer_insert AFTER INSERT ON survey_answer BEGIN
  UPDATE survey_response_total SET valid = valid + 1, satisfied = satisfied + (new.score >= 4),
    score_sum = score_sum + new.score
  WHERE response_id = new.response_id;
END;
CREATE TRIGGER IF NOT EXISTS survey_total_answer_delete AFTER DELETE ON survey_answer BEGIN
  UPDATE survey_response_total SET valid = valid - 1, satisfied = satisfied - (old.score >= 4),
    score_sum = score_sum - old.score
  WHERE response_id = old.response_id;
END;
CREATE TRIGGER IF NOT EXISTS survey_total_answer_update AFTER UPDATE OF response_id, score ON survey_answer BEGIN
  UPDATE survey_response_total SET valid = valid - 1, satisfied = satisfied - (old.score >= 4),
    score_sum = score_sum - old.score
  WHERE response_id = old.response_id;
  UPDATE survey_response_total SET valid = valid + 1, satisfied = satisfied + (new.score >= 4),
    score_sum = score_sum + new.score
  WHERE response_id = new.response_id;
END;

INSERT OR REPLACE INTO survey_response_total
  (response_id, answered_on, campaign_id, unit_id, opinion, valid, satisfied, score_sum)
SELECT r.id, r.answered_on, r.campaign_id, r.unit_id, r.opinion <> '',
       count(a.id), coalesce (sum (a.score >= 4), 0), coalesce (sum (a.score), 0)
FROM survey_response r LEFT JOIN survey_answer a ON a.response_id = r.id
GROUP BY r.id;
