-- 006-survey.sql: satisfaction surveys (DOMAIN §6) — questionnaire template
-- versions, campaigns with their target units, keyed-in responses and their
-- answers, and the follow-ups of the owners' opinions.
-- Written to run again harmlessly (IF NOT EXISTS, OR IGNORE): a database
-- rewound to an older user_version replays it.

-- A template version is never changed once saved: editing the template saves
-- a new version, and each campaign keeps the version it was created with.
CREATE TABLE IF NOT EXISTS survey_template (
  id             INTEGER PRIMARY KEY,
  version        INTEGER NOT NULL UNIQUE CHECK (version > 0),
  label_5        TEXT NOT NULL CHECK (label_5 <> ''),   -- 很满意
  label_4        TEXT NOT NULL CHECK (label_4 <> ''),   -- 满意
  label_3        TEXT NOT NULL CHECK (label_3 <> ''),   -- 一般
  label_2        TEXT NOT NULL CHECK (label_2 <> ''),   -- 不满意
  label_1        TEXT NOT NULL CHECK (label_1 <> ''),   -- 很不满意
  opinion_title  TEXT NOT NULL CHECK (opinion_title <> ''),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS survey_item (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES survey_template (id),
  position    INTEGER NOT NULL CHECK (position > 0),
  title       TEXT NOT NULL CHECK (title <> ''),
  UNIQUE (template_id, position),
  UNIQUE (template_id, title)
);

CREATE TABLE IF NOT EXISTS survey_campaign (
  id                    INTEGER PRIMARY KEY,
  estate_id             INTEGER NOT NULL REFERENCES estate (id),
  template_id           INTEGER NOT NULL REFERENCES survey_template (id),
  name                  TEXT NOT NULL CHECK (name <> ''),
  start_on              TEXT NOT NULL,
  end_on                TEXT NOT NULL,
  target_kind           TEXT NOT NULL DEFAULT 'all'
                        CHECK (target_kind IN ('all', 'buildings', 'sample')),
  target_buildings      TEXT NOT NULL DEFAULT '',   -- buildings: comma list of building codes
  sample_size           INTEGER NOT NULL DEFAULT 0, -- sample: number of units asked
  method                TEXT NOT NULL DEFAULT 'paper' CHECK (method IN ('paper', 'phone', 'visit')),
  coverage_goal_pct     INTEGER NOT NULL CHECK (coverage_goal_pct BETWEEN 0 AND 100),
  satisfaction_goal_pct INTEGER NOT NULL CHECK (satisfaction_goal_pct BETWEEN 0 AND 100),
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  CHECK (end_on >= start_on)
);
CREATE INDEX IF NOT EXISTS survey_campaign_period ON survey_campaign (start_on, end_on);

-- The units asked, fixed when the campaign is created (a sample must not
-- change when units are added later).  Not audited: the rows follow from the
-- audited campaign row and are never edited; logging each would bury the
-- audit log under hundreds of rows per campaign.
CREATE TABLE IF NOT EXISTS survey_target (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES survey_campaign (id),
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  UNIQUE (campaign_id, unit_id)
);

-- One returned form.  answered_on is the date the owner answered; it decides
-- the month the response counts in.
CREATE TABLE IF NOT EXISTS survey_response (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES survey_campaign (id),
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  answered_on TEXT NOT NULL,
  opinion     TEXT NOT NULL DEFAULT '',
  entered_at  TEXT NOT NULL,
  entered_by  TEXT NOT NULL,
  UNIQUE (campaign_id, unit_id)
);
CREATE INDEX IF NOT EXISTS survey_response_date ON survey_response (answered_on, campaign_id, unit_id);

-- Valid answers only (score 5 = 很满意 … 1 = 很不满意); a blank is the
-- absence of a row, so "valid answers" is a plain count.
CREATE TABLE IF NOT EXISTS survey_answer (
  id          INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES survey_response (id),
  item_id     INTEGER NOT NULL REFERENCES survey_item (id),
  score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  UNIQUE (response_id, item_id)
);
-- Covering index: the statistics read (response, item, score) without the table.
CREATE INDEX IF NOT EXISTS survey_answer_stats ON survey_answer (response_id, item_id, score);

-- An opinion's follow-up (003 L28–32): routed to the responsible department,
-- the department's written measures, rectification, return visit.  Each stage
-- holds its date and who signed it off; '' while not done.
CREATE TABLE IF NOT EXISTS survey_followup (
  id            INTEGER PRIMARY KEY,
  response_id   INTEGER NOT NULL UNIQUE REFERENCES survey_response (id),
  received_on   TEXT NOT NULL,
  department    TEXT NOT NULL DEFAULT '',
  routed_on     TEXT NOT NULL DEFAULT '',
  routed_by     TEXT NOT NULL DEFAULT '',
  measures      TEXT NOT NULL DEFAULT '',
  measures_on   TEXT NOT NULL DEFAULT '',
  measures_by   TEXT NOT NULL DEFAULT '',
  rectified_on  TEXT NOT NULL DEFAULT '',
  rectified_by  TEXT NOT NULL DEFAULT '',
  visit_result  TEXT NOT NULL DEFAULT '',
  visited_on    TEXT NOT NULL DEFAULT '',
  visited_by    TEXT NOT NULL DEFAULT ''
);

INSERT OR IGNORE INTO audited_table (name) VALUES
  ('survey_template'), ('survey_item'), ('survey_campaign'),
  ('survey_response'), ('survey_answer'), ('survey_followup');

-- Version 1: the default items of DOMAIN §6, in this order.
INSERT OR IGNORE INTO survey_template (id, version, label_5, label_4, label_3, label_2, label_1,
                             opinion_title, created_at, created_by)
VALUES (1, 1, '很满意', '满意', '一般', '不满意', '很不满意', '意见和建议',
        '2026-01-01 00:00:00', 'system');
INSERT OR IGNORE INTO survey_item (template_id, position, title) VALUES
  (1, 1, '前台接待与服务态度'),
  (1, 2, '报修响应速度'),
  (1, 3, '维修质量'),
  (1, 4, '保洁卫生'),
  (1, 5, '绿化养护'),
  (1, 6, '安全秩序'),
  (1, 7, '公共设施维护'),
  (1, 8, '停车管理'),
  (1, 9, '装修管理'),
  (1, 10, '收费透明度'),
  (1, 11, '社区文化活动'),
  (1, 12, '投诉处理'),
  (1, 13, '总体满意度');
