import type { Migration } from './types';

/**
 * Imports of an office's spreadsheet (issue 12). `imports` is one committed import (its file, mapping,
 * summary and who ran it); `import_records` says which records it created or completed, row by row, with the
 * version each had right after the import (undo is refused once a record moved on) and, for a completed
 * record, the values it had before. `import_mappings` are saved column mappings, reused by header name. The
 * dry run's rows live outside this database (<data>/imports/<uuid>.sqlite) until the commit.
 */
export const m009: Migration = {
  version: 9,
  name: 'imports',
  up(raw) {
    raw.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        sheet TEXT,
        status TEXT NOT NULL CHECK (status IN ('committing', 'committed', 'cancelled', 'failed', 'undone')),
        rows_read INTEGER NOT NULL,
        rows_imported INTEGER NOT NULL DEFAULT 0,
        summary_json TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        user_name TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        undone_at TEXT,
        undone_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX imports_started ON imports(started_at);

      CREATE TABLE import_records (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        -- the sheet's row number (for a merged group, one row per line)
        line INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'merged', 'filled')),
        business_id INTEGER NOT NULL REFERENCES businesses(id),
        -- the owner, when this import created it
        owner_id INTEGER REFERENCES owners(id),
        business_version INTEGER NOT NULL,
        owner_version INTEGER,
        -- 'filled': the completed columns as they were before
        before_json TEXT,
        -- what the sheet said that the record does not hold (also copied into the notes when it fits)
        kept_json TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX import_records_import ON import_records(import_id, line);
      CREATE INDEX import_records_business ON import_records(business_id);

      CREATE TABLE import_mappings (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        -- { "<folded header>": "<target>" | null }
        columns_json TEXT NOT NULL,
        options_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
