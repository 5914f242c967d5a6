import type { Migration } from './types';

/**
 * Registration letters (surat keterangan terdaftar IKM). One row per printed letter: the original takes the
 * next number of the yearly `letter` sequence; a reprint (`salinan`) is its own row with the same number and
 * points at the original. Voided letters keep their number and the reason. Public keys of other offices are
 * kept to verify their letters offline.
 */
export const m006: Migration = {
  version: 6,
  name: 'letters register and imported verification keys',
  up(raw) {
    raw.exec(`
      CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        business_id INTEGER NOT NULL REFERENCES businesses(id),
        number TEXT NOT NULL,
        seq INTEGER NOT NULL,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('original', 'salinan')),
        original_id INTEGER REFERENCES letters(id),
        status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'voided')),
        void_reason TEXT,
        voided_at TEXT,
        voided_by TEXT,
        purpose TEXT NOT NULL,
        paper TEXT NOT NULL CHECK (paper IN ('A4', 'F4')),
        full_nik INTEGER NOT NULL DEFAULT 0,
        file_path TEXT,
        page INTEGER,
        sha256 TEXT,
        payload TEXT NOT NULL,
        verification_code TEXT NOT NULL,
        content_json TEXT NOT NULL,
        batch_id TEXT,
        issued_at TEXT NOT NULL,
        issued_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((kind = 'original') = (original_id IS NULL))
      ) STRICT;
      -- A number is never issued twice: one original per (year, seq) and per number.
      CREATE UNIQUE INDEX letters_original_seq ON letters(year, seq) WHERE kind = 'original';
      CREATE UNIQUE INDEX letters_original_number ON letters(number) WHERE kind = 'original';
      CREATE INDEX letters_business ON letters(business_id);
      CREATE INDEX letters_issued ON letters(issued_at);
      CREATE INDEX letters_number ON letters(number);
      CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
        BEGIN SELECT RAISE(ABORT, 'letters are never deleted; void them'); END;

      CREATE TABLE letter_keys (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        office_code TEXT NOT NULL,
        office_name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX letter_keys_office ON letter_keys(office_code);
    `);
  },
};
