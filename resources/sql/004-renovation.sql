-- 004-renovation.sql: renovation approvals (装修审批, DOMAIN §3): the
-- application with its workers, the workflow history, the deposit ledger,
-- patrols and violations.  States and transitions are enforced in
-- src/core/pd-renovation-workflow.c; the CHECKs here only keep garbage out.
-- Written to be re-runnable (IF NOT EXISTS, OR IGNORE): the upgrade tests
-- rewind user_version on a fully migrated file.

CREATE TABLE IF NOT EXISTS renovation (
  id                       INTEGER PRIMARY KEY,
  estate_id                INTEGER NOT NULL REFERENCES estate (id),
  unit_id                  INTEGER NOT NULL REFERENCES unit (id),
  state                    TEXT NOT NULL DEFAULT 'draft' CHECK (state IN (
                             'draft', 'submitted', 'review_engineering', 'review_supervisor',
                             'review_manager', 'needs_revision', 'approved', 'rejected',
                             'permit_issued', 'in_progress', 'stopped', 'completion_requested',
                             'rectification', 'accepted', 'refunded', 'closed', 'withdrawn')),
  applicant_id             INTEGER NOT NULL REFERENCES person (id),
  applicant_role           TEXT NOT NULL DEFAULT 'owner' CHECK (applicant_role IN ('owner', 'tenant', 'proxy')),
  authorised_by            INTEGER REFERENCES person (id),   -- tenant/proxy: the owner who authorised
  authorisation_letter     INTEGER NOT NULL DEFAULT 0,       -- the owner's letter is on file
  self_renovation          INTEGER NOT NULL DEFAULT 0,
  undertaking_signed       INTEGER NOT NULL DEFAULT 0,       -- 自装承诺书
  contractor_name          TEXT NOT NULL DEFAULT '',
  contractor_licence       TEXT NOT NULL DEFAULT '',
  contractor_qualification TEXT NOT NULL DEFAULT '',
  contractor_person        TEXT NOT NULL DEFAULT '',
  contractor_phone         TEXT NOT NULL DEFAULT '',
  planned_start            TEXT NOT NULL DEFAULT '',
  planned_end              TEXT NOT NULL DEFAULT '',
  scope                    TEXT NOT NULL DEFAULT '',   -- comma list, see pd_renovation_scope_items
  scope_note               TEXT NOT NULL DEFAULT '',
  hot_work_application     INTEGER NOT NULL DEFAULT 0, -- 临时动火作业申请表 received
  extinguisher             INTEGER NOT NULL DEFAULT 0, -- fire extinguisher on site
  drawings                 TEXT NOT NULL DEFAULT '',   -- comma list, see pd_renovation_drawing_items
  created_on               TEXT NOT NULL,
  submitted_on             TEXT NOT NULL DEFAULT '',   -- last complete submission
  review_due               TEXT NOT NULL DEFAULT '',   -- reply due (working days)
  decided_on               TEXT NOT NULL DEFAULT '',
  engineering_opinion      TEXT NOT NULL DEFAULT '',   -- 审图意见
  supervisor_opinion       TEXT NOT NULL DEFAULT '',
  manager_opinion          TEXT NOT NULL DEFAULT '',
  revision_note            TEXT NOT NULL DEFAULT '',
  rejection_reason         TEXT NOT NULL DEFAULT '',
  deposit_fen              INTEGER NOT NULL DEFAULT 0 CHECK (deposit_fen >= 0),
  debris_fee_fen           INTEGER NOT NULL DEFAULT 0 CHECK (debris_fee_fen >= 0),
  pass_fee_fen             INTEGER NOT NULL DEFAULT 0 CHECK (pass_fee_fen >= 0),
  fees_receipt             TEXT NOT NULL DEFAULT '',
  fees_paid_on             TEXT NOT NULL DEFAULT '',
  agreement_signed_on      TEXT NOT NULL DEFAULT '',
  serial                   TEXT,                       -- ZX-YYYY-NNNN, unique per estate
  serial_year              INTEGER,
  serial_no                INTEGER,
  permit_issued_on         TEXT NOT NULL DEFAULT '',
  valid_from               TEXT NOT NULL DEFAULT '',
  valid_to                 TEXT NOT NULL DEFAULT '',
  started_on               TEXT NOT NULL DEFAULT '',
  stopped_on               TEXT NOT NULL DEFAULT '',
  stop_reason              TEXT NOT NULL DEFAULT '',
  completion_requested_on  TEXT NOT NULL DEFAULT '',
  inspection_note          TEXT NOT NULL DEFAULT '',
  fire_accepted_on         TEXT NOT NULL DEFAULT '',   -- 消防验收 (offices)
  accepted_on              TEXT NOT NULL DEFAULT '',
  refunded_on              TEXT NOT NULL DEFAULT '',
  closed_on                TEXT NOT NULL DEFAULT '',
  withdrawn_on             TEXT NOT NULL DEFAULT '',
  withdraw_reason          TEXT NOT NULL DEFAULT '',
  unit_state_before        TEXT NOT NULL DEFAULT '',   -- restored when the works end
  UNIQUE (estate_id, serial_year, serial_no)
);
CREATE INDEX IF NOT EXISTS renovation_unit ON renovation (unit_id);
CREATE INDEX IF NOT EXISTS renovation_state ON renovation (state);
CREATE UNIQUE INDEX IF NOT EXISTS renovation_serial ON renovation (estate_id, serial) WHERE serial IS NOT NULL;

CREATE TABLE IF NOT EXISTS renovation_worker (
  id             INTEGER PRIMARY KEY,
  renovation_id  INTEGER NOT NULL REFERENCES renovation (id),
  name           TEXT NOT NULL CHECK (name <> ''),
  id_number      TEXT NOT NULL,
  phone          TEXT NOT NULL DEFAULT '',
  trade          TEXT NOT NULL DEFAULT '',
  revoked_on     TEXT NOT NULL DEFAULT '',
  revoke_reason  TEXT NOT NULL DEFAULT '',
  UNIQUE (renovation_id, id_number)
);

-- The workflow history: one row per action.  due_on keeps the review
-- deadline in force when a review reply was given (KPI: replies on time).
CREATE TABLE IF NOT EXISTS renovation_event (
  id            INTEGER PRIMARY KEY,
  renovation_id INTEGER NOT NULL REFERENCES renovation (id),
  at            TEXT NOT NULL,
  user_name     TEXT NOT NULL,
  action        TEXT NOT NULL,
  from_state    TEXT NOT NULL,
  to_state      TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  due_on        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS renovation_event_renovation ON renovation_event (renovation_id);
CREATE INDEX IF NOT EXISTS renovation_event_at ON renovation_event (at);

CREATE TABLE IF NOT EXISTS renovation_patrol (
  id            INTEGER PRIMARY KEY,
  renovation_id INTEGER NOT NULL REFERENCES renovation (id),
  at            TEXT NOT NULL,                 -- YYYY-MM-DD HH:MM
  inspector     TEXT NOT NULL CHECK (inspector <> ''),
  result        TEXT NOT NULL CHECK (result IN ('ok', 'violation')),
  note          TEXT NOT NULL DEFAULT '',
  photo_ref     TEXT NOT NULL DEFAULT '',
  action        TEXT NOT NULL DEFAULT ''       -- step of the escalation ladder, '' when ok
);
CREATE INDEX IF NOT EXISTS renovation_patrol_day ON renovation_patrol (renovation_id, at);

CREATE TABLE IF NOT EXISTS renovation_violation (
  id            INTEGER PRIMARY KEY,
  renovation_id INTEGER NOT NULL REFERENCES renovation (id),
  patrol_id     INTEGER REFERENCES renovation_patrol (id),
  on_date       TEXT NOT NULL,
  code          TEXT NOT NULL CHECK (code IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H')),
  description   TEXT NOT NULL DEFAULT '',
  ladder_step   TEXT NOT NULL,
  penalty_fen   INTEGER NOT NULL CHECK (penalty_fen >= 0),
  deducted_fen  INTEGER NOT NULL CHECK (deducted_fen >= 0 AND deducted_fen <= penalty_fen),
  worker_id     INTEGER REFERENCES renovation_worker (id),
  stop_work     INTEGER NOT NULL DEFAULT 0,
  rectify_by    TEXT NOT NULL DEFAULT '',
  rectified_on  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS renovation_violation_renovation ON renovation_violation (renovation_id);

-- The deposit ledger: every movement of the deposit, always positive
-- amounts; the sign comes from the kind.  Balance = payment + topup −
-- deduction − refund, never negative (enforced in pd-deposit-ledger.c).
CREATE TABLE IF NOT EXISTS deposit_entry (
  id            INTEGER PRIMARY KEY,
  renovation_id INTEGER NOT NULL REFERENCES renovation (id),
  kind          TEXT NOT NULL CHECK (kind IN ('payment', 'deduction', 'topup', 'refund')),
  amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
  on_date       TEXT NOT NULL,
  violation_id  INTEGER REFERENCES renovation_violation (id),
  note          TEXT NOT NULL DEFAULT '',
  user_name     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS deposit_entry_renovation ON deposit_entry (renovation_id, id);

INSERT OR IGNORE INTO audited_table (name) VALUES
  ('renovation'), ('renovation_worker'), ('renovation_patrol'), ('renovation_violation'),
  ('deposit_entry');

INSERT OR IGNORE INTO setting (key, value, kind, section, description) VALUES
  ('renovation.serial_prefix', 'ZX', 'text', 'renovation', 'Prefix of permit serial numbers (ZX-YYYY-NNNN)'),
  ('renovation.first_handover_on', '', 'text', 'renovation', 'Date of the estate''s first handover (relaxed working hours for 60 days); empty when unknown'),
  ('renovation.relaxed_hours_days', '60', 'int', 'renovation', 'Days after the first handover with relaxed working hours'),
  ('renovation.permit_days', '90', 'int', 'renovation', 'Default validity of a permit in days'),
  ('renovation.due_soon_working_days', '1', 'int', 'renovation', 'A review due within this many working days is shown as due soon'),
  ('renovation.rectify_days', '1', 'int', 'renovation', 'Days given to rectify a violation (违章整改通知单)');
