-- 036-vehicle-autoincrement.sql: a vehicle id is never given twice.
--
-- Vehicles are the one audited record the office deletes (a car sold or
-- moved out).  With a plain INTEGER PRIMARY KEY, SQLite gives a new row the
-- largest id + 1, so a vehicle registered after the newest one was removed
-- took the removed one's id, and the audit log (and the owner history read
-- from it) then told the two cars' stories as one, under the old plate.
-- AUTOINCREMENT never reuses an id; its counter starts above every id the
-- audit log has seen for a vehicle, so ids freed before this migration are
-- not given again either.
--
-- The key cannot be altered in place, so the table is rebuilt as in 030:
-- a new table, the rows copied with their ids, the old one dropped, the new
-- one renamed, its index made again.  Migrations run with foreign keys off
-- and are checked with foreign_key_check before they commit; no table
-- refers to vehicle, and no view or stored trigger is on it (the audit
-- triggers are TEMP ones, made per connection).

CREATE TABLE vehicle_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id     INTEGER NOT NULL REFERENCES person (id),
  unit_id       INTEGER REFERENCES unit (id),
  plate         TEXT NOT NULL UNIQUE,
  model         TEXT NOT NULL DEFAULT '',
  parking_space TEXT NOT NULL DEFAULT ''
);
INSERT INTO vehicle_new (id, person_id, unit_id, plate, model, parking_space)
  SELECT id, person_id, unit_id, plate, model, parking_space FROM vehicle ORDER BY id;
DROP TABLE vehicle;
ALTER TABLE vehicle_new RENAME TO vehicle;
CREATE INDEX vehicle_person ON vehicle (person_id);

DELETE FROM sqlite_sequence WHERE name = 'vehicle';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'vehicle', max (coalesce ((SELECT max (id) FROM vehicle), 0),
                         coalesce ((SELECT max (record_id) FROM audit_log WHERE table_name = 'vehicle'), 0));
