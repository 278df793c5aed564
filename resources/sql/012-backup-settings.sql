-- 012: how many automatic backups to keep (issue: never lose a record).
INSERT INTO setting (key, value, kind, section, description) VALUES
  ('backup.keep_daily', '7', 'int', 'backup', 'Automatic backups kept: one per day for this many days'),
  ('backup.keep_weekly', '4', 'int', 'backup', 'Automatic backups kept: one per week for this many weeks');
