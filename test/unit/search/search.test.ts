import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { FUZZY_BELOW, parseQuery } from '../../../electron/services/business-search';
import {
  LIST_COUNT_CAP,
  type BusinessListInput,
  type BusinessListPage,
} from '../../../shared/schemas/business-search';
import { classifyAll, PP7_RULES, type Pp7Rule } from '../../../shared/domain/size-class';
import { pp7ClassSql } from '../../../db/queries/pp7-class';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import type { InputOf } from '../../../shared/ipc/contract';

/**
 * The registry search through the real dispatcher (`business:list`), on a real database: fragments, typos,
 * NIK, registration numbers, desa, filters, sort orders, archived records, and the index following edits.
 */

let app: TestApp;
const ids: Record<string, number> = {};

interface Seed {
  key: string;
  name: string;
  ownerName: string;
  ownerNik?: string;
  products?: string;
  brand?: string;
  kbliCode?: string;
  villageName: string;
  villageCode?: string;
  workersMale?: number;
  workersFemale?: number;
  investment?: number;
  capital?: number;
  status?: InputOf<'business:create'>['status'];
}

const SEEDS: Seed[] = [
  {
    key: 'sri',
    name: 'Keripik Tempe Bu Sri',
    ownerName: 'Sri Wahyuni',
    ownerNik: '3509274508850003',
    products: 'keripik tempe original, pedas',
    kbliCode: '10794',
    villageName: 'Ajung',
    villageCode: '35.09.27.2001',
    workersFemale: 3,
  },
  {
    key: 'darmi',
    name: 'Sambel Pecel Mbok Darmi',
    ownerName: 'Darmi',
    products: 'sambel pecel kacang',
    kbliCode: '10779',
    villageName: 'Kalisat',
    villageCode: '35.09.27.2002',
    workersFemale: 2,
  },
  {
    key: 'batik',
    name: 'Batik Tulis Sekar Arum',
    ownerName: 'Hosniyah',
    ownerNik: '3509276303790002',
    products: 'kain batik tulis motif tembakau',
    kbliCode: '13134',
    villageName: 'Sukowono',
    villageCode: '35.09.27.2003',
    workersMale: 4,
    workersFemale: 12,
    investment: 250_000_000,
    capital: 1_200_000_000,
  },
  {
    key: 'mebel',
    name: 'Mebel Jati Makmur',
    ownerName: 'Slamet Riyadi',
    ownerNik: '3509271204700001',
    products: 'kursi dan meja jati',
    kbliCode: '31001',
    villageName: 'Kalisat',
    villageCode: '35.09.27.2002',
    workersMale: 25,
    investment: 2_000_000_000,
  },
  {
    key: 'ud',
    name: 'UD Sumber Rejeki',
    ownerName: 'Moh. Hasan',
    products: 'kerupuk puli, rengginang',
    kbliCode: '10794',
    villageName: 'Ajung',
    villageCode: '35.09.27.2001',
    status: 'musiman',
  },
  {
    key: 'tahu',
    name: 'Tahu Pak Slamet',
    ownerName: 'Slamet Riyadi',
    ownerNik: '3509271204700001',
    products: 'tahu putih',
    kbliCode: '10392',
    villageName: 'Sumberjeruk',
    villageCode: '35.09.27.2004',
  },
  {
    key: 'kopi',
    name: 'Kopi Bubuk Cap Gunung',
    ownerName: 'Asep Saepudin',
    products: 'kopi bubuk robusta',
    brand: 'Cap Gunung',
    kbliCode: '10761',
    villageName: 'Sukowono',
    villageCode: '35.09.27.2003',
    status: 'tutup',
  },
  {
    key: 'gerabah',
    name: 'Gerabah Ajung',
    ownerName: 'Sumarni',
    products: 'cobek tanah liat, kendi',
    kbliCode: '23933',
    villageName: 'Ajung',
    villageCode: '35.09.27.2001',
  },
];

async function list(input: BusinessListInput = {}): Promise<BusinessListPage> {
  return app.call('business:list', input);
}
const names = (p: BusinessListPage) => p.items.map((i) => i.name);

beforeAll(async () => {
  // registration dates one day apart, in seed order
  let day = 1;
  app = await makeTestApp({ now: () => new Date(2026, 2, day, 10, 0) });
  const ownerOf: Record<string, number> = {};
  for (const s of SEEDS) {
    const { key, ...input } = s;
    // Pak Slamet's second business is registered for the same person
    const existingOwnerId = key === 'tahu' ? ownerOf.mebel : null;
    const b = await app.call('business:create', {
      ...input,
      existingOwnerId,
      kbliVersion: input.kbliCode ? '2020' : null,
    });
    ids[key] = b.id;
    ownerOf[key] = b.ownerId;
    day++;
  }
}, 60_000);
afterAll(async () => {
  await app.cleanup();
});

describe('reading the query', () => {
  it('tells NIK, registration numbers, digits, short input and words apart', () => {
    expect(parseQuery('3509 2745 0885 0003').mode).toBe('nik');
    expect(parseQuery('ikm-350927-2026').mode).toBe('registration');
    expect(parseQuery('00003').mode).toBe('digits');
    expect(parseQuery('ke').mode).toBe('prefix');
    expect(parseQuery('bu sri').mode).toBe('text');
    expect(parseQuery('Keripik  Tempe!').words).toEqual(['keripik', 'tempe']);
  });
});

describe('business:list search', () => {
  it('finds a business by a fragment of its name, owner, product, brand or desa', async () => {
    expect(names(await list({ query: 'ripik' }))).toEqual(['Keripik Tempe Bu Sri']);
    expect(names(await list({ query: 'wahyu' }))).toEqual(['Keripik Tempe Bu Sri']);
    expect(names(await list({ query: 'robusta' }))).toEqual(['Kopi Bubuk Cap Gunung']);
    expect(names(await list({ query: 'cap gunung' }))).toEqual(['Kopi Bubuk Cap Gunung']);
    expect(names(await list({ query: 'sukowono' })).sort()).toEqual([
      'Batik Tulis Sekar Arum',
      'Kopi Bubuk Cap Gunung',
    ]);
    // several words: each must match somewhere (product in one field, owner in another)
    expect(names(await list({ query: 'tempe wahyuni' }))).toEqual(['Keripik Tempe Bu Sri']);
    const p = await list({ query: 'keripik' });
    expect(p.mode).toBe('text');
    expect(p.items[0]!.similar).toBe(false);
  });

  it('still finds it with small typos, after the exact matches', async () => {
    const k = await list({ query: 'kripik' });
    expect(names(k)).toContain('Keripik Tempe Bu Sri');
    expect(k.similarWords).toContain('keripik');
    expect(k.items.find((i) => i.name === 'Keripik Tempe Bu Sri')!.similar).toBe(true);
    expect(names(await list({ query: 'sambal pecel' }))).toEqual(['Sambel Pecel Mbok Darmi']);
    expect(names(await list({ query: 'batk tulis' }))).toEqual(['Batik Tulis Sekar Arum']);
    expect(names(await list({ query: 'mebell jati' }))).toEqual(['Mebel Jati Makmur']);
    // nonsense stays empty
    expect((await list({ query: 'xqzvw' })).items).toEqual([]);
  });

  it('puts exact matches first when similar spellings are added', async () => {
    // "tahu" exists (1 exact < FUZZY_BELOW); nothing else is within one edit, so only the exact one
    const p = await list({ query: 'tahu' });
    expect(p.items[0]!.name).toBe('Tahu Pak Slamet');
    expect(p.items[0]!.similar).toBe(false);
    expect(FUZZY_BELOW).toBeGreaterThan(1);
  });

  it('finds by NIK, typed with or without spaces, and by a NIK prefix', async () => {
    const p = await list({ query: '3509 2745 0885 0003' });
    expect(p.mode).toBe('nik');
    expect(names(p)).toEqual(['Keripik Tempe Bu Sri']);
    expect(p.items[0]!.ownerNikMasked).toBe('3509••••••••0003');
    // one owner, two businesses
    expect(names(await list({ query: '3509271204700001' })).sort()).toEqual([
      'Mebel Jati Makmur',
      'Tahu Pak Slamet',
    ]);
    expect(names(await list({ query: '35092763' }))).toEqual(['Batik Tulis Sekar Arum']);
  });

  it('finds by registration number, whole, as a prefix, or by its sequence', async () => {
    const all = await list({ sort: 'registrationNumber', direction: 'asc' });
    const third = all.items[2]!;
    expect(third.registrationNumber).toMatch(/^IKM-350927-2026-00003$/);
    expect(names(await list({ query: third.registrationNumber }))).toEqual([third.name]);
    expect(names(await list({ query: third.registrationNumber.toLowerCase() }))).toEqual([third.name]);
    expect((await list({ query: 'IKM-350927-2026' })).total).toBe(SEEDS.length);
    expect(names(await list({ query: '00003' }))).toEqual([third.name]);
    expect(names(await list({ query: '3' }))).toEqual([third.name]);
    expect(names(await list({ query: '2026-00003' }))).toEqual([third.name]);
  });

  it('answers one or two characters with names that start with them', async () => {
    const p = await list({ query: 'ke' });
    expect(p.mode).toBe('prefix');
    expect(names(p)).toEqual(['Keripik Tempe Bu Sri']);
    expect(names(await list({ query: 'T' }))).toEqual(['Tahu Pak Slamet']);
  });
});

describe('business:list filters', () => {
  it('filters by desa code or name, KBLI (code or prefix), status and size class', async () => {
    expect((await list({ villageCode: '35.09.27.2001' })).total).toBe(3);
    expect((await list({ villageName: 'kalisat' })).total).toBe(2);
    expect(names(await list({ kbliCode: '10794', sort: 'name', direction: 'asc' }))).toEqual([
      'Keripik Tempe Bu Sri',
      'UD Sumber Rejeki',
    ]);
    expect((await list({ kbliCode: '107' })).total).toBe(4);
    expect(names(await list({ status: ['musiman', 'tutup'], sort: 'name', direction: 'asc' }))).toEqual([
      'Kopi Bubuk Cap Gunung',
      'UD Sumber Rejeki',
    ]);
    expect(names(await list({ bpsScale: 'sedang' }))).toEqual(['Mebel Jati Makmur']);
    expect(names(await list({ industryClass: 'menengah' }))).toEqual(['Mebel Jati Makmur']);
    expect(names(await list({ businessClass: 'kecil' }))).toEqual(['Batik Tulis Sekar Arum']);
  });

  it('combines a search with filters', async () => {
    expect(names(await list({ query: 'keripik', villageCode: '35.09.27.2002' }))).toEqual([]);
    expect(names(await list({ query: 'slamet', kbliCode: '10392' }))).toEqual(['Tahu Pak Slamet']);
    expect(names(await list({ query: 'ajung', status: ['musiman'] }))).toEqual(['UD Sumber Rejeki']);
  });
});

describe('business:list sort orders and windows', () => {
  it('sorts by registration number, name, desa and registration date, both ways', async () => {
    const byName = names(await list({ sort: 'name', direction: 'asc' }));
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    expect(names(await list({ sort: 'name', direction: 'desc' }))).toEqual([...byName].reverse());
    const byVillage = (await list({ sort: 'village', direction: 'asc' })).items.map((i) => i.villageName);
    expect(byVillage).toEqual([...byVillage].sort());
    const byDate = (await list({ sort: 'registrationDate', direction: 'desc' })).items;
    expect(byDate[0]!.name).toBe('Gerabah Ajung');
    expect(byDate.at(-1)!.name).toBe('Keripik Tempe Bu Sri');
    const byNumber = (await list({ sort: 'registrationNumber', direction: 'asc' })).items.map(
      (i) => i.registrationNumber,
    );
    expect(byNumber).toEqual([...byNumber].sort());
    // the default list: newest first
    expect((await list()).items[0]!.name).toBe('Gerabah Ajung');
  });

  it('returns windows of the list, with the count only when asked', async () => {
    const first = await list({ sort: 'name', direction: 'asc', limit: 3 });
    const second = await list({ sort: 'name', direction: 'asc', limit: 3, offset: 3, withTotal: false });
    expect(first.total).toBe(SEEDS.length);
    expect(second.total).toBe(-1);
    expect([...names(first), ...names(second)]).toEqual(
      names(await list({ sort: 'name', direction: 'asc', limit: 6 })),
    );
  });
});

describe('the index follows the records', () => {
  it('leaves archived records out unless asked for', async () => {
    await app.call('business:archive', { id: ids.gerabah!, reason: 'Usaha sudah berhenti sejak 2025' });
    expect(names(await list({ query: 'gerabah' }))).toEqual([]);
    expect((await list()).total).toBe(SEEDS.length - 1);
    const withArchived = await list({ query: 'gerabah', includeArchived: true });
    expect(names(withArchived)).toEqual(['Gerabah Ajung']);
    expect(withArchived.items[0]!.archived).toBe(true);
    await app.call('business:restore', { id: ids.gerabah!, reason: 'Dibuka kembali' });
    expect(names(await list({ query: 'gerabah' }))).toEqual(['Gerabah Ajung']);
  });

  it('reindexes a business when it is edited and every business of an owner when the owner is renamed', async () => {
    const raw = rawOf(app.ctx);
    raw
      .prepare(
        `UPDATE businesses SET name = 'Kerupuk Udang Cap Jago', products = 'kerupuk udang' WHERE id = ?`,
      )
      .run(ids.ud);
    expect(names(await list({ query: 'sumber rejeki' }))).toEqual([]);
    expect(names(await list({ query: 'udang jago' }))).toEqual(['Kerupuk Udang Cap Jago']);

    const owner = raw.prepare(`SELECT owner_id AS id FROM businesses WHERE id = ?`).get(ids.mebel) as {
      id: number;
    };
    raw
      .prepare(`UPDATE owners SET name = 'Slamet Widodo', nik = '3509271204700009' WHERE id = ?`)
      .run(owner.id);
    expect(names(await list({ query: 'riyadi' }))).toEqual([]);
    expect(names(await list({ query: 'widodo' })).sort()).toEqual(['Mebel Jati Makmur', 'Tahu Pak Slamet']);
    expect(names(await list({ query: '3509271204700009' })).sort()).toEqual([
      'Mebel Jati Makmur',
      'Tahu Pak Slamet',
    ]);
    expect(names(await list({ query: '3509271204700001' }))).toEqual([]);
  });

  it('picks up a business registered after the last search', async () => {
    await list({ query: 'rengginang' });
    await app.call('business:create', {
      name: 'Rengginang Mak Tun',
      ownerName: 'Tumini',
      villageName: 'Kalisat',
      products: 'rengginang ketan',
    });
    expect(names(await list({ query: 'rengginang' }))).toEqual(['Rengginang Mak Tun']);
  });
});

describe('size classes are computed by the database', () => {
  it('agrees with shared/domain/size-class.ts at the edges of every threshold', () => {
    const raw = rawOf(app.ctx);
    const M = 1_000_000_000;
    const cases: [number | null, number | null, number | null, number | null, number | null][] = [
      // [male, female, investment, capital, turnover]
      [0, 0, null, null, null],
      [null, null, null, null, null],
      [null, null, 0, M, 2 * M + 1],
      [null, 3, 0, 5 * M + 1, 2 * M],
      [4, null, M, null, null],
      [2, 2, 999_999_999, M, 2 * M],
      [2, 3, M, M + 1, 2 * M + 1],
      [10, 9, 15 * M, 5 * M, 15 * M],
      [10, 10, 15 * M, 5 * M + 1, 15 * M + 1],
      [50, 49, 15 * M + 1, 10 * M, 50 * M],
      [50, 50, null, 10 * M + 1, null],
      [0, 19, 0, null, 50 * M + 1],
      [0, 20, 0, 0, 0],
    ];
    const upd = raw.prepare(
      `UPDATE businesses SET workers_male = ?, workers_female = ?, investment = ?, capital = ?, annual_turnover = ? WHERE id = ?`,
    );
    const get = (rule: Pp7Rule) =>
      raw.prepare(
        `SELECT industry_class, ${pp7ClassSql(rule, 'businesses')} AS business_class, bps_scale,
           business_class_capital, business_class_turnover FROM businesses WHERE id = ?`,
      );
    for (const [m, f, inv, cap, to] of cases) {
      upd.run(m, f, inv, cap, to, ids.kopi);
      for (const rule of PP7_RULES) {
        const c = classifyAll(
          { workersMale: m, workersFemale: f, investment: inv, capital: cap, annualTurnover: to },
          rule,
        );
        expect(get(rule).get(ids.kopi), JSON.stringify([m, f, inv, cap, to, rule])).toEqual({
          industry_class: c.industry.value,
          business_class: c.business.value,
          bps_scale: c.bps.value,
          business_class_capital: c.business.byCapital,
          business_class_turnover: c.business.byTurnover,
        });
      }
      // the stored column is the "larger" rule, the one the list index was built on
      expect(raw.prepare('SELECT business_class FROM businesses WHERE id = ?').pluck().get(ids.kopi)).toBe(
        classifyAll(
          { workersMale: m, workersFemale: f, investment: inv, capital: cap, annualTurnover: to },
          'larger',
        ).business.value,
      );
    }
  });
});

describe('query plans of the hot queries', () => {
  const plan = (sql: string, ...params: unknown[]) =>
    (
      rawOf(app.ctx)
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
  const LIVE = 'b.archived_at IS NULL AND b.merged_into_id IS NULL';
  const FROM = 'businesses b JOIN owners o ON o.id = b.owner_id';

  it('walks an index for every sort order of the list (no sorting of the whole table)', () => {
    const orders: Record<string, string> = {
      businesses_live_regno: 'b.registration_number DESC',
      businesses_live_name: 'b.name COLLATE NOCASE ASC, b.id ASC',
      businesses_live_village: 'b.village_name COLLATE NOCASE DESC, b.name COLLATE NOCASE DESC, b.id DESC',
      businesses_live_regdate: 'b.registration_date DESC, b.registration_number DESC',
    };
    for (const [index, order] of Object.entries(orders)) {
      const p = plan(`SELECT b.id FROM ${FROM} WHERE ${LIVE} ORDER BY ${order} LIMIT 100`);
      expect(p, order).toContain(`USING INDEX ${index}`);
      expect(p, order).not.toContain('TEMP B-TREE');
    }
  });

  it('uses the FTS index for words, owners.nik for a NIK, the unique index for registration numbers', () => {
    const fts = plan(
      `SELECT b.id FROM business_fts f JOIN businesses b ON b.id = f.rowid JOIN owners o ON o.id = b.owner_id
       WHERE business_fts MATCH ? AND ${LIVE} ORDER BY f.rowid DESC LIMIT 100`,
      '"keripik"',
    );
    expect(fts).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(fts).toContain('SEARCH b USING INTEGER PRIMARY KEY');
    expect(fts).not.toContain('TEMP B-TREE');
    expect(plan(`SELECT b.id FROM ${FROM} WHERE o.nik = ? AND ${LIVE}`, '3509274508850003')).toMatch(
      /SEARCH o USING (COVERING )?INDEX owners_nik/,
    );
    expect(
      plan(
        `SELECT b.id FROM ${FROM} WHERE b.registration_number >= ? AND b.registration_number < ?`,
        'IKM-1',
        'IKM-2',
      ),
    ).toMatch(/SEARCH b USING INDEX (sqlite_autoindex_businesses_2|businesses_live_regno)/);
    expect(plan(`SELECT id FROM businesses WHERE substr(registration_number, -5) = ?`, '00042')).toMatch(
      /SEARCH businesses USING (COVERING )?INDEX businesses_regno_seq/,
    );
    expect(
      plan(
        `SELECT b.id FROM ${FROM} WHERE b.name >= ? COLLATE NOCASE AND b.name < ? COLLATE NOCASE AND ${LIVE}
            ORDER BY b.name COLLATE NOCASE ASC, b.id ASC LIMIT 100`,
        'ke',
        'ke\u{10FFFF}',
      ),
    ).toContain('SEARCH b USING INDEX businesses_live_name');
  });

  it('counts filtered lists and the whole register from indexes alone', () => {
    const filters: Record<string, string> = {
      businesses_live_village_code: 'b.village_code = ?',
      businesses_live_kbli: 'b.kbli_code = ?',
      businesses_live_status: 'b.status IN (?)',
    };
    for (const [index, cond] of Object.entries(filters))
      expect(plan(`SELECT 1 FROM businesses b WHERE ${cond} AND ${LIVE} LIMIT 10001`, 'x'), cond).toMatch(
        new RegExp(`SEARCH b USING COVERING INDEX ${index}`),
      );
    // size classes are VIRTUAL generated columns: indexed, but SQLite reads the row to use them
    expect(plan(`SELECT 1 FROM businesses b WHERE b.bps_scale = ? AND ${LIVE} LIMIT 10001`, 'x')).toContain(
      'USING INDEX businesses_live_bps_scale',
    );
    // the live count of the whole register: count(*) minus the archived and merged, each from an index
    expect(plan(`SELECT count(*) FROM businesses WHERE archived_at IS NOT NULL`)).toContain(
      'businesses_archived',
    );
    const live = plan(
      `SELECT count(*) FROM businesses WHERE merged_into_id IS NOT NULL AND archived_at IS NULL`,
    );
    expect(live).toContain('businesses_merged_into');
  });
});

describe('large lists take the index of their order', () => {
  it('gives the same windows as a full sort when more rows pass the filters than are counted', async () => {
    const raw = rawOf(app.ctx);
    const owner = raw.prepare(`SELECT owner_id AS id FROM businesses WHERE id = ?`).get(ids.sri) as {
      id: number;
    };
    const ins = raw.prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name,
         village_code, status, products, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'tempe', '', '')`,
    );
    const N = Math.ceil(LIST_COUNT_CAP * 1.4);
    raw.transaction(() => {
      for (let i = 0; i < N; i++) {
        // names in no particular order; every 3rd in Kalisat, every 4th musiman
        const k = (i * 7919) % N;
        ins.run(
          `bulk-${i}`,
          `IKM-350927-2020-${String(i + 1).padStart(5, '0')}`,
          `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          `Tempe Gembus ${String(k).padStart(5, '0')}`,
          owner.id,
          i % 3 ? 'Ajung' : 'Kalisat',
          i % 3 ? '35.09.27.2001' : '35.09.27.2002',
          i % 4 ? 'aktif' : 'musiman',
        );
      }
    })();
    const all = raw
      .prepare(
        `SELECT name FROM businesses WHERE archived_at IS NULL AND merged_into_id IS NULL AND status = 'aktif'
         ORDER BY name COLLATE NOCASE DESC, id DESC`,
      )
      .all() as { name: string }[];
    const filtered = await list({
      status: ['aktif'],
      sort: 'name',
      direction: 'desc',
      limit: 50,
      offset: 100,
    });
    expect(filtered.totalCapped).toBe(true);
    expect(filtered.total).toBe(LIST_COUNT_CAP);
    expect(names(filtered)).toEqual(all.slice(100, 150).map((r) => r.name));

    // a broad search in a column order: every match takes part, not only the newest
    const broad = await list({ query: 'gembus', sort: 'name', direction: 'asc', limit: 20 });
    expect(broad.totalCapped).toBe(true);
    expect(names(broad)).toEqual(
      Array.from({ length: 20 }, (_, k) => `Tempe Gembus ${String(k).padStart(5, '0')}`),
    );
    // … and relevance stays newest first
    expect(names(await list({ query: 'gembus', limit: 1 }))).toEqual([
      `Tempe Gembus ${String(((N - 1) * 7919) % N).padStart(5, '0')}`,
    ]);
  });
});

describe('the list names a desa’s kecamatan (issue 11 item 14)', () => {
  it('from the desa code, in one lookup per window; none without a code', async () => {
    const b = await app.call('business:create', {
      name: 'Mebel Jati Hari Makmur Sejahtera Abadi',
      ownerName: 'Hosniyah',
      villageName: 'Lembengan',
      villageCode: '35.09.28.2001',
    });
    const found = await list({ query: 'sejahtera abadi' });
    expect(found.items.map((i) => [i.name, i.districtName])).toEqual([
      ['Mebel Jati Hari Makmur Sejahtera Abadi', 'Ledokombo'],
    ]);
    const ajung = await list({ villageCode: '35.09.27.2001' });
    expect(new Set(ajung.items.map((i) => i.districtName))).toEqual(new Set(['Kalisat']));
    const noCode = await app.call('business:create', {
      name: 'Kue Basah Bu Tin',
      ownerName: 'Tin',
      villageName: 'Desa Lain',
    });
    const r = await list({ query: 'basah' });
    expect(r.items.find((i) => i.id === noCode.id)?.districtName).toBeNull();
    await app.call('business:archive', { id: b.id, reason: 'contoh' });
    await app.call('business:archive', { id: noCode.id, reason: 'contoh' });
  });
});
