-- The owner detail pane's history lists every vehicle ever registered for
-- the unit or for someone who held a role on it, removed ones included, so
-- it reads the vehicles' insert rows of the audit log.  Without an index it
-- read every vehicle row of the log and parsed its JSON, for each owner
-- opened (~150 ms on 100,000 units).  Only vehicle inserts are indexed, by
-- the two values pd-owner-history.c looks them up by; the expressions and
-- the WHERE must stay those of its queries for SQLite to use them.
CREATE INDEX IF NOT EXISTS audit_log_vehicle_unit
  ON audit_log (json_extract (new_value, '$.unit_id'))
  WHERE table_name = 'vehicle' AND action = 'insert';
CREATE INDEX IF NOT EXISTS audit_log_vehicle_person
  ON audit_log (json_extract (new_value, '$.person_id'))
  WHERE table_name = 'vehicle' AND action = 'insert';
