-- Lookups made once per row by the owner ledger import (a person already on
-- file is found by name and mobile), which read the whole person table
-- without an index: importing 100,000 rows took time growing with the
-- square of the rows (issue 8).
CREATE INDEX IF NOT EXISTS person_name_mobile ON person (name, mobile);
