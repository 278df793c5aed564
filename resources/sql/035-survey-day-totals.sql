-- 035-survey-day-totals.sql: the forms' totals summed per day and campaign,
-- and the target units counted per campaign and building, both kept by
-- triggers.  The statistics workbook's 12-month trend walked a year of forms
-- (~100,000 rows) and counted every month's targets (~400,000 rows in all),
-- and its month per building looked up the building of every target unit
-- (~33,000); they now read a few hundred day rows and a few hundred
-- building rows per campaign (issue 8).  The campaigns of a period (those
-- whose forms fall in it) are found here too, not in a month of forms.
-- Derived data, not audited: every row follows from survey_response_total
-- (026, itself kept from the audited forms and answers) and the audited
-- survey_target, unit and entrance rows.  A row exists only while it counts
-- at least one form or target.  Written to run again harmlessly: a replay
-- rebuilds both tables.

CREATE TABLE IF NOT EXISTS survey_day_total (
  answered_on TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  forms       INTEGER NOT NULL,
  opinions    INTEGER NOT NULL,
  valid       INTEGER NOT NULL,
  satisfied   INTEGER NOT NULL,
  score_sum   INTEGER NOT NULL,
  PRIMARY KEY (answered_on, campaign_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS survey_building_target_total (
  campaign_id INTEGER NOT NULL,
  building_id INTEGER NOT NULL,
  targets     INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, building_id)
) WITHOUT ROWID;

-- A form's totals in, out, or changed (a form moved, an answer keyed).
CREATE TRIGGER IF NOT EXISTS survey_day_total_insert AFTER INSERT ON survey_response_total BEGIN
  INSERT INTO survey_day_total (answered_on, campaign_id, forms, opinions, valid, satisfied, score_sum)
  VALUES (new.answered_on, new.campaign_id, 1, new.opinion, new.valid, new.satisfied, new.score_sum)
  ON CONFLICT (answered_on, campaign_id) DO UPDATE SET forms = forms + 1,
    opinions = opinions + excluded.opinions, valid = valid + excluded.valid,
    satisfied = satisfied + excluded.satisfied, score_sum = score_sum + excluded.score_sum;
END;
CREATE TRIGGER IF NOT EXISTS survey_day_total_delete AFTER DELETE ON survey_response_total BEGIN
  UPDATE survey_day_total SET forms = forms - 1, opinions = opinions - old.opinion,
    valid = valid - old.valid, satisfied = satisfied - old.satisfied, score_sum = score_sum - old.score_sum
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id;
  DELETE FROM survey_day_total
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id AND forms = 0;
END;
CREATE TRIGGER IF NOT EXISTS survey_day_total_update
AFTER UPDATE OF answered_on, campaign_id, opinion, valid, satisfied, score_sum ON survey_response_total BEGIN
  UPDATE survey_day_total SET forms = forms - 1, opinions = opinions - old.opinion,
    valid = valid - old.valid, satisfied = satisfied - old.satisfied, score_sum = score_sum - old.score_sum
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id;
  DELETE FROM survey_day_total
  WHERE answered_on = old.answered_on AND campaign_id = old.campaign_id AND forms = 0;
  INSERT INTO survey_day_total (answered_on, campaign_id, forms, opinions, valid, satisfied, score_sum)
  VALUES (new.answered_on, new.campaign_id, 1, new.opinion, new.valid, new.satisfied, new.score_sum)
  ON CONFLICT (answered_on, campaign_id) DO UPDATE SET forms = forms + 1,
    opinions = opinions + excluded.opinions, valid = valid + excluded.valid,
    satisfied = satisfied + excluded.satisfied, score_sum = score_sum + excluded.score_sum;
END;

-- A target unit more or less, under its unit's building.  A row exists
-- only while it counts at least one target.
CREATE TRIGGER IF NOT EXISTS survey_target_total_insert AFTER INSERT ON survey_target BEGIN
  INSERT INTO survey_building_target_total (campaign_id, building_id, targets)
  SELECT new.campaign_id, e.building_id, 1 FROM unit u JOIN entrance e ON e.id = u.entrance_id
  WHERE u.id = new.unit_id
  ON CONFLICT (campaign_id, building_id) DO UPDATE SET targets = targets + 1;
END;
CREATE TRIGGER IF NOT EXISTS survey_target_total_delete AFTER DELETE ON survey_target BEGIN
  UPDATE survey_building_target_total SET targets = targets - 1
  WHERE campaign_id = old.campaign_id AND building_id =
    (SELECT e.building_id FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = old.unit_id);
  DELETE FROM survey_building_target_total WHERE campaign_id = old.campaign_id AND targets = 0;
END;
CREATE TRIGGER IF NOT EXISTS survey_target_total_update AFTER UPDATE OF campaign_id, unit_id ON survey_target BEGIN
  UPDATE survey_building_target_total SET targets = targets - 1
  WHERE campaign_id = old.campaign_id AND building_id =
    (SELECT e.building_id FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = old.unit_id);
  DELETE FROM survey_building_target_total WHERE campaign_id = old.campaign_id AND targets = 0;
  INSERT INTO survey_building_target_total (campaign_id, building_id, targets)
  SELECT new.campaign_id, e.building_id, 1 FROM unit u JOIN entrance e ON e.id = u.entrance_id
  WHERE u.id = new.unit_id
  ON CONFLICT (campaign_id, building_id) DO UPDATE SET targets = targets + 1;
END;
-- A unit moved to another entrance, or an entrance to another building,
-- takes its targets along (rare: a correction of the estate's layout).
CREATE TRIGGER IF NOT EXISTS survey_target_total_unit_moved
AFTER UPDATE OF entrance_id ON unit WHEN old.entrance_id IS NOT new.entrance_id BEGIN
  UPDATE survey_building_target_total SET targets = targets -
    (SELECT count(*) FROM survey_target t WHERE t.unit_id = new.id
     AND t.campaign_id = survey_building_target_total.campaign_id)
  WHERE building_id = (SELECT building_id FROM entrance WHERE id = old.entrance_id);
  DELETE FROM survey_building_target_total WHERE targets = 0;
  INSERT INTO survey_building_target_total (campaign_id, building_id, targets)
  SELECT t.campaign_id, (SELECT building_id FROM entrance WHERE id = new.entrance_id), count(*)
  FROM survey_target t WHERE t.unit_id = new.id GROUP BY t.campaign_id
  ON CONFLICT (campaign_id, building_id) DO UPDATE SET targets = targets + excluded.targets;
END;
CREATE TRIGGER IF NOT EXISTS survey_target_total_entrance_moved
AFTER UPDATE OF building_id ON entrance WHEN old.building_id IS NOT new.building_id BEGIN
  UPDATE survey_building_target_total SET targets = targets -
    (SELECT count(*) FROM survey_target t JOIN unit u ON u.id = t.unit_id WHERE u.entrance_id = new.id
     AND t.campaign_id = survey_building_target_total.campaign_id)
  WHERE building_id = old.building_id;
  DELETE FROM survey_building_target_total WHERE targets = 0;
  INSERT INTO survey_building_target_total (campaign_id, building_id, targets)
  SELECT t.campaign_id, new.building_id, count(*)
  FROM survey_target t JOIN unit u ON u.id = t.unit_id WHERE u.entrance_id = new.id GROUP BY t.campaign_id
  ON CONFLICT (campaign_id, building_id) DO UPDATE SET targets = targets + excluded.targets;
END;

DELETE FROM survey_day_total;
INSERT INTO survey_day_total (answered_on, campaign_id, forms, opinions, valid, satisfied, score_sum)
SELECT answered_on, campaign_id, count(*), sum(opinion), sum(valid), sum(satisfied), sum(score_sum)
FROM survey_response_total WHERE true GROUP BY answered_on, campaign_id;

DELETE FROM survey_building_target_total;
INSERT INTO survey_building_target_total (campaign_id, building_id, targets)
SELECT t.campaign_id, e.building_id, count(*)
FROM survey_target t JOIN unit u ON u.id = t.unit_id JOIN entrance e ON e.id = u.entrance_id
WHERE true GROUP BY t.campaign_id, e.building_id;
