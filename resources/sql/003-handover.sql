-- 003-handover.sql: move-in handover and inspection (入住验房, DOMAIN §2).
-- Written to be re-runnable (IF NOT EXISTS, OR IGNORE): tests and repairs
-- that wind user_version back must not trip over existing tables.

-- The inspection checklist template per unit use: rooms × items in the order
-- they are walked.  A handover copies it when it starts, so editing the
-- template never rewrites a past inspection.
CREATE TABLE IF NOT EXISTS handover_template_item (
  id        INTEGER PRIMARY KEY,
  use       TEXT NOT NULL CHECK (use IN ('residential', 'shop', 'office')),
  position  INTEGER NOT NULL,
  room      TEXT NOT NULL CHECK (room <> ''),
  item      TEXT NOT NULL CHECK (item <> ''),
  UNIQUE (use, room, item)
);
CREATE INDEX IF NOT EXISTS handover_template_item_use ON handover_template_item (use, position);

-- One handover of a unit to its owner.  status: in_progress (papers, keys,
-- inspection being entered) → inspected (inspection finished, nothing open)
-- or defects_open → closed (unit handed over).  Meter readings are stored in
-- thousandths of their unit (m³, kWh), so decimals stay exact.
CREATE TABLE IF NOT EXISTS handover (
  id                INTEGER PRIMARY KEY,
  unit_id           INTEGER NOT NULL REFERENCES unit (id),
  owner_id          INTEGER NOT NULL REFERENCES person (id),
  status            TEXT NOT NULL DEFAULT 'in_progress'
                    CHECK (status IN ('in_progress', 'inspected', 'defects_open', 'closed')),
  handover_on       TEXT NOT NULL,               -- the day the owner came
  proxy_name        TEXT NOT NULL DEFAULT '',    -- 被委托人 when the owner sends one
  proxy_id_number   TEXT NOT NULL DEFAULT '',
  docs_checked      TEXT NOT NULL DEFAULT '',    -- comma list, see pd_handover_documents
  agreements_signed TEXT NOT NULL DEFAULT '',    -- comma list, see pd_handover_agreements
  fee_receipt       TEXT NOT NULL DEFAULT '',
  clerk             TEXT NOT NULL DEFAULT '',    -- customer service
  engineer          TEXT NOT NULL DEFAULT '',    -- 工程部
  officer           TEXT NOT NULL DEFAULT '',    -- 楼栋客服专员
  developer_rep     TEXT NOT NULL DEFAULT '',    -- 建设单位
  others_present    TEXT NOT NULL DEFAULT '',
  water_milli       INTEGER CHECK (water_milli IS NULL OR water_milli >= 0),
  electricity_milli INTEGER CHECK (electricity_milli IS NULL OR electricity_milli >= 0),
  gas_milli         INTEGER CHECK (gas_milli IS NULL OR gas_milli >= 0),
  house_keys        INTEGER NOT NULL DEFAULT 0 CHECK (house_keys >= 0),
  access_cards      TEXT NOT NULL DEFAULT '',    -- serials, "、"-separated
  electricity_card  TEXT NOT NULL DEFAULT '',
  water_card        TEXT NOT NULL DEFAULT '',
  gas_card          TEXT NOT NULL DEFAULT '',
  keys_received_by  TEXT NOT NULL DEFAULT '',    -- who signed for keys and cards
  keys_handed_on    TEXT NOT NULL DEFAULT '',
  inspected_on      TEXT NOT NULL DEFAULT '',
  closed_on         TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  notes             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS handover_unit ON handover (unit_id);
CREATE INDEX IF NOT EXISTS handover_status ON handover (status, handover_on);
CREATE INDEX IF NOT EXISTS handover_day ON handover (handover_on);

-- The checklist of one handover, copied from the template.
CREATE TABLE IF NOT EXISTS handover_check (
  id          INTEGER PRIMARY KEY,
  handover_id INTEGER NOT NULL REFERENCES handover (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  room        TEXT NOT NULL,
  item        TEXT NOT NULL,
  result      TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'ok', 'defect', 'na')),
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS handover_check_handover ON handover_check (handover_id, position);

-- A defect found at the inspection.  The written notice to the responsible
-- party is due notice_due_at (recorded_at + handover.notice_hours); the
-- deadline is the agreed rectification date, moved on by a failed
-- re-inspection.
CREATE TABLE IF NOT EXISTS handover_defect (
  id             INTEGER PRIMARY KEY,
  handover_id    INTEGER NOT NULL REFERENCES handover (id) ON DELETE CASCADE,
  check_id       INTEGER REFERENCES handover_check (id) ON DELETE SET NULL,
  room           TEXT NOT NULL DEFAULT '',
  description    TEXT NOT NULL CHECK (description <> ''),
  responsible    TEXT NOT NULL CHECK (responsible <> ''),
  recorded_at    TEXT NOT NULL,               -- YYYY-MM-DD HH:MM:SS
  notice_due_at  TEXT NOT NULL,
  notice_sent_at TEXT NOT NULL DEFAULT '',
  notice_no      TEXT NOT NULL DEFAULT '',
  deadline       TEXT NOT NULL,               -- YYYY-MM-DD, a working day
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed')),
  closed_on      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS handover_defect_handover ON handover_defect (handover_id);
CREATE INDEX IF NOT EXISTS handover_defect_open ON handover_defect (status, deadline);

-- Each re-inspection (二次验收) of a defect.
CREATE TABLE IF NOT EXISTS handover_reinspection (
  id           INTEGER PRIMARY KEY,
  defect_id    INTEGER NOT NULL REFERENCES handover_defect (id) ON DELETE CASCADE,
  inspected_on TEXT NOT NULL,
  result       TEXT NOT NULL CHECK (result IN ('fixed', 'not_fixed')),
  new_deadline TEXT NOT NULL DEFAULT '',
  inspector    TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS handover_reinspection_defect ON handover_reinspection (defect_id);

INSERT OR IGNORE INTO audited_table (name) VALUES
  ('handover_template_item'), ('handover'), ('handover_check'), ('handover_defect'),
  ('handover_reinspection');

INSERT OR IGNORE INTO setting (key, value, kind, section, description) VALUES
  ('handover.defect_working_days', '7', 'int', 'handover',
   'Default rectification deadline of a handover defect, in working days'),
  ('handover.responsible_default', '建设单位', 'text', 'handover',
   'Default party responsible for handover defects'),
  ('handover.notice_due_soon_hours', '4', 'int', 'handover',
   'Hours before the notice deadline from which a defect notice shows as due soon');

-- Default checklists (DOMAIN §2): door and lock, walls, ceiling, floor,
-- windows, water and drains (ponding test in wet rooms), sockets and
-- switches, distribution box, intercom, gas, leakage, balcony railing.
INSERT INTO handover_template_item (use, position, room, item)
SELECT column1, column2, column3, column4 FROM (VALUES
  ('residential',  1, '入户门厅', '入户门及门锁'),
  ('residential',  2, '入户门厅', '墙面'),
  ('residential',  3, '入户门厅', '天花'),
  ('residential',  4, '入户门厅', '地面'),
  ('residential',  5, '入户门厅', '可视对讲'),
  ('residential',  6, '入户门厅', '配电箱'),
  ('residential',  7, '入户门厅', '插座开关'),
  ('residential',  8, '客厅', '墙面'),
  ('residential',  9, '客厅', '天花'),
  ('residential', 10, '客厅', '地面'),
  ('residential', 11, '客厅', '门窗、玻璃、把手'),
  ('residential', 12, '客厅', '插座开关'),
  ('residential', 13, '主卧', '房门及门锁'),
  ('residential', 14, '主卧', '墙面'),
  ('residential', 15, '主卧', '天花'),
  ('residential', 16, '主卧', '地面'),
  ('residential', 17, '主卧', '门窗、玻璃、把手'),
  ('residential', 18, '主卧', '插座开关'),
  ('residential', 19, '次卧', '房门及门锁'),
  ('residential', 20, '次卧', '墙面'),
  ('residential', 21, '次卧', '天花'),
  ('residential', 22, '次卧', '地面'),
  ('residential', 23, '次卧', '门窗、玻璃、把手'),
  ('residential', 24, '次卧', '插座开关'),
  ('residential', 25, '厨房', '墙面'),
  ('residential', 26, '厨房', '天花'),
  ('residential', 27, '厨房', '地面'),
  ('residential', 28, '厨房', '门窗、玻璃、把手'),
  ('residential', 29, '厨房', '给排水'),
  ('residential', 30, '厨房', '燃气管道及燃气表'),
  ('residential', 31, '厨房', '插座开关'),
  ('residential', 32, '卫生间', '墙面'),
  ('residential', 33, '卫生间', '天花'),
  ('residential', 34, '卫生间', '地面'),
  ('residential', 35, '卫生间', '门窗、玻璃、把手'),
  ('residential', 36, '卫生间', '给排水（闭水试验）'),
  ('residential', 37, '卫生间', '防水及渗漏'),
  ('residential', 38, '卫生间', '插座开关'),
  ('residential', 39, '阳台', '墙面'),
  ('residential', 40, '阳台', '地面'),
  ('residential', 41, '阳台', '门窗、玻璃、把手'),
  ('residential', 42, '阳台', '给排水'),
  ('residential', 43, '阳台', '防水及渗漏'),
  ('residential', 44, '阳台', '阳台栏杆'),
  ('shop',  1, '入口', '卷帘门及门锁'),
  ('shop',  2, '入口', '玻璃门窗、把手'),
  ('shop',  3, '营业区', '墙面'),
  ('shop',  4, '营业区', '天花'),
  ('shop',  5, '营业区', '地面'),
  ('shop',  6, '营业区', '插座开关'),
  ('shop',  7, '营业区', '配电箱'),
  ('shop',  8, '营业区', '给排水'),
  ('shop',  9, '营业区', '防水及渗漏'),
  ('shop', 10, '营业区', '消防设施'),
  ('shop', 11, '卫生间', '给排水（闭水试验）'),
  ('shop', 12, '卫生间', '防水及渗漏'),
  ('office',  1, '入口', '入户门及门锁'),
  ('office',  2, '入口', '门禁对讲'),
  ('office',  3, '办公区', '墙面'),
  ('office',  4, '办公区', '天花'),
  ('office',  5, '办公区', '地面'),
  ('office',  6, '办公区', '门窗、玻璃、把手'),
  ('office',  7, '办公区', '插座开关'),
  ('office',  8, '办公区', '配电箱'),
  ('office',  9, '办公区', '空调及新风'),
  ('office', 10, '办公区', '消防设施'),
  ('office', 11, '茶水间', '给排水'),
  ('office', 12, '茶水间', '防水及渗漏'))
WHERE NOT EXISTS (SELECT 1 FROM handover_template_item);
