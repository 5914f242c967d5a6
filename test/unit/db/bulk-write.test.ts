import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyPragmas, bulkCheckpoints } from '../../../db/connection';
import { newRecordUuid } from '../../../db/record-uuid';
import { defaultUuid } from '../../../electron/app/context';

describe('record uuids', () => {
  it('are RFC 9562 version 7: unique, accepted by the schemas, in the order they were made', () => {
    const list = Array.from({ length: 20_000 }, () => newRecordUuid());
    expect(new Set(list).size).toBe(list.length);
    for (const u of list.slice(0, 200)) {
      expect(z.uuid().safeParse(u).success).toBe(true);
      expect(u[14]).toBe('7');
      expect('89ab').toContain(u[19]);
    }
    const times = list.map((u) => u.slice(0, 13));
    expect(times).toEqual([...times].sort());
    // the time they carry is now (48 bits of milliseconds)
    const ms = parseInt(list[0]!.replace('-', '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });
});

describe("the app context's uuids", () => {
  it('stay distinct in their first 8 characters, which name previews, batch files and permit-type codes', () => {
    const short = Array.from({ length: 200 }, () => defaultUuid().slice(0, 8));
    expect(new Set(short).size).toBe(short.length);
  });
});

describe('bulkCheckpoints', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  function fileDb() {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bulk-ckpt-'));
    const file = path.join(dir, 'db.sqlite');
    const raw = new Database(file);
    applyPragmas(raw);
    raw.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
    const insert = raw.prepare(`INSERT INTO t (v) VALUES (?)`);
    // ~1,200 pages of 4 KiB per batch: past the automatic checkpoint's 1,000
    const batch = () =>
      raw.transaction(() => {
        for (let i = 0; i < 1200; i++) insert.run('x'.repeat(4000));
      })();
    return { raw, file, batch };
  }

  it('holds the automatic checkpoint between batches, checkpoints every N rows and at the end, puts it back', () => {
    const { raw, file, batch } = fileDb();
    const size = () => statSync(file).size;
    // without the hold, SQLite checkpoints inside the commit of a batch that large
    batch();
    const afterAuto = size();
    expect(afterAuto).toBeGreaterThan(1000 * 4096);

    const c = bulkCheckpoints(raw, 2400);
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    batch();
    c.afterBatch(1200);
    expect(size()).toBe(afterAuto); // committed, in the WAL only
    batch();
    c.afterBatch(1200); // 2,400 rows: a checkpoint
    const afterTwo = size();
    expect(afterTwo).toBeGreaterThan(afterAuto + 2000 * 4096);
    batch();
    c.afterBatch(1200);
    expect(size()).toBe(afterTwo);
    c.end();
    expect(size()).toBeGreaterThan(afterTwo + 1000 * 4096);
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(raw.prepare(`SELECT count(*) FROM t`).pluck().get()).toBe(4 * 1200);
    raw.close();
    // every committed row is there for the next connection
    const again = new Database(file, { readonly: true });
    expect(again.prepare(`SELECT count(*) FROM t`).pluck().get()).toBe(4 * 1200);
    again.close();
  });
});
