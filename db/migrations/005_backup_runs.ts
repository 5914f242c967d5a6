import type { Migration } from './types';

/**
 * A log of backups and restores (USB, command line, automatic): what was written where, its checksum and
 * size, and how it ended. The home-screen reminder reads the newest successful USB backup from here.
 */
export const m005: Migration = {
  version: 5,
  name: 'backup and restore log',
  up(raw) {
    raw.exec(`
      CREATE TABLE backup_runs (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('usb', 'cli', 'restore')),
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'cancelled')),
        target TEXT,
        file_name TEXT,
        bytes INTEGER,
        sha256 TEXT,
        error_code TEXT,
        counts_json TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        user_name TEXT
      ) STRICT;
      CREATE INDEX backup_runs_kind ON backup_runs(kind, status, finished_at);
    `);
  },
};
