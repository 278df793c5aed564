-- 007-release.sql: release slips (放行条, DOMAIN §5).
--
-- Written to be re-runnable (IF NOT EXISTS, OR IGNORE): tests and repairs
-- that wind user_version back must not trip over existing tables; the
-- office secret in particular is never replaced.
--
-- A slip's number comes from release_counter in the same transaction that
-- inserts the slip, so numbers are unique and gap-free per estate and year
-- even when two PCs on the same file issue at once.  A void keeps its row
-- and number.  "Expired" is not stored: it is an issued slip whose valid_on
-- has passed, so it never needs a nightly job.

CREATE TABLE IF NOT EXISTS release_counter (
  estate_id   INTEGER NOT NULL REFERENCES estate (id),
  year        INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (estate_id, year)
);

CREATE TABLE IF NOT EXISTS release_slip (
  id                   INTEGER PRIMARY KEY,
  estate_id            INTEGER NOT NULL REFERENCES estate (id),
  year                 INTEGER NOT NULL,
  number               INTEGER NOT NULL CHECK (number > 0),
  serial               TEXT NOT NULL,                  -- "2026-00042"
  unit_id              INTEGER NOT NULL REFERENCES unit (id),
  unit_code            TEXT NOT NULL,
  -- Names are copied at issue: the printed slip and its verification code
  -- must not change when a person's file is edited later.
  applicant_id         INTEGER NOT NULL REFERENCES person (id),
  applicant_name       TEXT NOT NULL,
  applicant_role       TEXT NOT NULL CHECK (applicant_role IN ('owner', 'tenant', 'proxy')),
  reason               TEXT NOT NULL CHECK (reason IN ('moving_out', 'renovation', 'other')),
  reason_note          TEXT NOT NULL DEFAULT '',
  owner_confirm_id     INTEGER REFERENCES person (id),  -- tenant's slip: the confirming owner
  owner_confirm_name   TEXT NOT NULL DEFAULT '',
  owner_confirm_method TEXT NOT NULL DEFAULT ''
                       CHECK (owner_confirm_method IN ('', 'in_person', 'phone', 'written')),
  owner_confirm_at     TEXT NOT NULL DEFAULT '',
  fees_cashier         TEXT NOT NULL DEFAULT '',        -- moving out: fees cleared by
  fees_cleared_at      TEXT NOT NULL DEFAULT '',
  no_dangerous_goods   INTEGER NOT NULL CHECK (no_dangerous_goods = 1),
  carrier_name         TEXT NOT NULL CHECK (carrier_name <> ''),
  carrier_id_number    TEXT NOT NULL CHECK (carrier_id_number <> ''),
  plate                TEXT NOT NULL DEFAULT '',
  valid_on             TEXT NOT NULL,                   -- last day the slip may be used
  issued_at            TEXT NOT NULL,
  issued_by            TEXT NOT NULL,
  state                TEXT NOT NULL DEFAULT 'issued' CHECK (state IN ('issued', 'released', 'void')),
  released_at          TEXT NOT NULL DEFAULT '',
  released_by          TEXT NOT NULL DEFAULT '',        -- the guard
  voided_at            TEXT NOT NULL DEFAULT '',
  voided_by            TEXT NOT NULL DEFAULT '',
  void_reason          TEXT NOT NULL DEFAULT '',
  UNIQUE (estate_id, year, number),
  UNIQUE (estate_id, serial)
);
CREATE INDEX IF NOT EXISTS release_slip_issued ON release_slip (issued_at);
CREATE INDEX IF NOT EXISTS release_slip_unit ON release_slip (unit_id);

CREATE TABLE IF NOT EXISTS release_slip_item (
  id        INTEGER PRIMARY KEY,
  slip_id   INTEGER NOT NULL REFERENCES release_slip (id),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL CHECK (name <> ''),
  quantity  INTEGER NOT NULL CHECK (quantity > 0),
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (slip_id, position)
);

-- Item names offered while typing, most used first (issuing must take seconds).
CREATE TABLE IF NOT EXISTS release_common_item (
  name  TEXT PRIMARY KEY,
  uses  INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO release_common_item (name) VALUES
  ('沙发'), ('床'), ('床垫'), ('衣柜'), ('书柜'), ('餐桌'), ('椅子'), ('冰箱'), ('洗衣机'),
  ('电视机'), ('空调'), ('热水器'), ('纸箱'), ('行李箱'), ('自行车'), ('电脑'), ('办公桌'),
  ('文件柜'), ('装修工具'), ('剩余建材'), ('旧门窗'), ('旧家具');

-- Secrets of this office that never leave the database: not in `setting`
-- (which is shown, exported and audited), not audited, never printed.  The
-- release-slip key makes the verification code unforgeable by anyone who
-- only sees printed slips.
CREATE TABLE IF NOT EXISTS office_secret (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
INSERT OR IGNORE INTO office_secret (name, value) VALUES ('release_slip_hmac', randomblob (32));

INSERT OR IGNORE INTO audited_table (name) VALUES ('release_slip'), ('release_slip_item');

INSERT OR IGNORE INTO setting (key, value, kind, section, description) VALUES
  ('release.max_valid_days', '30', 'int', 'release', 'Latest valid date of a release slip, in days after issue');
