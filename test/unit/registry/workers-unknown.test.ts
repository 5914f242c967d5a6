import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { cleanRow, DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import { planOf } from '../../../shared/import/targets';
import { VillageMatcher } from '../../../shared/import/villages';
import { businessCreateSchema } from '../../../shared/schemas/business';
import { FULL, formOf } from './data';

/**
 * Issue 11 item 9: an empty worker count stays unknown (NULL) through the form, the API, an edit and the
 * import, and the size classes that need workers are then not determined, saying what is missing.
 */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

const NO_WORKERS = { ...FULL, workersMale: '', workersFemale: '' };

describe('unknown worker counts', () => {
  it('the form schema reads an empty count as unknown, 0 as 0, and refuses a negative or a fraction', () => {
    const parse = (v: unknown) => businessCreateSchema.safeParse({ ...FULL, workersMale: v });
    expect(parse('')).toMatchObject({ success: true, data: { workersMale: null } });
    expect(parse(null)).toMatchObject({ success: true, data: { workersMale: null } });
    expect(parse(undefined)).toMatchObject({ success: true, data: { workersMale: null } });
    expect(parse('0')).toMatchObject({ success: true, data: { workersMale: 0 } });
    expect(parse(0)).toMatchObject({ success: true, data: { workersMale: 0 } });
    expect(parse(' 4 ')).toMatchObject({ success: true, data: { workersMale: 4 } });
    for (const bad of [-1, '-1', 1.5, '1,5', '1e3', 'tiga'])
      expect(parse(bad).success, String(bad)).toBe(false);
  });

  it('a record created with empty counts keeps them empty, with no BPS or Permenperin class', async () => {
    app = await makeTestApp();
    const b = await app.call('business:create', NO_WORKERS);
    expect(b.workersMale).toBeNull();
    expect(b.workersFemale).toBeNull();
    expect(b.sizeClasses.bps).toMatchObject({ value: null, reason: 'sizeClass.reason.missingWorkers' });
    expect(b.sizeClasses.industry).toMatchObject({
      value: null,
      reason: 'sizeClass.reason.missingWorkersIndustry',
      missing: 'sizeClass.missing.workers',
    });
    const row = app.ctx.opened.raw
      .prepare(
        'SELECT workers_male, workers_female, workers_total, bps_scale, industry_class FROM businesses',
      )
      .get();
    expect(row).toEqual({
      workers_male: null,
      workers_female: null,
      workers_total: null,
      bps_scale: null,
      industry_class: null,
    });
    // the edit form sends back what it shows: still unknown after an edit of another field
    const u = await app.call('business:update', {
      ...formOf(b),
      workersMale: '',
      workersFemale: '',
      brand: 'Sri Rasa Baru',
      reason: 'Merek baru',
    });
    expect(u.workersMale).toBeNull();
    expect(u.sizeClasses.bps.value).toBeNull();
    // and a count typed later gives the class; emptied again, it is unknown again
    const filled = await app.call('business:update', {
      ...formOf(u),
      workersFemale: '3',
      reason: 'Survei',
    });
    expect(filled.workersMale).toBeNull();
    expect(filled.workersFemale).toBe(3);
    expect(filled.sizeClasses.bps.value).toBe('rumah_tangga');
    const emptied = await app.call('business:update', {
      ...formOf(filled),
      workersFemale: '',
      reason: 'Salah ketik',
    });
    expect(emptied.workersFemale).toBeNull();
    expect(emptied.sizeClasses.bps.value).toBeNull();
  });

  it('a spreadsheet row without worker columns is imported with unknown counts', () => {
    const cells = { name: 'Keripik Tempe Barokah', ownerName: 'Siti', villageName: 'Gumuksari' };
    const keys = Object.keys(cells);
    const plan = planOf(keys.map((target, index) => ({ index, target })));
    const r = cleanRow({ line: 2, cells: Object.values(cells) }, plan, {
      villages: new VillageMatcher([]),
      today: new Date(2026, 2, 12),
      options: DEFAULT_IMPORT_OPTIONS,
    });
    expect(r.values.workersMale ?? null).toBeNull();
    const parsed = businessCreateSchema.parse(r.values);
    expect(parsed.workersMale).toBeNull();
    expect(parsed.workersFemale).toBeNull();
  });
});

describe('the office rule for PP 7/2021 (settings)', () => {
  it('an admin changes it, the record page follows, and the main side refuses a bad value or another role', async () => {
    app = await makeTestApp();
    // capital Rp1 miliar → mikro; sales Rp3 miliar → kecil
    const b = await app.call('business:create', {
      ...FULL,
      capital: '1.000.000.000',
      annualTurnover: '3.000.000.000',
    });
    expect(await app.call('office:sizeRuleGet')).toEqual({ pp7Rule: 'capital' });
    expect(b.sizeClasses.business).toMatchObject({
      value: 'mikro',
      byCapital: 'mikro',
      byTurnover: 'kecil',
      disagree: true,
      pp7Rule: 'capital',
    });

    expect(await app.call('office:sizeRuleSave', { pp7Rule: 'turnover' })).toEqual({ pp7Rule: 'turnover' });
    const t = await app.call('business:get', { id: b.id });
    expect(t.sizeClasses.business).toMatchObject({ value: 'kecil', pp7Rule: 'turnover' });
    // the list filter follows the rule too
    const list = await app.call('business:list', { businessClass: 'kecil' });
    expect(list.items.map((x) => x.id)).toEqual([b.id]);

    await app.call('office:sizeRuleSave', { pp7Rule: 'larger' });
    expect((await app.call('business:get', { id: b.id })).sizeClasses.business.value).toBe('kecil');
    await app.call('office:sizeRuleSave', { pp7Rule: 'capital' });
    expect((await app.call('business:get', { id: b.id })).sizeClasses.business.value).toBe('mikro');
    const mikro = await app.call('business:list', { businessClass: 'mikro' });
    expect(mikro.items.map((x) => x.id)).toEqual([b.id]);

    // each change is audited with before and after
    const audits = app.ctx.opened.raw
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE table_name = 'settings' ORDER BY id`)
      .all();
    expect(audits).toHaveLength(3);

    const bad = await app.dispatch('office:sizeRuleSave', { pp7Rule: 'terbesar' });
    expect(bad.ok).toBe(false);

    await app.call('user:create', {
      username: 'budi',
      fullName: 'Budi Santoso',
      role: 'operator',
      password: 'operator-kalisat',
      passwordConfirm: 'operator-kalisat',
    });
    await app.call('auth:logout');
    await app.call('auth:login', { username: 'budi', password: 'operator-kalisat' });
    const r = await app.dispatch('office:sizeRuleSave', { pp7Rule: 'turnover' });
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect(await app.call('office:sizeRuleGet')).toEqual({ pp7Rule: 'capital' });
  });
});

describe('reports count unknown workers as their own bucket', () => {
  it('a record without workers is "Tidak diketahui" in the BPS table, not rumah tangga', async () => {
    app = await makeTestApp();
    await app.call('business:create', NO_WORKERS);
    await app.call('business:create', {
      ...FULL,
      name: 'Tahu Pak Budi',
      workersMale: '2',
      workersFemale: '',
    });
    const s = await app.call('report:summary', {});
    expect(s.tables.bps).toEqual([
      { key: 'rumah_tangga', label: 'Industri Rumah Tangga/Mikro', n: 1 },
      { key: '-', label: 'Tidak diketahui (tenaga kerja belum diisi)', n: 1 },
    ]);
    expect(s.tables.industry).toContainEqual({
      key: '-',
      label: 'Tidak diketahui (data belum lengkap)',
      n: 1,
    });
  });
});
