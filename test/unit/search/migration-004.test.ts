import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { listBusinesses } from '../../../electron/services/business-search';
import { businessListSchema } from '../../../shared/schemas/business-search';

describe('migration 004 on a database that already holds businesses', () => {
  it('indexes the existing records, computes their size classes and finds them by word, typo and NIK', async () => {
    const raw = new Database(':memory:');
    await migrate(raw, { migrations: migrations.filter((m) => m.version < 4) });
    const now = '2025-06-01T03:00:00.000Z';
    raw
      .prepare(
        `INSERT INTO owners (uuid, nik, name, created_at, updated_at) VALUES ('o1', ?, 'Sri Wahyuni', ?, ?)`,
      )
      .run('3509274508850003', now, now);
    const ins = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
         products, workers_male, workers_female, investment, created_at, updated_at)
       VALUES (?, ?, '2025-06-01', ?, 1, 'Ajung', 'aktif', ?, ?, ?, ?, ?, ?)`,
    );
    ins.run(
      'b1',
      'IKM-350927-2025-00001',
      'Keripik Tempe Bu Sri',
      'keripik tempe',
      1,
      3,
      40_000_000,
      now,
      now,
    );
    ins.run(
      'b2',
      'IKM-350927-2025-00002',
      'Batik Tulis Sekar Arum',
      'batik tulis',
      10,
      15,
      2_000_000_000,
      now,
      now,
    );

    await migrate(raw);
    const list = (query: string) =>
      listBusinesses(raw, businessListSchema.parse({ query })).items.map((i) => i.name);
    expect(list('tempe')).toEqual(['Keripik Tempe Bu Sri']);
    expect(list('kripik')).toEqual(['Keripik Tempe Bu Sri']);
    // one owner with two businesses
    expect(list('3509274508850003').sort()).toEqual(['Batik Tulis Sekar Arum', 'Keripik Tempe Bu Sri']);
    expect(list('batk tulis')).toEqual(['Batik Tulis Sekar Arum']);
    expect(raw.prepare(`SELECT count(*) AS n FROM search_queue`).get()).toEqual({ n: 0 });
    expect(raw.prepare(`SELECT name, industry_class, bps_scale FROM businesses ORDER BY id`).all()).toEqual([
      { name: 'Keripik Tempe Bu Sri', industry_class: 'kecil', bps_scale: 'rumah_tangga' },
      { name: 'Batik Tulis Sekar Arum', industry_class: 'menengah', bps_scale: 'sedang' },
    ]);
    raw.close();
  });
});
