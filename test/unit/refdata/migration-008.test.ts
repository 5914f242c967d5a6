import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { fileDatabaseAt, insertSriWithKbli, migrateTo } from '../../fixtures/migration-db';
import { searchForm } from '../../../db/seed/regions';
import { kbliTitleCase } from '../../../db/seed/kbli';
import { searchKbli } from '../../../electron/services/kbli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-m008-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows as the app shipped them before this migration (titles and keywords of migration 003's first seed). */
const SHIPPED: [version: string, code: string, title: string, keywords: string][] = [
  [
    '2025',
    '31011',
    'Industri Furnitur Dari Kayu',
    'mebel, meubel, furnitur kayu, lemari, kursi kayu, meja kayu, mebel kayu, perabot',
  ],
  ['2020', '23922', 'Industri Genteng dari Tanah Liat/keramik', 'genteng, genteng tanah liat'],
  ['2020', '10311', 'Industri Pengasinan Buah-buahan dan Sayuran', 'asinan, acar, sayur asin'],
  ['2020', '26210', 'Industri Komputer Dan/atau Perakitan Komputer', ''],
  [
    '2020',
    '16299',
    'Industri Barang dari Kayu, Rotan, Gabus Lainnya YTDL',
    'tusuk sate, tusuk gigi, kerajinan kayu lainnya',
  ],
  [
    '2025',
    '16299',
    'Industri Barang Lainnya dari Kayu; Industri Barang dari Gabus, Jerami, Rotan, Bambu, dan Sejenisnya YTDL',
    'tusuk sate, tusuk gigi, kerajinan kayu lainnya',
  ],
  [
    '2020',
    '10710',
    'Industri Produk Roti dan Kue',
    'roti, kue kering, bolu, biskuit, donat, bakpia, kue, kue lebaran',
  ],
];

describe('migration 008 on a database at version 7 holding real rows', () => {
  it('fixes the shipped KBLI titles and keywords in place, and leaves office codes and businesses alone', async () => {
    const db = await fileDatabaseAt(path.join(dir, 'v7.sqlite'), 7);
    const now = '2026-03-12T03:00:00.000Z';
    const put = db.raw.prepare(
      `UPDATE kbli SET title = ?, keywords = ?, search_text = ? WHERE version = ? AND code = ?`,
    );
    for (const [version, code, title, keywords] of SHIPPED)
      put.run(title, keywords, searchForm(`${title} ${keywords}`), version, code);
    // a code the office added, typed its own way: not ours to re-case
    db.raw
      .prepare(
        `INSERT INTO kbli (version, code, title, keywords, search_text, source, added_by_office, created_at)
         VALUES ('2025', '47244', 'Perdagangan Eceran Tahu Dari Pabrik', 'warung tahu', ?, 'office', 1, ?)`,
      )
      .run(searchForm('Perdagangan Eceran Tahu Dari Pabrik warung tahu'), now);
    insertSriWithKbli(db.raw, now, { name: 'Mebel Jati Makmur', kbliCode: '31011', kbliVersion: '2025' });
    // before: the words a clerk types find nothing
    expect(searchKbli(db.raw, { query: 'sangkar burung', limit: 30 }).length).toBe(0);

    const report = await migrateTo(db.raw, 8, { backupDir: path.join(dir, 'pre') });
    expect(report.applied).toEqual([8]);
    expect(report.backupPath).not.toBeNull();

    const title = (version: string, code: string) =>
      (
        db.raw.prepare('SELECT title FROM kbli WHERE version = ? AND code = ?').get(version, code) as {
          title: string;
        }
      ).title;
    expect(title('2025', '31011')).toBe('Industri Furnitur dari Kayu');
    expect(title('2020', '23922')).toBe('Industri Genteng dari Tanah Liat/Keramik');
    expect(title('2020', '10311')).toBe('Industri Pengasinan Buah-Buahan dan Sayuran');
    expect(title('2020', '26210')).toBe('Industri Komputer dan/atau Perakitan Komputer');
    expect(title('2025', '47244')).toBe('Perdagangan Eceran Tahu Dari Pabrik');
    const shipped = db.raw.prepare(`SELECT title FROM kbli WHERE source = 'kbli'`).all() as {
      title: string;
    }[];
    expect(shipped.length).toBe(476 + 463);
    expect(shipped.filter((r) => kbliTitleCase(r.title) !== r.title)).toEqual([]);

    const kw = db.raw
      .prepare(`SELECT keywords, search_text FROM kbli WHERE version = '2020' AND code = '16299'`)
      .get() as {
      keywords: string;
      search_text: string;
    };
    expect(kw.keywords).toContain('sangkar burung');
    expect(kw.search_text).toContain('sangkar burung');
    const found = searchKbli(db.raw, { query: 'sangkar burung', limit: 30 });
    expect(found.map((e) => `${e.version}:${e.code}`).slice(0, 2)).toEqual(['2025:16299', '2020:16299']);
    expect(searchKbli(db.raw, { query: 'wingko', version: '2020', limit: 30 })[0]?.code).toBe('10710');

    const b = db.raw.prepare('SELECT name, kbli_code, kbli_version FROM businesses').get();
    expect(b).toEqual({ name: 'Mebel Jati Makmur', kbli_code: '31011', kbli_version: '2025' });
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    await db.close();
  });

  it('a new database gets the right titles from migration 003 already; 008 then changes nothing', async () => {
    const db = await fileDatabaseAt(path.join(dir, 'new.sqlite'), 7);
    const before = db.raw
      .prepare('SELECT version, code, title, keywords, search_text FROM kbli ORDER BY id')
      .all();
    expect((before as { title: string }[]).filter((r) => kbliTitleCase(r.title) !== r.title)).toEqual([]);
    await migrate(db.raw, { migrations });
    const after = db.raw
      .prepare('SELECT version, code, title, keywords, search_text FROM kbli ORDER BY id')
      .all();
    expect(after).toEqual(before);
    await db.close();
  });
});
