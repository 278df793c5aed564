-- 008: user accounts and their roles (issue 9: graded passwords changed
-- regularly).  Only a salted argon2id hash is stored (libsodium's
-- crypto_pwhash_str); the audit triggers skip the password_hash column.
CREATE TABLE user_account (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name        TEXT NOT NULL DEFAULT '',
  role                TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager', 'admin')),
  password_hash       TEXT NOT NULL,
  must_change         INTEGER NOT NULL DEFAULT 0,
  password_changed_on TEXT NOT NULL,
  active              INTEGER NOT NULL DEFAULT 1
);

INSERT INTO audited_table (name) VALUES ('user_account');

INSERT INTO setting (key, value, kind, section, description) VALUES
  ('security.password_max_age_days', '90', 'int', 'security', 'Days after which a password must be changed (0 = never)');
