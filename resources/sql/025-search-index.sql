-- Search per keystroke over 250,000 people (issue 8).  pd_search walks the
-- key index in its order and stops at the limit; with covering indexes it
-- never reads the tables' rows for that, so a first keystroke that matches
-- a tenth of the estate costs what a rare name costs.
--
-- search_key (key) → (key, person_id, unit_id): the range scan answers
-- from the index, in the order the search lists (ORDER BY key, person_id,
-- unit_id needs no sort).
CREATE INDEX search_key_lookup ON search_key (key, person_id, unit_id);
DROP INDEX search_key_key;

-- unit_role (person_id) → (person_id, ended_on, unit_id): a matched
-- person's current units without reading unit_role's rows; every query on
-- person_id alone still uses it.
CREATE INDEX unit_role_person_current ON unit_role (person_id, ended_on, unit_id);
DROP INDEX unit_role_person;
