import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

export type RawDb = Database.Database;
export type Db = Kysely<DB>;

export const DB_FILE_NAME = 'daftar-ikm.sqlite';

/** Pragmas every connection gets: WAL, synchronous=FULL (power cuts are common), foreign keys on. */
export function applyPragmas(raw: RawDb): void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('temp_store = MEMORY');
}

export interface OpenedDb {
  raw: RawDb;
  db: Db;
  close(): Promise<void>;
}

/** Opens (creating if needed) the database file; `:memory:` for tests. */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): OpenedDb {
  const raw = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) applyPragmas(raw);
  else raw.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    raw,
    db,
    async close() {
      if (raw.open && !opts.readonly) {
        try {
          raw.pragma('optimize');
          raw.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // best effort at shutdown
        }
      }
      // Kysely's destroy closes the handle only if Kysely ever acquired it; a database used only through
      // `raw` (the command line, the backup) is closed here.
      await db.destroy();
      if (raw.open) raw.close();
    },
  };
}
