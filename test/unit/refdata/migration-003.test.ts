import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate, schemaVersion } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-m003-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 003 on a database at version 2 holding real rows', () => {
  it('adds the reference tables, loads them, and leaves existing rows untouched', async () => {
    const file = path.join(dir, 'v2.sqlite');
    const db = openDatabase(file);
    await migrate(db.raw, { migrations: migrations.filter((m) => m.version <= 2) });
    expect(schemaVersion(db.raw)).toBe(2);
    const now = '2026-03-12T03:00:00.000Z';
    db.raw
      .prepare(
        `INSERT INTO owners (uuid, nik, name, created_at, updated_at) VALUES ('o-1', '3509274508850003', 'Sri', ?, ?)`,
      )
      .run(now, now);
    db.raw
      .prepare(
        `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name,
           village_code, kbli_code, kbli_version, created_at, updated_at)
         VALUES ('b-1', 'IKM-350927-2026-00001', '2026-03-12', 'Keripik Tempe Bu Sri', 1, 'Ajung',
           '35.09.27.2008', '10794', '2020', ?, ?)`,
      )
      .run(now, now);

    const report = await migrate(db.raw, {
      migrations: migrations.filter((m) => m.version <= 3),
      backupDir: path.join(dir, 'pre'),
    });
    expect(report.applied).toEqual([3]);
    expect(report.backupPath).not.toBeNull(); // a copy was taken before an existing database was changed
    const b = db.raw.prepare('SELECT name, village_code, kbli_code FROM businesses').get();
    expect(b).toEqual({ name: 'Keripik Tempe Bu Sri', village_code: '35.09.27.2008', kbli_code: '10794' });
    // the stored codes resolve against the new tables
    const desa = db.raw.prepare('SELECT name FROM regions WHERE code = ?').get('35.09.27.2008') as {
      name: string;
    };
    expect(desa.name).toBe('Ajung');
    const kbli = db.raw.prepare(`SELECT title FROM kbli WHERE version = '2020' AND code = '10794'`).get() as {
      title: string;
    };
    expect(kbli.title).toContain('Kerupuk');
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    await db.close();
  });
});
