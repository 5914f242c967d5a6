import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileDatabaseAt, insertSriWithKbli, migrateTo } from '../../fixtures/migration-db';

const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-m003-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 003 on a database at version 2 holding real rows', () => {
  it('adds the reference tables, loads them, and leaves existing rows untouched', async () => {
    const db = await fileDatabaseAt(path.join(dir, 'v2.sqlite'), 2);
    const now = '2026-03-12T03:00:00.000Z';
    insertSriWithKbli(db.raw, now, { name: 'Keripik Tempe Bu Sri', kbliCode: '10794', kbliVersion: '2020' });

    const report = await migrateTo(db.raw, 3, { backupDir: path.join(dir, 'pre') });
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
