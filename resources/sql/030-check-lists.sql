-- 030-check-lists.sql: the CHECKs on unit, person and unit_role written as
-- comparisons joined by OR instead of IN-lists, with the same meaning.
--
-- For an IN-list of more than two constants SQLite builds an ephemeral
-- table (a b-tree of its own, opened, filled and closed) every time the
-- statement runs: five of them for each ledger row an import writes (a
-- unit's use and state, a person's sex and ID type, a role), ~15% of the
-- import's instructions (issue #8 point 6).  A chain of = tests costs a few
-- comparisons.  The columns are NOT NULL, so NULL cannot tell the two
-- forms apart.  person.kind (two values) never had the table and keeps
-- its form.
--
-- A CHECK cannot be altered in place, so each table is rebuilt as SQLite's
-- ALTER TABLE page describes: a new table, the rows copied with their ids,
-- the old table dropped, the new one renamed, its indexes made again.  The
-- migrations run with foreign keys off and are checked with
-- foreign_key_check before they commit (pd-database.c).  Every table that
-- refers to these three does so by name and keeps its rows; search keys
-- refer to ids, which are kept.  No view or stored trigger is on them
-- (the audit triggers are TEMP ones, made per connection after this).

CREATE TABLE unit_new (
  id          INTEGER PRIMARY KEY,
  estate_id   INTEGER NOT NULL REFERENCES estate (id),
  entrance_id INTEGER NOT NULL REFERENCES entrance (id),
  code        TEXT NOT NULL,                 -- building-entrance-room, e.g. 3-2-1201
  floor       INTEGER,
  use         TEXT NOT NULL DEFAULT 'residential'
              CHECK (use = 'residential' OR use = 'shop' OR use = 'office'),
  gross_area  REAL CHECK (gross_area IS NULL OR gross_area > 0),
  inner_area  REAL CHECK (inner_area IS NULL OR inner_area > 0),
  layout      TEXT NOT NULL DEFAULT '',
  state       TEXT NOT NULL DEFAULT 'unsold'
              CHECK (state = 'unsold' OR state = 'vacant' OR state = 'handed_over' OR
                     state = 'renovating' OR state = 'occupied' OR state = 'rented'),
  UNIQUE (estate_id, code)
);
INSERT INTO unit_new (id, estate_id, entrance_id, code, floor, use, gross_area, inner_area, layout, state)
  SELECT id, estate_id, entrance_id, code, floor, use, gross_area, inner_area, layout, state
    FROM unit ORDER BY id;
DROP TABLE unit;
ALTER TABLE unit_new RENAME TO unit;
CREATE INDEX unit_state ON unit (state);
CREATE INDEX unit_entrance ON unit (entrance_id);

CREATE TABLE person_new (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL DEFAULT 'individual' CHECK (kind IN ('individual', 'enterprise')),
  name             TEXT NOT NULL CHECK (name <> ''),
  sex              TEXT NOT NULL DEFAULT '' CHECK (sex = '' OR sex = 'M' OR sex = 'F'),
  birthday         TEXT NOT NULL DEFAULT '',
  id_type          TEXT NOT NULL DEFAULT 'resident_id'
                   CHECK (id_type = 'resident_id' OR id_type = 'passport' OR
                          id_type = 'hk_macao_taiwan' OR id_type = 'other'),
  id_number        TEXT NOT NULL DEFAULT '',
  mobile           TEXT NOT NULL DEFAULT '',
  phone2           TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  form_of_address  TEXT NOT NULL DEFAULT '',
  language         TEXT NOT NULL DEFAULT '',
  emergency_name   TEXT NOT NULL DEFAULT '',
  emergency_phone  TEXT NOT NULL DEFAULT '',
  preferences      TEXT NOT NULL DEFAULT '',
  consent_on       TEXT NOT NULL DEFAULT '',   -- date the 知情同意 was given
  consent_note     TEXT NOT NULL DEFAULT '',
  uscc             TEXT NOT NULL DEFAULT '',   -- enterprise: unified social credit code
  legal_rep        TEXT NOT NULL DEFAULT '',
  contact_person   TEXT NOT NULL DEFAULT '',
  signatories      TEXT NOT NULL DEFAULT '',
  archive_location TEXT NOT NULL DEFAULT '',   -- cabinet/box/folder of the paper file
  docs_checked     TEXT NOT NULL DEFAULT '',   -- comma list: id_copy,purchase_contract,move_in_notice,power_of_attorney
  notes            TEXT NOT NULL DEFAULT '',
  pinyin           TEXT NOT NULL DEFAULT '',
  initials         TEXT NOT NULL DEFAULT ''
);
INSERT INTO person_new (id, kind, name, sex, birthday, id_type, id_number, mobile, phone2, address,
                        form_of_address, language, emergency_name, emergency_phone, preferences,
                        consent_on, consent_note, uscc, legal_rep, contact_person, signatories,
                        archive_location, docs_checked, notes, pinyin, initials)
  SELECT id, kind, name, sex, birthday, id_type, id_number, mobile, phone2, address,
         form_of_address, language, emergency_name, emergency_phone, preferences,
         consent_on, consent_note, uscc, legal_rep, contact_person, signatories,
         archive_location, docs_checked, notes, pinyin, initials
    FROM person ORDER BY id;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE UNIQUE INDEX person_id_number ON person (id_type, id_number) WHERE id_number <> '';
CREATE UNIQUE INDEX person_uscc ON person (uscc) WHERE uscc <> '';
CREATE INDEX person_name_mobile ON person (name, mobile);

CREATE TABLE unit_role_new (
  id                 INTEGER PRIMARY KEY,
  unit_id            INTEGER NOT NULL REFERENCES unit (id),
  person_id          INTEGER NOT NULL REFERENCES person (id),
  role               TEXT NOT NULL CHECK (role = 'owner' OR role = 'member' OR role = 'tenant' OR
                                          role = 'proxy' OR role = 'temporary'),
  relation           TEXT NOT NULL DEFAULT '',   -- member: relation to the owner
  start_on           TEXT NOT NULL DEFAULT '',
  lease_end          TEXT NOT NULL DEFAULT '',
  ended_on           TEXT NOT NULL DEFAULT '',   -- '' while current
  authorised_by      INTEGER REFERENCES person (id),  -- tenant/proxy: the owner who authorised
  authorisation_note TEXT NOT NULL DEFAULT ''
);
INSERT INTO unit_role_new (id, unit_id, person_id, role, relation, start_on, lease_end, ended_on,
                           authorised_by, authorisation_note)
  SELECT id, unit_id, person_id, role, relation, start_on, lease_end, ended_on,
         authorised_by, authorisation_note
    FROM unit_role ORDER BY id;
DROP TABLE unit_role;
ALTER TABLE unit_role_new RENAME TO unit_role;
CREATE INDEX unit_role_unit ON unit_role (unit_id, ended_on);
CREATE INDEX unit_role_person_current ON unit_role (person_id, ended_on, unit_id);
