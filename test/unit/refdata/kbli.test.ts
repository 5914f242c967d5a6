import { describe, expect, it } from 'vitest';
import { type TestApp } from '../../fixtures/app';
import { testAppForAll } from '../../fixtures/app-hooks';

let app: TestApp;
testAppForAll((made) => (app = made));

const search = (query: string, version?: '2020' | '2025') => app.call('kbli:search', { query, version });

describe('KBLI kategori C loaded by migration 003', () => {
  it('holds both versions, all five-digit codes of divisions 10–33, and the mapping', () => {
    const raw = app.ctx.opened.raw;
    const counts = raw.prepare('SELECT version, count(*) AS n FROM kbli GROUP BY version').all() as {
      version: string;
      n: number;
    }[];
    expect(Object.fromEntries(counts.map((c) => [c.version, c.n]))).toEqual({ '2020': 476, '2025': 463 });
    const outside = raw
      .prepare(
        `SELECT count(*) AS n FROM kbli WHERE CAST(substr(code, 1, 2) AS INTEGER) NOT BETWEEN 10 AND 33`,
      )
      .get() as { n: number };
    expect(outside.n).toBe(0);
    // every 2020 code has at least one 2025 counterpart, and every mapped code exists
    const unmapped = raw
      .prepare(
        `SELECT count(*) AS n FROM kbli k WHERE k.version = '2020'
         AND NOT EXISTS (SELECT 1 FROM kbli_map m WHERE m.code_2020 = k.code)`,
      )
      .get() as { n: number };
    expect(unmapped.n).toBe(0);
    const dangling = raw
      .prepare(
        `SELECT count(*) AS n FROM kbli_map m
         WHERE NOT EXISTS (SELECT 1 FROM kbli k WHERE k.version = '2025' AND k.code = m.code_2025)`,
      )
      .get() as { n: number };
    expect(dangling.n).toBe(0);
  });

  it('records its source and version', async () => {
    const ds = await app.call('ref:datasets');
    const k = ds.find((d) => d.name === 'kbli');
    expect(k?.version).toContain('KBLI 2025');
    expect(k?.source).toContain('Lampiran 5');
  });
});

describe('kbli:search by everyday words', () => {
  // word → a code a clerk would accept (2020 and 2025)
  const cases: [string, string, string][] = [
    ['keripik', '10794', '10794'],
    ['kerupuk', '10794', '10794'],
    ['sambel', '10772', '10779'],
    ['tahu', '10392', '10308'],
    ['tempe', '10391', '10307'],
    ['batik', '13134', '13133'],
    ['mebel', '31001', '31011'],
    ['gerabah', '23932', '23932'],
    ['bandeng presto', '10219', '10219'],
    ['rokok', '12011', '12001'],
    ['jamu', '21022', '21022'],
    ['roti', '10710', '10710'],
    ['kopi', '10761', '10761'],
    ['tenun', '13121', '13122'],
    ['bordir', '14302', '13996'],
    ['sepatu', '15201', '15201'],
    ['anyaman', '16291', '16291'],
    // everyday words of issue 11 item 10 that found nothing, or the wrong code, before the keyword list grew
    ['tape', '10399', '10309'],
    ['tape ketan', '10799', '10799'],
    ['wingko', '10710', '10710'],
    ['VCO', '10422', '10422'],
    ['sangkar burung', '16299', '16299'],
    ['arang', '20115', '20115'],
    ['emping', '10794', '10794'],
    ['bakpia', '10710', '10710'],
    ['kopi bubuk', '10761', '10761'],
    ['dodol', '10796', '10796'],
    ['wayang kulit', '15129', '15129'],
    ['nata de coco', '10773', '10793'],
  ];
  it.each(cases)('"%s" finds %s (2020) and %s (2025) among the first results', async (word, c2020, c2025) => {
    const r20 = await search(word, '2020');
    expect(r20.slice(0, 5).map((e) => e.code)).toContain(c2020);
    const r25 = await search(word, '2025');
    expect(r25.slice(0, 5).map((e) => e.code)).toContain(c2025);
  });

  it('ranks a keyword hit above a title that merely contains the letters ("tahu" is not "tahunan")', async () => {
    const r = await search('tahu', '2020');
    expect(r[0]!.code).toBe('10392');
  });

  it('finds codes by prefix first, then by words; at most 30', async () => {
    const r = await search('1079');
    expect(r.length).toBeGreaterThan(5);
    expect(r.length).toBeLessThanOrEqual(30);
    expect(r.every((e) => e.code.startsWith('1079'))).toBe(true);
    const exact = await search('10794');
    expect(exact[0]!.code).toBe('10794');
    const many = await search('industri');
    expect(many).toHaveLength(30);
  });

  it('without a version answers both, newer first for the same rank', async () => {
    const r = await search('batik');
    expect(r.map((e) => `${e.version}:${e.code}`).slice(0, 2)).toEqual(['2025:13133', '2020:13134']);
  });

  it('matches every word of a longer query ("keripik tempe")', async () => {
    const r = await search('keripik tempe', '2020');
    expect(r[0]!.code).toBe('10794');
  });

  it('needs only one of the words: "tahu tempe" finds Industri Tempe and Industri Tahu first', async () => {
    const r20 = await search('tahu tempe', '2020');
    expect(r20.slice(0, 2).map((e) => e.code)).toEqual(['10391', '10392']);
    const r25 = await search('tahu tempe', '2025');
    expect(r25.slice(0, 2).map((e) => e.code)).toEqual(['10307', '10308']);
  });

  it('matches at the start of a word: "tape" is not Serat Stapel, "arang" is not Barang', async () => {
    const tape = await search('tape');
    expect(tape.map((e) => e.title).filter((t) => /stapel/i.test(t))).toEqual([]);
    expect(tape.length).toBeGreaterThan(0);
    const arang = await search('arang');
    expect(
      arang.filter((e) => /barang/i.test(e.title) && !/\barang\b/i.test(`${e.title} ${e.keywords}`)),
    ).toEqual([]);
    // a word start still finds longer words: "kerup" is what a clerk has typed so far
    expect((await search('kerup', '2020'))[0]!.code).toBe('10794');
  });

  it('ranks titles that exclude the word ("Selain Tahu", "Bukan … Tahu") below those that name it, still shown', async () => {
    const r = (await search('tahu', '2020')).map((e) => e.code);
    expect(r[0]).toBe('10392');
    expect(r).toContain('10393'); // … Kacang-Kacangan Lainnya Selain Tahu dan Tempe
    expect(r).toContain('10793'); // … Bukan Kecap, Tempe dan Tahu
    expect(r.indexOf('10393')).toBeGreaterThan(r.indexOf('10392'));
    expect(r.indexOf('10793')).toBe(r.length - 1);
    const kelapa = (await search('minyak kelapa', '2020')).map((e) => e.code);
    // 10415 "Minyak Goreng Bukan Minyak Kelapa …" names minyak but excludes kelapa
    expect(kelapa.indexOf('10415')).toBeGreaterThan(kelapa.indexOf('10422'));
    expect(kelapa.indexOf('10415')).toBeGreaterThan(kelapa.indexOf('10423'));
  });

  it('ignores function words between product words ("kerupuk dan keripik")', async () => {
    const r = await search('kerupuk dan keripik', '2020');
    expect(r[0]!.code).toBe('10794');
    expect(r.length).toBeLessThan(10);
  });
});

describe('kbli:get shows the other version', () => {
  it('maps tempe 10391 → 10307 one to one and splits 10110', async () => {
    const tempe = await app.call('kbli:get', { version: '2020', code: '10391' });
    expect(tempe.related).toEqual([
      { version: '2025', code: '10307', title: 'Pembuatan Tempe Kedelai', kind: 'one_to_one', inList: true },
    ]);
    const slaughter = await app.call('kbli:get', { version: '2020', code: '10110' });
    expect(slaughter.related.map((r) => r.code).sort()).toEqual(['10111', '10112', '10119']);
    expect(slaughter.related.every((r) => r.kind === 'split')).toBe(true);
    const back = await app.call('kbli:get', { version: '2025', code: '10307' });
    expect(back.related[0]!.code).toBe('10391');
  });
  it('shows a crosswalk row that leads outside the list (outside kategori C), not drops it', async () => {
    // BPS's correspondence table can send a kategori C code of 2020 to a 2025 code in another kategori,
    // which the list does not carry: the row is kept and shown, with no title.
    const raw = app.ctx.opened.raw;
    raw.prepare(`INSERT INTO kbli_map (code_2020, code_2025, kind) VALUES ('10750', '56290', 'split')`).run();
    try {
      const meals = await app.call('kbli:get', { version: '2020', code: '10750' });
      expect(meals.related).toContainEqual({
        version: '2025',
        code: '56290',
        title: null,
        kind: 'split',
        inList: false,
      });
      expect(meals.related.some((r) => r.inList)).toBe(true);
    } finally {
      raw.prepare(`DELETE FROM kbli_map WHERE code_2020 = '10750' AND code_2025 = '56290'`).run();
    }
  });

  it('answers NOT_FOUND for an unknown code', async () => {
    await expect(app.call('kbli:get', { version: '2025', code: '99999' })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('kbli:add (the office adds a missing code)', () => {
  it('adds a code, finds it by its words, and writes an audit row', async () => {
    const added = await app.call('kbli:add', {
      version: '2025',
      code: '47244',
      title: 'Perdagangan Eceran Tahu, Tempe, Tauco, dan Oncom',
      keywords: 'warung tahu',
    });
    expect(added.addedByOffice).toBe(true);
    expect(added.source).toBe('office');
    const found = await search('warung tahu');
    expect(found[0]!.code).toBe('47244');
    const audit = app.ctx.opened.raw
      .prepare(`SELECT * FROM audit_log WHERE table_name = 'kbli' AND record_id = ?`)
      .all(added.id) as { action: string; user_name: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(audit[0]!.user_name).toBe('siti');
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ code: '47244', version: '2025' });
  });

  it('refuses a code that already exists, and a code that is not five digits', async () => {
    const dup = await app.dispatch('kbli:add', { version: '2020', code: '10794', title: 'Dobel' });
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    expect(!dup.ok && dup.error.fields).toEqual({ code: 'kbli.errors.exists' });
    const bad = await app.dispatch('kbli:add', { version: '2020', code: '1079', title: 'Pendek' });
    expect(!bad.ok && bad.error.fields).toEqual({ code: 'validation.kbliCode' });
  });
});
