import type { Migration } from './types';

/**
 * Accounts and roles (issue 10). The `users` table is rebuilt because SQLite cannot change a CHECK
 * constraint in place: the role may now be `viewer` too, and each account carries its lockout state
 * (failures in a row, locked until) and when its password last changed. `archived_at` keeps its meaning:
 * a disabled account (accounts are never deleted: the audit log refers to them).
 *
 * Every user of an existing database becomes an administrator: before this version there was no way to make
 * anyone else, so whoever exists was set up as (or acts as) the office's administrator.
 */
export const m012: Migration = {
  version: 12,
  name: 'accounts: viewer role, lockout state, password change time',
  // audit_log, duplicate decisions and imports refer to users(id): rebuilt with foreign keys off, checked after
  foreignKeysOff: true,
  up(raw) {
    raw.exec(`
      CREATE TABLE users_new (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
        password_hash TEXT NOT NULL,
        archived_at TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT,
        password_changed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO users_new (id, uuid, username, full_name, role, password_hash, archived_at, created_at, updated_at)
        SELECT id, uuid, username, full_name, 'admin', password_hash, archived_at, created_at, updated_at FROM users;
      DROP TABLE users;
      ALTER TABLE users_new RENAME TO users;
      CREATE INDEX audit_user_at ON audit_log(user_id, at);
      CREATE INDEX audit_at ON audit_log(at);
    `);
  },
};
