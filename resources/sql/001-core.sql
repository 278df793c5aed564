-- 001-core.sql: settings, working-day calendar, audit log, estate and people.
-- Tables holding user data are listed in audited_table; the database layer
-- (re)creates audit triggers for each of them after every migration.

CREATE TABLE audited_table (name TEXT PRIMARY KEY);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id);

-- Every configurable value of DOMAIN.md, with its default.  kind tells the
-- settings editor how to edit it: int, fen (money in fen), text, bool, choice.
CREATE TABLE setting (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('int', 'fen', 'text', 'bool', 'choice', 'time')),
  section     TEXT NOT NULL,
  description TEXT NOT NULL
);

-- Days that differ from the Monday–Friday rule: statutory holidays and
-- make-up working days (调休).
CREATE TABLE calendar_day (
  day   TEXT PRIMARY KEY,   -- YYYY-MM-DD
  kind  TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE estate (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  address  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE building (
  id        INTEGER PRIMARY KEY,
  estate_id INTEGER NOT NULL REFERENCES estate (id),
  code      TEXT NOT NULL,
  name      TEXT NOT NULL DEFAULT '',
  UNIQUE (estate_id, code)
);

CREATE TABLE entrance (
  id          INTEGER PRIMARY KEY,
  building_id INTEGER NOT NULL REFERENCES building (id),
  code        TEXT NOT NULL,
  UNIQUE (building_id, code)
);

CREATE TABLE unit (
  id          INTEGER PRIMARY KEY,
  estate_id   INTEGER NOT NULL REFERENCES estate (id),
  entrance_id INTEGER NOT NULL REFERENCES entrance (id),
  code        TEXT NOT NULL,                 -- building-entrance-room, e.g. 3-2-1201
  floor       INTEGER,
  use         TEXT NOT NULL DEFAULT 'residential'
              CHECK (use IN ('residential', 'shop', 'office')),
  gross_area  REAL CHECK (gross_area IS NULL OR gross_area > 0),
  inner_area  REAL CHECK (inner_area IS NULL OR inner_area > 0),
  layout      TEXT NOT NULL DEFAULT '',
  state       TEXT NOT NULL DEFAULT 'unsold'
              CHECK (state IN ('unsold', 'vacant', 'handed_over', 'renovating', 'occupied', 'rented')),
  UNIQUE (estate_id, code)
);
CREATE INDEX unit_state ON unit (state);
CREATE INDEX unit_entrance ON unit (entrance_id);

CREATE TABLE person (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL DEFAULT 'individual' CHECK (kind IN ('individual', 'enterprise')),
  name             TEXT NOT NULL CHECK (name <> ''),
  sex              TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'M', 'F')),
  birthday         TEXT NOT NULL DEFAULT '',
  id_type          TEXT NOT NULL DEFAULT 'resident_id'
                   CHECK (id_type IN ('resident_id', 'passport', 'hk_macao_taiwan', 'other')),
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
CREATE UNIQUE INDEX person_id_number ON person (id_type, id_number) WHERE id_number <> '';
CREATE UNIQUE INDEX person_uscc ON person (uscc) WHERE uscc <> '';

-- A person's role on a unit over a period.  Owners' periods are the
-- ownership history (a transfer ends one and starts another); tenants'
-- lease_end is the agreed end, ended_on the day the tenancy really ended.
CREATE TABLE unit_role (
  id                 INTEGER PRIMARY KEY,
  unit_id            INTEGER NOT NULL REFERENCES unit (id),
  person_id          INTEGER NOT NULL REFERENCES person (id),
  role               TEXT NOT NULL CHECK (role IN ('owner', 'member', 'tenant', 'proxy', 'temporary')),
  relation           TEXT NOT NULL DEFAULT '',   -- member: relation to the owner
  start_on           TEXT NOT NULL DEFAULT '',
  lease_end          TEXT NOT NULL DEFAULT '',
  ended_on           TEXT NOT NULL DEFAULT '',   -- '' while current
  authorised_by      INTEGER REFERENCES person (id),  -- tenant/proxy: the owner who authorised
  authorisation_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unit_role_unit ON unit_role (unit_id, ended_on);
CREATE INDEX unit_role_person ON unit_role (person_id);

CREATE TABLE vehicle (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id),
  unit_id       INTEGER REFERENCES unit (id),
  plate         TEXT NOT NULL UNIQUE,
  model         TEXT NOT NULL DEFAULT '',
  parking_space TEXT NOT NULL DEFAULT ''
);
CREATE INDEX vehicle_person ON vehicle (person_id);

CREATE TABLE pet (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  kind      TEXT NOT NULL,
  name      TEXT NOT NULL DEFAULT '',
  note      TEXT NOT NULL DEFAULT ''
);

-- Prefix-searchable keys: names, pinyin, initials, unit codes, plates, and
-- reversed phone / ID numbers (prefixed '~') so that "the last 4 digits"
-- is a prefix search too.  Maintained by src/core/pd-search.c.
CREATE TABLE search_key (
  key       TEXT NOT NULL,
  unit_id   INTEGER,
  person_id INTEGER
);
CREATE INDEX search_key_key ON search_key (key);
CREATE INDEX search_key_person ON search_key (person_id);
CREATE INDEX search_key_unit ON search_key (unit_id);

-- Every export of personal data (DOMAIN §1, 004).
CREATE TABLE export_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  what      TEXT NOT NULL,
  rows      INTEGER NOT NULL,
  unmasked  INTEGER NOT NULL DEFAULT 0,
  file      TEXT NOT NULL DEFAULT ''
);

INSERT INTO audited_table (name) VALUES
  ('setting'), ('calendar_day'), ('estate'), ('building'), ('entrance'), ('unit'),
  ('person'), ('unit_role'), ('vehicle'), ('pet');

INSERT INTO setting (key, value, kind, section, description) VALUES
  ('estate.default_code', 'DEMO', 'text', 'estate', 'Code of the estate the office works on'),
  ('privacy.mask_exports', '1', 'bool', 'privacy', 'Mask ID numbers and phones in exports by default'),
  ('handover.notice_hours', '24', 'int', 'handover', 'Hours to send the defect notice to the contractor'),
  ('renovation.review_working_days', '3', 'int', 'renovation', 'Working days to reply to a complete renovation application'),
  ('renovation.deposit_fen', '300000', 'fen', 'renovation', 'Renovation deposit (装修押金)'),
  ('renovation.debris_fee_fen', '50000', 'fen', 'renovation', 'Debris removal fee per household (垃圾清运费)'),
  ('renovation.pass_fee_fen', '1000', 'fen', 'renovation', 'Worker pass fee per worker (出入证工本费)'),
  ('renovation.topup_days', '3', 'int', 'renovation', 'Days to top up the deposit after a deduction'),
  ('renovation.patrols_per_day', '2', 'int', 'renovation', 'Patrols per renovating unit per day'),
  ('renovation.hours_weekday', '08:00-12:00,14:00-19:00', 'text', 'renovation', 'Working hours Monday to Friday'),
  ('renovation.hours_weekend', '09:00-12:00,15:00-18:00', 'text', 'renovation', 'Working hours at weekends and on holidays'),
  ('renovation.hours_first_60_days', '08:00-19:00', 'text', 'renovation', 'Working hours within 60 days of the first handover'),
  ('renovation.penalty_a_fen', '200000', 'fen', 'renovation', 'A: structure, exterior or pipes changed'),
  ('renovation.penalty_b_fen', '50000', 'fen', 'renovation', 'B: non-standard work, concealed work closed before acceptance'),
  ('renovation.penalty_c_fen', '100000', 'fen', 'renovation', 'C: advertising or harassing owners'),
  ('renovation.penalty_d_fen', '50000', 'fen', 'renovation', 'D: materials or debris not bagged'),
  ('renovation.penalty_e_fen', '100000', 'fen', 'renovation', 'E: throwing from height'),
  ('renovation.penalty_f_fen', '50000', 'fen', 'renovation', 'F: damage to public property (plus compensation)'),
  ('renovation.penalty_g_fen', '100000', 'fen', 'renovation', 'G: theft (and pass revoked)'),
  ('renovation.penalty_h_fen', '100000', 'fen', 'renovation', 'H: disobeying management'),
  ('patrol.policy', 'twice_monthly', 'choice', 'patrol', 'Vacant-unit patrol schedule: twice_monthly or weekly'),
  ('survey.coverage_goal_pct', '95', 'int', 'survey', 'Survey coverage goal (%)'),
  ('survey.satisfaction_goal_pct', '95', 'int', 'survey', 'Satisfaction goal (%)'),
  ('survey.route_days', '2', 'int', 'survey', 'Days to route an opinion to a department'),
  ('survey.measures_days', '3', 'int', 'survey', 'Days for the department''s written measures'),
  ('survey.return_visit_days', '14', 'int', 'survey', 'Days for the return visit after rectification'),
  ('survey.campaigns_per_year_residential', '1', 'int', 'survey', 'Survey campaigns per year, residential'),
  ('survey.campaigns_per_year_office', '2', 'int', 'survey', 'Survey campaigns per year, offices'),
  ('lease.ending_warning_days', '30', 'int', 'people', 'Warn this many days before a lease ends'),
  ('kpi.report_day', '28', 'int', 'kpi', 'Day of the month the monthly report is due');
