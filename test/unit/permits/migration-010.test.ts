import { describe, expect, it } from 'vitest';
import { memoryDatabaseAt, migrateTo } from '../../fixtures/migration-db';

describe('migration 010 (permits)', () => {
  it('migrates a version-9 database holding businesses: none has a permit yet; counters and gap tables follow', async () => {
    const raw = await memoryDatabaseAt(9);
    raw
      .prepare(`INSERT INTO owners (uuid, name, created_at, updated_at) VALUES ('o1', 'Sri', 'now', 'now')`)
      .run();
    const biz = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, village_code, kbli_code, archived_at, created_at, updated_at)
       VALUES (?, ?, '2026-01-02', ?, 1, 'Ajung', '35.09.27.2001', ?, ?, 'now', 'now')`,
    );
    biz.run('b1', 'IKM-350927-2026-00001', 'Keripik Tempe', '10794', null);
    biz.run('b2', 'IKM-350927-2026-00002', 'Batik Tulis', '13134', null);
    biz.run('b3', 'IKM-350927-2026-00003', 'Tutup', '10710', '2026-02-01');
    await migrateTo(raw, 10);
    expect(raw.pragma('user_version', { simple: true })).toBe(10);
    expect(raw.prepare('SELECT name FROM businesses ORDER BY id').pluck().all()).toEqual([
      'Keripik Tempe',
      'Batik Tulis',
      'Tutup',
    ]);
    expect(raw.prepare('SELECT business_id FROM permit_gap_none ORDER BY 1').pluck().all()).toEqual([1, 2]);
    expect(raw.prepare('SELECT business_id FROM permit_gap_food').pluck().all()).toEqual([1]);
    expect(raw.prepare('SELECT count(*) FROM permit_types').pluck().get()).toBe(12);

    const pirt = raw.prepare(`SELECT id FROM permit_types WHERE code = 'pirt'`).pluck().get() as number;
    const ins = raw.prepare(
      `INSERT INTO permits (uuid, business_id, type_id, number, issue_date, valid_until, created_at, updated_at)
       VALUES (?, ?, ?, '2063509010123-27', ?, ?, 'now', 'now')`,
    );
    ins.run('p1', 1, pirt, '2022-03-12', '2027-03-12');
    expect(raw.prepare('SELECT permits_held, food_permits_held FROM businesses WHERE id = 1').get()).toEqual({
      permits_held: 1,
      food_permits_held: 1,
    });
    expect(raw.prepare('SELECT business_id FROM permit_gap_none').pluck().all()).toEqual([2]);
    expect(raw.prepare('SELECT count(*) FROM permit_gap_food').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT b_live, b_village, b_kbli FROM permits').get()).toEqual({
      b_live: 1,
      b_village: '35.09.27.2001',
      b_kbli: '10794',
    });
    // archiving the permit gives the business back to both lists; moving the business follows on the permit
    raw.prepare(`UPDATE permits SET archived_at = 'now'`).run();
    expect(raw.prepare('SELECT business_id FROM permit_gap_none ORDER BY 1').pluck().all()).toEqual([1, 2]);
    raw.prepare(`UPDATE businesses SET village_code = '35.09.27.2005' WHERE id = 1`).run();
    expect(raw.prepare('SELECT b_village FROM permits').pluck().get()).toBe('35.09.27.2005');
    expect(raw.prepare('SELECT village_code FROM permit_gap_none WHERE business_id = 1').pluck().get()).toBe(
      '35.09.27.2005',
    );
    // the database refuses what the form refuses
    expect(() => ins.run('p2', 1, pirt, '2027-01-01', '2026-01-01')).toThrow(/CHECK/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO permit_scans (uuid, mime, file_name, bytes, sha256, data, created_at) VALUES ('s', 'application/zip', 'a', 1, 'x', x'00', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
