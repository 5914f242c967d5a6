import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 006 (letters)', () => {
  it('adds the register to a version-5 database holding a business, and guards its numbers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-m006-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'v5.sqlite'));
    await migrate(db.raw, { migrations: migrations.filter((m) => m.version <= 5) });
    db.raw.exec(`
      INSERT INTO owners (uuid, name, created_at, updated_at) VALUES ('w1', 'Sri', 'x', 'x');
      INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, created_at, updated_at)
      VALUES ('b1', 'IKM-350927-2026-00001', '2026-03-12', 'Keripik Tempe Bu Sri', 1, 'Ajung', 'x', 'x');
    `);
    await migrate(db.raw, { backupDir: path.join(dir, 'pre') });
    expect(db.raw.prepare('SELECT name FROM businesses').get()).toEqual({ name: 'Keripik Tempe Bu Sri' });
    const insert = db.raw.prepare(
      `INSERT INTO letters (uuid, business_id, number, seq, year, kind, original_id, purpose, paper, payload,
         verification_code, content_json, issued_at, created_at, updated_at)
       VALUES (?, 1, ?, ?, 2026, ?, ?, 'bantuan', 'A4', 'IKM1.x.y', 'AAAA-BBBB', '{}', 'x', 'x', 'x')`,
    );
    insert.run('l1', '500.1/001/35.09.27/III/2026', 1, 'original', null);
    // a copy shares the number; a second original with the same number or counter is refused
    insert.run('l2', '500.1/001/35.09.27/III/2026', 1, 'salinan', 1);
    expect(() => insert.run('l3', '500.1/001/35.09.27/III/2026', 2, 'original', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('l4', '500.1/099/35.09.27/III/2026', 1, 'original', null)).toThrow(/UNIQUE/);
    // a copy must point at its original, an original at nothing
    expect(() => insert.run('l5', '500.1/002/35.09.27/III/2026', 2, 'salinan', null)).toThrow(/CHECK/);
    expect(() => db.raw.prepare('DELETE FROM letters WHERE id = 1').run()).toThrow(/never deleted/);
    await db.close();
  });
});
