-- 005-patrol.sql: vacant-unit patrols (空置房巡查, DOMAIN §4), their anomalies
-- and rectification notices, and the key register (钥匙借用登记).
-- Written to be re-runnable (IF NOT EXISTS, OR IGNORE): tests and repairs
-- that wind user_version back must not trip over existing tables.

-- An estate's own schedule policy; estates without a row follow the
-- setting patrol.policy.
CREATE TABLE IF NOT EXISTS patrol_estate_policy (
  estate_id INTEGER PRIMARY KEY REFERENCES estate (id),
  policy    TEXT NOT NULL CHECK (policy IN ('twice_monthly', 'weekly'))
);

-- The vacant-unit file (空置房建档): one row per period a unit spends in
-- the state vacant.  Kept in step with unit.state by pd_patrol_sync_vacancies;
-- the history is what the monthly statistics count "units due" from.
CREATE TABLE IF NOT EXISTS patrol_vacancy (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES unit (id),
  opened_on    TEXT NOT NULL,              -- YYYY-MM-DD the unit became vacant
  closed_on    TEXT NOT NULL DEFAULT '',   -- '' while the unit is vacant
  opened_event INTEGER NOT NULL DEFAULT 0, -- audit_log id of the state change that opened it
  note         TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS patrol_vacancy_open ON patrol_vacancy (unit_id) WHERE closed_on = '';
CREATE INDEX IF NOT EXISTS patrol_vacancy_dates ON patrol_vacancy (opened_on, closed_on);

-- A building officer's round through the vacant units of one building.
CREATE TABLE IF NOT EXISTS patrol_round (
  id           INTEGER PRIMARY KEY,
  building_id  INTEGER NOT NULL REFERENCES building (id),
  patrolled_on TEXT NOT NULL,
  inspector    TEXT NOT NULL CHECK (inspector <> ''),
  created_at   TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS patrol (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES unit (id),
  round_id     INTEGER REFERENCES patrol_round (id),
  patrolled_on TEXT NOT NULL,
  inspector    TEXT NOT NULL CHECK (inspector <> ''),
  note         TEXT NOT NULL DEFAULT '',
  photo        TEXT NOT NULL DEFAULT '',     -- file reference of the photo(s)
  created_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS patrol_unit ON patrol (unit_id, patrolled_on);
CREATE INDEX IF NOT EXISTS patrol_day ON patrol (patrolled_on);
CREATE INDEX IF NOT EXISTS patrol_round_index ON patrol (round_id);

-- One checklist line of a patrol.  item is a checklist key of the setting
-- patrol.checklist (door_lock, leak…) or the text of a custom item.
CREATE TABLE IF NOT EXISTS patrol_item (
  id        INTEGER PRIMARY KEY,
  patrol_id INTEGER NOT NULL REFERENCES patrol (id),
  position  INTEGER NOT NULL,
  item      TEXT NOT NULL,
  result    TEXT NOT NULL CHECK (result IN ('ok', 'problem')),
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (patrol_id, position)
);

-- An anomaly found on a patrol (or reported otherwise) and its written
-- rectification notice (整改通知单) to a department.
CREATE TABLE IF NOT EXISTS patrol_anomaly (
  id          INTEGER PRIMARY KEY,
  notice_no   TEXT NOT NULL UNIQUE,
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  patrol_id   INTEGER REFERENCES patrol (id),
  kind        TEXT NOT NULL CHECK (kind IN ('leak', 'damage', 'occupation', 'dirty', 'other')),
  item        TEXT NOT NULL DEFAULT '',   -- checklist item the patrol marked (key or custom text)
  description TEXT NOT NULL DEFAULT '',   -- what was found, in the reporter's words
  department  TEXT NOT NULL CHECK (department IN ('engineering', 'cleaning', 'security')),
  found_on    TEXT NOT NULL,
  deadline    TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  closed_on   TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'fixed', 'not_fixed', 'no_action')),
  result      TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL,
  CHECK (description <> '' OR item <> '')
);
CREATE INDEX IF NOT EXISTS patrol_anomaly_state ON patrol_anomaly (state, found_on);
CREATE INDEX IF NOT EXISTS patrol_anomaly_unit ON patrol_anomaly (unit_id);

CREATE TABLE IF NOT EXISTS patrol_follow_up (
  id         INTEGER PRIMARY KEY,
  anomaly_id INTEGER NOT NULL REFERENCES patrol_anomaly (id),
  at         TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  note       TEXT NOT NULL CHECK (note <> '')
);
CREATE INDEX IF NOT EXISTS patrol_follow_up_anomaly ON patrol_follow_up (anomaly_id);

-- Keys the office keeps: those of vacant units (unit_id set) and public
-- keys (pump room, roof, meter rooms…; unit_id NULL).
CREATE TABLE IF NOT EXISTS patrol_key (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,          -- the tag on the key board
  unit_id  INTEGER REFERENCES unit (id),
  label    TEXT NOT NULL CHECK (label <> ''),
  copies   INTEGER NOT NULL DEFAULT 1 CHECK (copies > 0),
  location TEXT NOT NULL DEFAULT '',      -- cabinet / hook
  retired  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS patrol_key_unit ON patrol_key (unit_id);

-- 钥匙借用登记表: key, borrower, purpose, out, due, returned.
CREATE TABLE IF NOT EXISTS patrol_key_loan (
  id          INTEGER PRIMARY KEY,
  key_id      INTEGER NOT NULL REFERENCES patrol_key (id),
  borrower    TEXT NOT NULL CHECK (borrower <> ''),
  purpose     TEXT NOT NULL CHECK (purpose <> ''),
  out_at      TEXT NOT NULL,               -- YYYY-MM-DD HH:MM:SS
  due_at      TEXT NOT NULL,
  returned_at TEXT NOT NULL DEFAULT '',    -- '' while out
  lent_by     TEXT NOT NULL,
  received_by TEXT NOT NULL DEFAULT '',
  round_id    INTEGER REFERENCES patrol_round (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS patrol_key_loan_out ON patrol_key_loan (key_id) WHERE returned_at = '';
CREATE INDEX IF NOT EXISTS patrol_key_loan_due ON patrol_key_loan (due_at);

INSERT OR IGNORE INTO audited_table (name) VALUES
  ('patrol_estate_policy'), ('patrol_vacancy'), ('patrol_round'), ('patrol'), ('patrol_item'),
  ('patrol_anomaly'), ('patrol_follow_up'), ('patrol_key'), ('patrol_key_loan');

INSERT OR IGNORE INTO setting (key, value, kind, section, description) VALUES
  ('patrol.checklist',
   'door_surface|door_lock|walls|leak|pipes|windows|intercom|gas_meter|occupation|cleanliness|closed_on_leaving',
   'text', 'patrol',
   'Vacant-unit checklist: items separated by |; built-in keys are translated, other text is printed as typed'),
  ('patrol.due_soon_days', '3', 'int', 'patrol', 'Show a patrol as due soon this many days before its due date'),
  ('patrol.deadline_engineering_days', '3', 'int', 'patrol', 'Working days engineering has to rectify an anomaly'),
  ('patrol.deadline_cleaning_days', '1', 'int', 'patrol', 'Working days cleaning has to clean a dirty vacant unit'),
  ('patrol.deadline_security_days', '1', 'int', 'patrol', 'Working days security has to clear an unauthorised occupation'),
  ('patrol.key_loan_hours', '4', 'int', 'patrol', 'Hours a borrowed key is due back');
