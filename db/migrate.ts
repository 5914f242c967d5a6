import { mkdirSync, openSync, fsyncSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { RawDb } from './connection';
import { migrations as defaultMigrations } from './migrations/index';
import type { Migration } from './migrations/types';

export class MigrationError extends Error {
  readonly version: number;
  readonly migrationName: string;
  readonly backupPath: string | null;
  constructor(m: Migration, cause: unknown, backupPath: string | null) {
    super(
      `Migration ${m.version} (${m.name}) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'MigrationError';
    this.version = m.version;
    this.migrationName = m.name;
    this.backupPath = backupPath;
  }
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`Database schema ${found} is newer than this app supports (${supported}).`);
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(raw: RawDb): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Where to put the copy taken before an existing database is changed. Omit for in-memory databases. */
  backupDir?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface MigrateReport {
  from: number;
  to: number;
  applied: number[];
  backupPath: string | null;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Brings the database to the latest schema. Before changing a database that already holds a schema, takes a
 * consistent copy with SQLite's backup API. Each migration runs in its own transaction together with the
 * bump of user_version, so a failure leaves the database exactly at the last good version.
 */
export async function migrate(raw: RawDb, opts: MigrateOptions = {}): Promise<MigrateReport> {
  const list = opts.migrations ?? defaultMigrations;
  const latest = list.length ? list[list.length - 1]!.version : 0;
  const from = schemaVersion(raw);
  if (from > latest) throw new SchemaTooNewError(from, latest);
  const pending = list.filter((m) => m.version > from);
  let backupPath: string | null = null;
  if (pending.length && from > 0 && opts.backupDir) {
    mkdirSync(opts.backupDir, { recursive: true });
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(opts.backupDir, `pre-migration-v${from}-${stamp}.sqlite`);
    await raw.backup(backupPath);
    fsyncFile(backupPath);
  }
  const applied: number[] = [];
  for (const m of pending) {
    // PRAGMA foreign_keys is a no-op inside a transaction: switched around it, and checked before commit.
    const fkWasOn = m.foreignKeysOff ? raw.pragma('foreign_keys', { simple: true }) === 1 : false;
    if (fkWasOn) raw.pragma('foreign_keys = OFF');
    try {
      raw
        .transaction(() => {
          m.up(raw);
          if (m.foreignKeysOff) {
            const broken = raw.pragma('foreign_key_check') as unknown[];
            if (broken.length) throw new Error(`foreign key check failed (${broken.length} rows)`);
          }
          raw.pragma(`user_version = ${m.version}`);
        })
        .immediate();
    } catch (e) {
      throw new MigrationError(m, e, backupPath);
    } finally {
      if (fkWasOn) raw.pragma('foreign_keys = ON');
    }
    applied.push(m.version);
  }
  return { from, to: schemaVersion(raw), applied, backupPath };
}
