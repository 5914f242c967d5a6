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

/** rows a bulk writer commits between two checkpoints (`bulkCheckpoints`) */
export const BULK_CHECKPOINT_ROWS = 10_000;

/**
 * Checkpoints for a bulk writer (the import's commit): SQLite's automatic checkpoint runs in the commit that
 * takes the WAL past 1,000 pages, and a batch of 2,000 rows writes more than that, so every batch also
 * copied the WAL into the database file and synced it — index pages the next batch dirties again were
 * copied once per batch (measured: docs/benchmarks.md note 11). Held, the writer checkpoints after the batch
 * that reaches `everyRows` rows since the last one, and at the end; the automatic checkpoint is put back as
 * it was. Durability does not change: a commit is durable once in the WAL (synchronous = FULL syncs it); a
 * checkpoint only moves committed pages into the main file.
 */
export function bulkCheckpoints(
  raw: RawDb,
  everyRows = BULK_CHECKPOINT_ROWS,
): { afterBatch(rows: number): void; end(): void } {
  const auto = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
  raw.pragma('wal_autocheckpoint = 0');
  let since = 0;
  const checkpoint = () => {
    since = 0;
    if (!raw.memory && !raw.inTransaction) raw.pragma('wal_checkpoint(PASSIVE)');
  };
  return {
    afterBatch(rows) {
      since += rows;
      if (since >= everyRows) checkpoint();
    },
    end() {
      raw.pragma(`wal_autocheckpoint = ${auto}`);
      try {
        checkpoint();
      } catch {
        // after a failed batch (a full disk): the error that matters is the batch's; the next automatic
        // checkpoint moves what was committed
      }
    },
  };
}
