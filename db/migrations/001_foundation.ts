import type { Migration } from './types';

export const m001: Migration = {
  version: 1,
  name: 'foundation: office, users, owners, businesses, audit log',
  up(raw) {
    raw.exec(`
      CREATE TABLE office (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        province_code TEXT NOT NULL,
        province_name TEXT NOT NULL,
        regency_code TEXT NOT NULL,
        regency_name TEXT NOT NULL,
        district_code TEXT NOT NULL,
        district_name TEXT NOT NULL,
        address_line1 TEXT NOT NULL,
        address_line2 TEXT,
        phone TEXT,
        email TEXT,
        postal_code TEXT,
        camat_name TEXT NOT NULL,
        camat_rank TEXT,
        camat_nip TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
        password_hash TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A person. NIK is optional and NOT unique: duplicates are found and merged, never refused by a constraint.
      CREATE TABLE owners (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        nik TEXT,
        name TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX owners_nik ON owners(nik) WHERE nik IS NOT NULL;

      CREATE TABLE businesses (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        registration_number TEXT NOT NULL UNIQUE,
        registration_date TEXT NOT NULL,
        name TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES owners(id),
        village_name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'aktif',
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX businesses_owner ON businesses(owner_id);
      CREATE INDEX businesses_created ON businesses(created_at);

      -- Append-only: who, when, which table and record, the values before and after.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        user_name TEXT,
        table_name TEXT NOT NULL,
        record_id INTEGER,
        record_uuid TEXT,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_record ON audit_log(table_name, record_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Yearly counters (registration numbers, letter numbers). Values only ever go up.
      CREATE TABLE sequences (
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (name, year)
      ) STRICT;
      CREATE TRIGGER sequences_never_down BEFORE UPDATE ON sequences
        WHEN NEW.value <= OLD.value
        BEGIN SELECT RAISE(ABORT, 'a sequence never goes back'); END;
      CREATE TRIGGER sequences_no_delete BEFORE DELETE ON sequences
        BEGIN SELECT RAISE(ABORT, 'a sequence is never deleted'); END;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE secrets (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
