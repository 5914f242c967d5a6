import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate, MigrationError, SchemaTooNewError, schemaVersion } from '../../db/migrate';
import { migrations, LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import type { Migration } from '../../db/migrations/types';
import { bootApp } from '../../electron/app/boot';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('build a fresh database to the latest version with WAL, synchronous=FULL and foreign keys', async () => {
    const dir = tmp();
    const { raw, close } = openDatabase(path.join(dir, 'a.sqlite'));
    const report = await migrate(raw, { backupDir: path.join(dir, 'pre') });
    expect(report.from).toBe(0);
    expect(report.to).toBe(LATEST_SCHEMA_VERSION);
    expect(report.backupPath).toBeNull(); // nothing to protect in a new database
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await close();
  });

  it('close the handle even when only the raw connection was used', async () => {
    const dir = tmp();
    const opened = openDatabase(path.join(dir, 'raw-only.sqlite'));
    opened.raw.exec('CREATE TABLE t (x)');
    await opened.close();
    expect(opened.raw.open).toBe(false);
  });

  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migrate every previous version holding real rows, taking a copy first', async () => {
    for (let v = 1; v < LATEST_SCHEMA_VERSION; v++) {
      const dir = tmp();
      const file = path.join(dir, 'old.sqlite');
      const old = openDatabase(file);
      await migrate(old.raw, { migrations: migrations.slice(0, v) });
      old.raw.exec(`
        INSERT INTO office (uuid, province_code, province_name, regency_code, regency_name, district_code, district_name,
          address_line1, camat_name, created_at, updated_at)
        VALUES ('o1', '35', 'Jawa Timur', '35.09', 'Kabupaten Jember', '35.09.27', 'Kalisat', 'Jl. Raya', 'Camat', 'x', 'x');
        INSERT INTO owners (uuid, nik, name, created_at, updated_at) VALUES ('w1', '3509274508850003', 'Sri', 'x', 'x');
        INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, created_at, updated_at)
        VALUES ('b1', 'IKM-350927-2026-00001', '2026-03-12', 'Keripik Tempe Bu Sri', 1, 'Ajung', 'x', 'x');
      `);
      const report = await migrate(old.raw, { backupDir: path.join(dir, 'pre') });
      expect(report.from).toBe(v);
      expect(report.to).toBe(LATEST_SCHEMA_VERSION);
      expect(report.backupPath && existsSync(report.backupPath)).toBeTruthy();
      const row = old.raw.prepare('SELECT name, registration_number FROM businesses').get();
      expect(row).toEqual({ name: 'Keripik Tempe Bu Sri', registration_number: 'IKM-350927-2026-00001' });
      // The copy is the database as it was before the migration.
      const copy = new Database(report.backupPath!, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(v);
      expect(copy.prepare('SELECT count(*) AS n FROM businesses').get()).toEqual({ n: 1 });
      copy.close();
      await old.close();
    }
  }, 120_000); // one database per earlier version, each loading the reference lists again: grows with every migration

  it('leave the data exactly as it was when a migration fails', async () => {
    const dir = tmp();
    const file = path.join(dir, 'db.sqlite');
    const db = openDatabase(file);
    await migrate(db.raw);
    db.raw.exec(`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'x')`);
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(raw) {
        raw.exec(`CREATE TABLE half_done (id INTEGER); DELETE FROM settings;`);
        raw.exec(`THIS IS NOT SQL`);
      },
    };
    await expect(
      migrate(db.raw, { migrations: [...migrations, broken], backupDir: path.join(dir, 'pre') }),
    ).rejects.toBeInstanceOf(MigrationError);
    expect(schemaVersion(db.raw)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.raw.prepare(`SELECT value FROM settings WHERE key = 'k'`).get()).toEqual({ value: 'v' });
    expect(db.raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    expect(readdirSync(path.join(dir, 'pre'))).toHaveLength(1);
    await db.close();
  });

  it('refuse a database from a newer app, and the app boots into an error screen instead of crashing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'daftar-ikm.sqlite');
    const db = openDatabase(file);
    await migrate(db.raw);
    db.raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    await db.close();
    const before = path.join(dir, 'before.sqlite');
    copyFileSync(file, before);
    await expect(migrate(new Database(file))).rejects.toBeInstanceOf(SchemaTooNewError);
    const booted = await bootApp({ dataDir: dir });
    expect(booted.ok).toBe(false);
    const info = await booted.dispatch('app:info', undefined);
    expect(info.ok && (info.value as { startupError: { code: string } }).startupError.code).toBe(
      'SCHEMA_TOO_NEW',
    );
    const other = await booted.dispatch('business:list', {});
    expect(other).toEqual({ ok: false, error: { code: 'STARTUP_FAILED', message: 'errors.startupFailed' } });
    await booted.close();
  });
});
