-- 033-survey-item-totals.sql: the item answers counted per day, campaign,
-- item and score, kept by triggers.  A month's per-item statistics read a
-- few thousand of these rows instead of grouping its ~100,000 answers with
-- a sorter (issue 8).  Derived data, not audited: every row follows from
-- the audited survey_response and survey_answer rows.  A key holds a row
-- only while it counts at least one answer.  Written to run again
-- harmlessly: a replay rebuilds the totals from the answers.

CREATE TABLE IF NOT EXISTS survey_item_day_total (
  answered_on TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  item_id     INTEGER NOT NULL,
  score       INTEGER NOT NULL,
  answers     INTEGER NOT NULL,
  PRIMARY KEY (answered_on, campaign_id, item_id, score)
) WITHOUT ROWID;

-- One answer more or less under its form's day and campaign.
CREATE TRIGGER IF NOT EXISTS survey_item_total_answer_insert AFTER INSERT ON survey_answer BEGIN
  INSERT INTO survey_item_day_total (answered_on, campaign_id, item_id, score, answers)
  SELECT r.answered_on, r.campaign_id, new.item_id, new.score, 1 FROM survey_response r
  WHERE r.id = new.response_id
  ON CONFLICT (answered_on, campaign_id, item_id, score) DO UPDATE SET answers = answers + 1;
END;
CREATE TRIGGER IF NOT EXISTS survey_item_total_answer_delete AFTER DELETE ON survey_answer BEGIN
  UPDATE survey_item_day_total SET answers = answers - 1
  WHERE (answered_on, campaign_id) = (SELECT answered_on, campaign_id FROM survey_response WHERE id = old.response_id)
    AND item_id = old.item_id AND score = old.score;
  DELETE FROM survey_item_day_total
  WHERE (answered_on, campaign_id) = (SELECT answered_on, campaign_id FROM survey_response WHERE id = old.response_id)
    AND item_id = old.item_id AND score = old.score AND answers = 0;
END;
CREATE TRIGGER IF NOT EXISTS survey_item_total_answer_update
AFTER UPDATE OF response_id, item_id, score ON survey_answer BEGIN
  UPDATE survey_item_day_total SET answers = answers - 1
  WHERE (answered_on, campaign_id) = (SELECT answered_on, campaign_id FROM survey_response WHERE id = old.response_id)
    AND item_id = old.item_id AND score = old.score;
  DELETE FROM survey_item_day_total
  WHERE (answered_on, campaign_id) = (SELECT answered_on, campaign_id FROM survey_response WHERE id = old.response_id)
    AND item_id = old.item_id AND score = old.score AND answers = 0;
  INSERT INTO survey_item_day_total (answered_on, campaign_id, item_id, score, answers)
  SELECT r.answered_on, r.campaign_id, new.item_id, new.score, 1 FROM survey_response r
  WHERE r.id = new.response_id
  ON CONFLICT (answered_on, campaign_id, item_id, score) DO UPDATE SET answers = answers + 1;
END;
-- A form moved to another day or campaign takes its answers along.
CREATE TRIGGER IF NOT EXISTS survey_item_total_response_update
AFTER UPDATE OF answered_on, campaign_id ON survey_response
WHEN old.answered_on IS NOT new.answered_on OR old.campaign_id IS NOT new.campaign_id BEGIN
  UPDATE survey_item_day_total SET answers = answers -
    (SELECT count(*) FROM survey_answer a WHERE a.response_id = new.id
     AND a.item_id = survey_item_day_total.item_id AND a.score = survey_item_day_total.score)
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id;
  DELETE FROM survey_item_day_total
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id AND answers = 0;
  INSERT INTO survey_item_day_total (answered_on, campaign_id, item_id, score, answers)
  SELECT new.answered_on, new.campaign_id, a.item_id, a.score, count(*) FROM survey_answer a
  WHERE a.response_id = new.id GROUP BY a.item_id, a.score
  ON CONFLICT (answered_on, campaign_id, item_id, score) DO UPDATE SET answers = answers + excluded.answers;
END;

DELETE FROM survey_item_day_total;
INSERT INTO survey_item_day_total (answered_on, campaign_id, item_id, score, answers)
SELECT r.answered_on, r.campaign_id, a.item_id, a.score, count(*)
FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
WHERE true GROUP BY r.answered_on, r.campaign_id, a.item_id, a.score;
