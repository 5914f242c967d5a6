import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

/**
 * Issue 11 item 9: migration 014 rebuilds `businesses` so the worker counts may be NULL. The rebuild keeps
 * every row, index, trigger and foreign key; a stored 0/0 (what the form wrote for an empty field) becomes
 * unknown, and the size classes that need workers are then NULL.
 */
const upTo = (v: number) => migrations.filter((m) => m.version <= v);

function populate(raw: Database.Database): void {
  raw.exec(`
    INSERT INTO owners (uuid, nik, name, created_at, updated_at) VALUES ('w1', '3509274508850003', 'Sri', 'x', 'x');
    INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, village_code,
      workers_male, workers_female, investment, capital, annual_turnover, created_at, updated_at)
    VALUES
      ('b1', 'IKM-350927-2026-00001', '2026-03-12', 'Keripik Bu Sri', 1, 'Ajung', '35.09.27.2001', 0, 0, 45000000, 30000000, NULL, 'x', 'x'),
      ('b2', 'IKM-350927-2026-00002', '2026-03-13', 'Tahu Pak Budi', 1, 'Ajung', '35.09.27.2001', 3, 2, 45000000, 2000000000, 1000000000, 'x', 'x'),
      ('b3', 'IKM-350927-2026-00003', '2026-04-01', 'Batik Bu Ani', 1, 'Kalisat', '35.09.27.2002', 0, 7, NULL, NULL, NULL, 'x', 'x');
    UPDATE businesses SET archived_at = 'y' WHERE uuid = 'b3';
    INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, merged_into_id,
      created_at, updated_at)
    VALUES ('b4', 'IKM-350927-2026-00004', '2026-04-02', 'Tahu Budi (dobel)', 1, 'Ajung', 2, 'x', 'x');
  `);
  const type = raw.prepare(`SELECT id FROM permit_types WHERE code = 'nib'`).pluck().get() as number;
  raw
    .prepare(
      `INSERT INTO permits (uuid, business_id, type_id, number, created_at, updated_at) VALUES ('p1', 2, ?, '1234567890123', 'x', 'x')`,
    )
    .run(type);
}

const schemaOf = (raw: Database.Database) =>
  raw
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view')
       ORDER BY type, name`,
    )
    .all();

describe('migration 014: unknown worker counts', () => {
  it('keeps every row, index and trigger, and turns a stored 0/0 into unknown', async () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    await migrate(raw, { migrations: upTo(13) });
    populate(raw);
    const before = schemaOf(raw);
    const rowsBefore = raw
      .prepare(
        'SELECT id, uuid, name, owner_id, archived_at, merged_into_id, permits_held FROM businesses ORDER BY id',
      )
      .all();
    const gapBefore = raw.prepare('SELECT * FROM permit_gap_none ORDER BY business_id').all();

    await migrate(raw, { migrations: upTo(14) });

    expect(raw.pragma('user_version', { simple: true })).toBe(14);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    // every index and trigger as it was, word for word (the rename rewrites nothing that was there)
    expect(schemaOf(raw)).toEqual(before);
    expect(
      raw
        .prepare(
          'SELECT id, uuid, name, owner_id, archived_at, merged_into_id, permits_held FROM businesses ORDER BY id',
        )
        .all(),
    ).toEqual(rowsBefore);
    expect(raw.prepare('SELECT * FROM permit_gap_none ORDER BY business_id').all()).toEqual(gapBefore);
    // foreign keys from other tables still point at the new table
    expect(
      raw
        .prepare(`SELECT "table" FROM pragma_foreign_key_list('permits') WHERE "from" = 'business_id'`)
        .pluck()
        .get(),
    ).toBe('businesses');

    const cols = raw.prepare(`SELECT name, "notnull" FROM pragma_table_xinfo('businesses')`).all() as {
      name: string;
      notnull: number;
    }[];
    expect(cols.find((c) => c.name === 'workers_male')?.notnull).toBe(0);
    expect(cols.find((c) => c.name === 'workers_female')?.notnull).toBe(0);

    const rows = raw
      .prepare(
        `SELECT uuid, workers_male, workers_female, workers_total, industry_class, bps_scale, business_class,
           business_class_capital, business_class_turnover FROM businesses ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      {
        uuid: 'b1',
        workers_male: null,
        workers_female: null,
        workers_total: null,
        industry_class: null,
        bps_scale: null,
        business_class: 'mikro',
        business_class_capital: 'mikro',
        business_class_turnover: null,
      },
      {
        uuid: 'b2',
        workers_male: 3,
        workers_female: 2,
        workers_total: 5,
        industry_class: 'kecil',
        bps_scale: 'kecil',
        business_class: 'kecil',
        business_class_capital: 'kecil',
        business_class_turnover: 'mikro',
      },
      {
        uuid: 'b3',
        workers_male: 0,
        workers_female: 7,
        workers_total: 7,
        industry_class: null,
        bps_scale: 'kecil',
        business_class: null,
        business_class_capital: null,
        business_class_turnover: null,
      },
      {
        uuid: 'b4',
        workers_male: null,
        workers_female: null,
        workers_total: null,
        industry_class: null,
        bps_scale: null,
        business_class: null,
        business_class_capital: null,
        business_class_turnover: null,
      },
    ]);

    // the report counts follow: the unknown record is counted as unknown ('-'), not as rumah tangga
    expect(
      raw
        .prepare(`SELECT key, sum(n) AS n FROM report_counts WHERE dim = 'bps' AND month = '*' GROUP BY key`)
        .all(),
    ).toEqual([
      { key: '-', n: 1 },
      { key: 'kecil', n: 1 },
    ]);

    // the triggers work on the new table: a new business is queued for search and counted
    raw.exec(`INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name,
      created_at, updated_at) VALUES ('b5', 'IKM-350927-2026-00005', '2026-05-01', 'Jamu', 1, 'Ajung', 'x', 'x')`);
    expect(raw.prepare(`SELECT is_new FROM search_queue WHERE business_id = 5`).pluck().get()).toBe(1);
    expect(
      raw
        .prepare(`SELECT sum(n) FROM report_counts WHERE dim = 'bps' AND month = '*' AND key = '-'`)
        .pluck()
        .get(),
    ).toBe(2);
    expect(raw.prepare(`SELECT count(*) FROM permit_gap_none WHERE business_id = 5`).pluck().get()).toBe(1);
    raw.close();
  });

  it('refuses a negative worker count', async () => {
    const raw = new Database(':memory:');
    await migrate(raw, { migrations: upTo(14) });
    raw.exec(`INSERT INTO owners (uuid, name, created_at, updated_at) VALUES ('w1', 'Sri', 'x', 'x')`);
    expect(() =>
      raw.exec(`INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name,
        workers_male, created_at, updated_at) VALUES ('b1', 'R1', '2026-01-01', 'A', 1, 'Ajung', -1, 'x', 'x')`),
    ).toThrow(/CHECK/);
    raw.close();
  });
});
