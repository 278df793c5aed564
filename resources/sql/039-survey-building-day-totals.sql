-- 039-survey-building-day-totals.sql: the forms' totals summed per day,
-- campaign and building of their unit, kept by triggers.  The workbook's
-- month per building looked up the unit of each of the month's forms to
-- find its entrance: 8,780 lookups in the unit table on 100,000 units, 12.5
-- of the export's 19.5 ms in SQLite.  It now reads the month's day rows of
-- each building (issue 8).
-- Derived data, not audited: every row follows from survey_response_total
-- (026) and the audited unit and entrance rows.  A row exists only while it
-- counts at least one form.  Written to run again harmlessly: a replay
-- rebuilds the table.

CREATE TABLE IF NOT EXISTS survey_building_day_total (
  answered_on TEXT NOT NULL,
  campaign_id INTEGER NOT NULL,
  building_id INTEGER NOT NULL,
  forms       INTEGER NOT NULL,
  opinions    INTEGER NOT NULL,
  valid       INTEGER NOT NULL,
  satisfied   INTEGER NOT NULL,
  PRIMARY KEY (answered_on, campaign_id, building_id)
) WITHOUT ROWID;

-- A form in, out or moved goes through this view: a row inserted into it
-- is added to the day's row of the building (created if need be), and a
-- row that counts no form any more is removed.  The triggers below only
-- say by how much, so the adding is written once.
CREATE VIEW IF NOT EXISTS survey_building_day_change AS
  SELECT answered_on, campaign_id, building_id, forms, opinions, valid, satisfied
  FROM survey_building_day_total WHERE false;
CREATE TRIGGER IF NOT EXISTS survey_building_day_change_add
INSTEAD OF INSERT ON survey_building_day_change BEGIN
  INSERT INTO survey_building_day_total (answered_on, campaign_id, building_id, forms, opinions, valid, satisfied)
  VALUES (new.answered_on, new.campaign_id, new.building_id, new.forms, new.opinions, new.valid, new.satisfied)
  ON CONFLICT (answered_on, campaign_id, building_id) DO UPDATE SET forms = forms + excluded.forms,
    opinions = opinions + excluded.opinions, valid = valid + excluded.valid, satisfied = satisfied + excluded.satisfied;
  DELETE FROM survey_building_day_total WHERE answered_on = new.answered_on AND campaign_id = new.campaign_id
    AND building_id = new.building_id AND forms = 0;
END;

-- A form in or out, or moved to another day, campaign or unit (out of its
-- old row, into its new one).  A form's building is its unit's entrance's.
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_insert AFTER INSERT ON survey_response_total BEGIN
  INSERT INTO survey_building_day_change
  SELECT new.answered_on, new.campaign_id, e.building_id, 1, new.opinion, new.valid, new.satisfied
  FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = new.unit_id;
END;
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_delete AFTER DELETE ON survey_response_total BEGIN
  INSERT INTO survey_building_day_change
  SELECT old.answered_on, old.campaign_id, e.building_id, -1, -old.opinion, -old.valid, -old.satisfied
  FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = old.unit_id;
END;
-- The trigger of every keyed answer: the form stays in its row, which
-- takes the difference directly (through the view, the answer cost half
-- as much again).
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_counts
AFTER UPDATE OF opinion, valid, satisfied ON survey_response_total
WHEN new.answered_on = old.answered_on AND new.campaign_id = old.campaign_id AND new.unit_id = old.unit_id BEGIN
  UPDATE survey_building_day_total SET opinions = opinions + new.opinion - old.opinion,
    valid = valid + new.valid - old.valid, satisfied = satisfied + new.satisfied - old.satisfied
  WHERE answered_on = new.answered_on AND campaign_id = new.campaign_id AND building_id =
    (SELECT e.building_id FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = new.unit_id);
END;
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_moved
AFTER UPDATE OF answered_on, campaign_id, unit_id ON survey_response_total
WHEN new.answered_on IS NOT old.answered_on OR new.campaign_id IS NOT old.campaign_id
  OR new.unit_id IS NOT old.unit_id BEGIN
  INSERT INTO survey_building_day_change
  SELECT old.answered_on, old.campaign_id, e.building_id, -1, -old.opinion, -old.valid, -old.satisfied
  FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = old.unit_id;
  INSERT INTO survey_building_day_change
  SELECT new.answered_on, new.campaign_id, e.building_id, 1, new.opinion, new.valid, new.satisfied
  FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = new.unit_id;
END;

-- A unit moved to an entrance of another building, or an entrance to
-- another building, takes its forms along (rare: a correction of the
-- estate's layout, never made by the application; reading every form's
-- totals for it is acceptable).
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_unit_moved
AFTER UPDATE OF entrance_id ON unit
WHEN (SELECT building_id FROM entrance WHERE id = old.entrance_id)
  IS NOT (SELECT building_id FROM entrance WHERE id = new.entrance_id) BEGIN
  INSERT INTO survey_building_day_change
  SELECT answered_on, campaign_id, (SELECT building_id FROM entrance WHERE id = old.entrance_id),
    -count(*), -sum(opinion), -sum(valid), -sum(satisfied)
  FROM survey_response_total WHERE unit_id = new.id GROUP BY answered_on, campaign_id;
  INSERT INTO survey_building_day_change
  SELECT answered_on, campaign_id, (SELECT building_id FROM entrance WHERE id = new.entrance_id),
    count(*), sum(opinion), sum(valid), sum(satisfied)
  FROM survey_response_total WHERE unit_id = new.id GROUP BY answered_on, campaign_id;
END;
CREATE TRIGGER IF NOT EXISTS survey_building_day_total_entrance_moved
AFTER UPDATE OF building_id ON entrance WHEN old.building_id IS NOT new.building_id BEGIN
  INSERT INTO survey_building_day_change
  SELECT t.answered_on, t.campaign_id, old.building_id, -count(*), -sum(t.opinion), -sum(t.valid), -sum(t.satisfied)
  FROM survey_response_total t JOIN unit u ON u.id = t.unit_id WHERE u.entrance_id = new.id
  GROUP BY t.answered_on, t.campaign_id;
  INSERT INTO survey_building_day_change
  SELECT t.answered_on, t.campaign_id, new.building_id, count(*), sum(t.opinion), sum(t.valid), sum(t.satisfied)
  FROM survey_response_total t JOIN unit u ON u.id = t.unit_id WHERE u.entrance_id = new.id
  GROUP BY t.answered_on, t.campaign_id;
END;

DELETE FROM survey_building_day_total;
INSERT INTO survey_building_day_total (answered_on, campaign_id, building_id, forms, opinions, valid, satisfied)
SELECT t.answered_on, t.campaign_id, e.building_id, count(*), sum(t.opinion), sum(t.valid), sum(t.satisfied)
FROM survey_response_total t JOIN unit u ON u.id = t.unit_id JOIN entrance e ON e.id = u.entrance_id
WHERE true GROUP BY t.answered_on, t.campaign_id, e.building_id;
