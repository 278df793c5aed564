-- 037-search-key-partial-indexes.sql: the two indexes that find a person's
-- or a unit's keys hold only the keys that have that id.
--
-- A key belongs to a person or to a unit, never both, so search_key_unit
-- held a NULL for each of the 640,000 person keys of a 95,000-row ledger,
-- and search_key_person one for each unit key.  They are only read by
-- "DELETE … WHERE person_id = ?" and "… WHERE unit_id = ?", which SQLite
-- answers from an index "WHERE x IS NOT NULL" as well; an import that makes
-- the indexes again (pd_search_reindex_many) now sorts 95,000 unit ids
-- rather than 737,000, and the file is smaller by as many entries.

DROP INDEX search_key_person;
DROP INDEX search_key_unit;
CREATE INDEX search_key_person ON search_key (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX search_key_unit ON search_key (unit_id) WHERE unit_id IS NOT NULL;
