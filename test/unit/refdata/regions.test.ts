import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SETUP, type TestApp } from '../../fixtures/app';
import { testAppForAll, withTestApp } from '../../fixtures/app-hooks';
import { displayRegionName, loadRegions } from '../../../db/seed/regions';
import { itEachMaps } from '../../fixtures/tables';

let app: TestApp;
testAppForAll((made) => (app = made));

describe('region list (idn-area-data 4.0.1, Kepmendagri 2025) loaded by migration 003', () => {
  it('holds every level with the published counts', () => {
    const counts = app.ctx.opened.raw
      .prepare('SELECT level, count(*) AS n FROM regions GROUP BY level')
      .all() as { level: string; n: number }[];
    expect(Object.fromEntries(counts.map((c) => [c.level, c.n]))).toEqual({
      province: 38,
      regency: 514,
      district: 7285,
      village: 83762,
    });
  });

  it('every region but a province has a parent that exists one level up', () => {
    const orphans = app.ctx.opened.raw
      .prepare(
        `SELECT count(*) AS n FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
         WHERE r.level <> 'province' AND p.code IS NULL`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('keeps quoted names with commas and quotes intact', async () => {
    const r = await app.call('region:get', { code: '12.07.28.1007' });
    expect(r.name).toBe('Lubuk Pakam I,II');
    const q = await app.call('region:get', { code: '35.13.15.2017' });
    expect(q.name).toBe('Soka"an');
  });

  it('records the dataset with its licence', async () => {
    const ds = await app.call('ref:datasets');
    const idn = ds.find((d) => d.name === 'idn-area-data');
    expect(idn?.version).toBe('4.0.1');
    expect(idn?.source).toContain('300.2.2-2138/2025');
    expect(idn?.licence).toContain('ODbL');
  });
});

describe('region channels', () => {
  it('lists provinces, then the children of a kabupaten and a kecamatan', async () => {
    const provinces = await app.call('region:children', { parentCode: null });
    expect(provinces).toHaveLength(38);
    expect(provinces.find((p) => p.code === '35')?.name).toBe('Jawa Timur');
    const jatim = await app.call('region:children', { parentCode: '35' });
    expect(jatim.find((r) => r.code === '35.09')?.name).toBe('Kabupaten Jember');
    const jember = await app.call('region:children', { parentCode: '35.09' });
    expect(jember).toHaveLength(31);
    const kalisat = await app.call('region:children', { parentCode: '35.09.27' });
    expect(kalisat.map((v) => v.name)).toContain('Ajung');
    expect(kalisat.every((v) => v.level === 'village' && v.parentCode === '35.09.27')).toBe(true);
    // sorted by name
    const names = kalisat.map((v) => v.displayName);
    expect([...names].sort((a, b) => a.localeCompare(b, 'id'))).toEqual(names);
  });

  it('Kabupaten Blitar has 22 kecamatan, as the source article says', async () => {
    expect(await app.call('region:children', { parentCode: '35.05' })).toHaveLength(22);
  });

  it('works before sign-in (the set-up needs it)', async () => {
    await withTestApp({ setUp: false }, async (fresh) => {
      const provinces = await fresh.call('region:children', { parentCode: null });
      expect(provinces).toHaveLength(38);
      await expect(fresh.call('kbli:search', { query: 'tahu' })).rejects.toThrow(/UNAUTHENTICATED/);
    });
  });

  it('searches by name with the path, exact and prefix first', async () => {
    const r = await app.call('region:search', { query: 'kalisat' });
    expect(r[0]!.code).toBe('35.09.27'); // the kecamatan ranks above the desa of the same name
    expect(r[0]!.path.map((p) => p.name)).toEqual(['Jawa Timur', 'Kabupaten Jember']);
    const v = await app.call('region:search', {
      query: 'kalisat',
      level: 'village',
      within: '35.09',
    });
    expect(v.map((x) => x.code)).toEqual(['35.09.27.2007']);
    const both = await app.call('region:search', {
      query: 'ajung jember',
      level: 'village',
    });
    expect(both.every((x) => x.code.startsWith('35.09.'))).toBe(true);
    expect(both.map((x) => x.code)).toContain('35.09.27.2008');
  });

  it('region:get answers NOT_FOUND for a code not in the list', async () => {
    await expect(app.call('region:get', { code: '35.09.99' })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('NIK region check (warnings only)', () => {
  it('finds the kecamatan of a Kalisat NIK', async () => {
    const r = await app.call('region:checkNik', { nik: '3509274508850003' });
    expect(r.warnings).toEqual([]);
    expect(r.district?.name).toBe('Kalisat');
  });
  it('warns when the kecamatan, kabupaten or province digits are not in the list', async () => {
    const d = await app.call('region:checkNik', { nik: '3509994508850003' });
    expect(d.warnings).toEqual([{ key: 'region.nik.districtNotFound', params: { code: '35.09.99' } }]);
    expect(d.regency?.name).toBe('Kabupaten Jember');
    const k = await app.call('region:checkNik', { nik: '3568274508850003' });
    expect(k.warnings[0]!.key).toBe('region.nik.regencyNotFound');
    const p = await app.call('region:checkNik', { nik: '9909274508850003' });
    expect(p.warnings[0]!.key).toBe('region.nik.provinceNotFound');
  });
});

describe('office set-up checks the kecamatan against the list', () => {
  it('refuses a kecamatan that is not in the kabupaten given, with field errors', async () => {
    await withTestApp({ setUp: false }, async (fresh) => {
      const bad = { ...TEST_SETUP, office: { ...TEST_SETUP.office, districtCode: '35.05.01' } };
      const r = await fresh.dispatch('office:setup', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields).toEqual({ 'office.districtCode': 'validation.regionMismatch' });
      }
      const unknown = { ...TEST_SETUP, office: { ...TEST_SETUP.office, districtCode: '35.09.99' } };
      const u = await fresh.dispatch('office:setup', unknown);
      expect(!u.ok && u.error.fields).toEqual({ 'office.districtCode': 'validation.regionNotFound' });
      const wrongProvince = { ...TEST_SETUP, office: { ...TEST_SETUP.office, provinceCode: '33' } };
      const w = await fresh.dispatch('office:setup', wrongProvince);
      expect(!w.ok && w.error.fields).toEqual({ 'office.regencyCode': 'validation.regionMismatch' });
      // nothing was set up by the refused attempts
      const ok = await fresh.dispatch('office:setup', TEST_SETUP);
      expect(ok.ok).toBe(true);
    });
  });
});

/** loadRegions on a folder of four small CSV files written as given (into a bare `regions` table). */
function loadFrom(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-regions-'));
  const raw = new Database(':memory:');
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    raw.exec(
      'CREATE TABLE regions (code TEXT PRIMARY KEY, parent_code TEXT, level TEXT, name TEXT, display_name TEXT, search_name TEXT)',
    );
    const counts = loadRegions(raw, dir);
    const rows = raw
      .prepare('SELECT code, parent_code AS parent, name, display_name AS display FROM regions ORDER BY code')
      .all();
    return { counts, rows };
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('region CSV files (RFC 4180, through csv-parse) and display names', () => {
  const SMALL = {
    // a byte-order mark, CRLF, a quoted comma, a doubled quote, a line break inside quotes, a blank line
    'provinces.csv': '\ufeffcode,name\r\n35,JAWA TIMUR\r\n',
    'regencies.csv': 'code,province_code,name\n35.09,35,Kabupaten Jember\n\n',
    'districts.csv': 'code,regency_code,name\n35.09.27,35.09,"Kalisat, Lama"\n',
    'villages.csv':
      'code,district_code,name\n35.09.27.2001,35.09.27,"Soka""an"\n35.09.27.2002,35.09.27,"Dua\nBaris"\n',
  };
  it('loads quoted fields with commas, doubled quotes, line breaks, CRLF and a BOM', () => {
    const { counts, rows } = loadFrom(SMALL);
    expect(counts).toEqual({ province: 1, regency: 1, district: 1, village: 2 });
    expect(rows).toEqual([
      { code: '35', parent: null, name: 'JAWA TIMUR', display: 'Jawa Timur' },
      { code: '35.09', parent: '35', name: 'Kabupaten Jember', display: 'Kabupaten Jember' },
      { code: '35.09.27', parent: '35.09', name: 'Kalisat, Lama', display: 'Kalisat, Lama' },
      { code: '35.09.27.2001', parent: '35.09.27', name: 'Soka"an', display: 'Soka"an' },
      { code: '35.09.27.2002', parent: '35.09.27', name: 'Dua\nBaris', display: 'Dua\nBaris' },
    ]);
  });
  it('refuses a file whose header lacks a needed column, or whose quotes are broken', () => {
    expect(() => loadFrom({ ...SMALL, 'districts.csv': 'code,name\n35.09.27,Kalisat\n' })).toThrow(
      /districts\.csv: unexpected header code,name/,
    );
    expect(() =>
      loadFrom({ ...SMALL, 'villages.csv': 'code,district_code,name\n35.09.27.2001,35.09.27,"Soka\n' }),
    ).toThrow();
  });
  // names written in capitals are title-cased; acronyms and mixed case are kept
  itEachMaps('shows %s as %s', displayRegionName, [
    ['KALISAT', 'Kalisat'],
    ['SUMBER JERUK', 'Sumber Jeruk'],
    ['WKO', 'WKO'],
    ['Kalisat', 'Kalisat'],
  ]);
});

describe('region:search near the office', () => {
  it('puts desa of the same kabupaten, then province, before equally named desa elsewhere', async () => {
    const far = await app.call('region:search', { query: 'kalisat', level: 'village' });
    const near = await app.call('region:search', {
      query: 'kalisat',
      level: 'village',
      near: '35.09.27',
    });
    expect(near[0]!.code).toBe('35.09.27.2007'); // Kalisat, Kec. Kalisat, Kab. Jember
    expect(near.slice(1, 4).every((r) => r.code.startsWith('35.'))).toBe(true); // other Jawa Timur ones
    expect(far.map((r) => r.code).sort()).toEqual(near.map((r) => r.code).sort());
  });
});
