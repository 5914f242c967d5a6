import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { BUSINESS_REFERENCES } from '../../../electron/services/business-merge';
import { FULL } from './data';
import type { InputOf } from '../../../shared/ipc/contract';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

const create = (input: InputOf<'business:create'>) => app!.call('business:create', input);
const check = (input: InputOf<'business:checkDuplicates'>) => app!.call('business:checkDuplicates', input);
async function fail(channel: string, input: unknown) {
  const r = await app!.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
}
const count = (sql: string) => (app!.ctx.opened.raw.prepare(sql).get() as { n: number }).n;

const OTHER = {
  ownerName: 'Ahmad Fauzi',
  ownerNik: '3509271203900001',
  ownerPhone: '081999888777',
  name: 'Tahu Tempe Pak Ahmad',
  villageName: 'Sumberjeruk',
  villageCode: '35.09.27.2005',
};

describe('duplicates caught at the desk', () => {
  it('finds the same NIK, the same phone and a similar name in the same desa, each with its reason', async () => {
    app = await makeTestApp();
    const sri = await create(FULL);
    await create(OTHER);
    await create({
      ownerName: 'Mawar',
      name: 'Keripik Singkong Mawar',
      villageName: 'Ajung',
      villageCode: '35.09.27.2001',
    });

    const byNik = await check({ ownerNik: '3509274508850003', name: 'Sesuatu Lain', villageName: 'Kalisat' });
    expect(byNik.map((c) => [c.business.id, c.reasons])).toEqual([[sri.id, ['nik']]]);

    const byPhone = await check({ ownerPhone: '+62 812 3456 7890', name: 'Lain', villageName: 'Kalisat' });
    expect(byPhone.map((c) => [c.business.id, c.reasons])).toEqual([[sri.id, ['phone']]]);

    const byName = await check({
      name: 'Kripik Tempe Sri',
      villageCode: '35.09.27.2001',
      villageName: 'Ajung',
    });
    expect(byName.map((c) => [c.business.id, c.reasons])).toEqual([[sri.id, ['name']]]);
    expect(byName[0]!.nameSimilarity).toBeGreaterThan(0.9);
    // By desa name when the desa has no code (typed by hand).
    expect((await check({ name: 'kripik tempe bu sri', villageName: 'ajung' })).length).toBe(1);

    const all = await check({
      ownerNik: '3509274508850003',
      ownerPhone: '081234567890',
      name: 'Kripik Tempe Sri',
      villageCode: '35.09.27.2001',
      villageName: 'Ajung',
    });
    expect(all[0]!.reasons).toEqual(['nik', 'phone', 'name']);
    expect(all[0]!.business.owner.name).toBe('Sri Wahyuni');
  });

  it('no false hit for an unrelated name, nor for the same name in another desa, nor for the record itself', async () => {
    app = await makeTestApp();
    const sri = await create(FULL);
    expect(
      await check({ name: 'Sambel Pecel Mbok Darmi', villageCode: '35.09.27.2001', villageName: 'Ajung' }),
    ).toEqual([]);
    expect(
      await check({ name: 'Keripik Singkong Mawar', villageCode: '35.09.27.2001', villageName: 'Ajung' }),
    ).toEqual([]);
    expect(
      await check({ name: 'Keripik Tempe Bu Sri', villageCode: '35.09.27.2009', villageName: 'Glagahwero' }),
    ).toEqual([]);
    expect(
      await check({ excludeId: sri.id, ownerNik: FULL.ownerNik, name: FULL.name, villageName: 'Ajung' }),
    ).toEqual([]);
  });

  it('"a different business" is recorded with the new record, linked to both and audited on both', async () => {
    app = await makeTestApp();
    const sri = await create(FULL);
    const b = await create({
      ...FULL,
      name: 'Kripik Tempe Sri',
      duplicateDecisions: [{ candidateId: sri.id, reasons: ['nik', 'name'] }],
    });
    const d = app.ctx.opened.raw.prepare('SELECT * FROM duplicate_decisions').all() as {
      decision: string;
      business_id: number;
      other_business_id: number;
      reasons_json: string;
      user_name: string;
    }[];
    expect(d).toEqual([
      expect.objectContaining({
        decision: 'different',
        business_id: sri.id,
        other_business_id: b.id,
        user_name: 'siti',
      }),
    ]);
    expect(JSON.parse(d[0]!.reasons_json)).toEqual(['nik', 'name']);
    const hs = await app.call('business:history', { id: sri.id });
    expect(hs[0]).toMatchObject({ kind: 'duplicateDifferent', otherBusinessId: b.id });
    const hb = await app.call('business:history', { id: b.id });
    expect(hb.map((h) => h.kind)).toContain('duplicateDifferent');
  });

  it('"the same business" saves nothing new and keeps the decision with the draft', async () => {
    app = await makeTestApp();
    const sri = await create(FULL);
    await app.call('business:sameAs', {
      candidateId: sri.id,
      reasons: ['nik'],
      draft: { name: 'Kripik Tempe Sri' },
    });
    expect(count('SELECT count(*) AS n FROM businesses')).toBe(1);
    expect(
      count(
        `SELECT count(*) AS n FROM duplicate_decisions WHERE decision = 'same' AND other_business_id IS NULL`,
      ),
    ).toBe(1);
    const h = await app.call('business:history', { id: sri.id });
    expect(h[0]!.kind).toBe('duplicateSame');
  });
});

describe('merge', () => {
  it('re-points everything, fills the survivor, archives the duplicate, audits both; twice is refused', async () => {
    app = await makeTestApp();
    const survivor = await create({
      ownerName: 'Sri Wahyuni',
      ownerNik: '3509274508850003',
      name: 'Keripik Tempe Bu Sri',
      villageName: 'Ajung',
      villageCode: '35.09.27.2001',
      workersFemale: 2,
      constraints: ['modal'],
    });
    // The same person and business registered again by another clerk, with more detail and a new person record.
    const dup = await create({ ...FULL, name: 'Kripik Tempe Sri', constraints: ['pemasaran', 'modal'] });
    expect(dup.ownerId).not.toBe(survivor.ownerId);
    // Something else pointing at the duplicate: a business merged into it earlier.
    const older = await create({ ownerName: 'Sri W.', name: 'Keripik Sri (lama)', villageName: 'Ajung' });
    await app.call('business:merge', { survivorId: dup.id, duplicateId: older.id, reason: 'Catatan lama' });
    // Later domains' tables are listed in one place, re-pointed when they exist.
    expect(BUSINESS_REFERENCES.map((r) => `${r.table}.${r.column}`)).toContain('letters.business_id');

    const merged = await app.call('business:merge', {
      survivorId: survivor.id,
      duplicateId: dup.id,
      reason: 'Terdaftar dua kali',
    });
    // Filled from the duplicate where empty; kept where the survivor had a value.
    expect(merged).toMatchObject({
      name: 'Keripik Tempe Bu Sri',
      products: FULL.products,
      kbliCode: '10794',
      investment: FULL.investment,
      // the survivor's counts are one pair: its men left empty stay unknown (issue 11 item 9), not 0
      workersFemale: 2,
      workersMale: null,
      constraints: ['modal', 'pemasaran'],
    });
    // The owners were one person: one record, the survivor's filled in.
    expect(merged.owner.phone).toBe('+6281234567890');
    expect(
      count(`SELECT count(*) AS n FROM owners WHERE archived_at IS NULL AND nik = '3509274508850003'`),
    ).toBe(1);
    expect(count(`SELECT count(*) AS n FROM businesses WHERE owner_id = ${dup.ownerId}`)).toBe(0);
    // Re-pointed: the record merged earlier into the duplicate now points at the survivor.
    expect(count(`SELECT count(*) AS n FROM businesses WHERE merged_into_id = ${survivor.id}`)).toBe(2);
    const d = await app.call('business:get', { id: dup.id });
    expect(d.archivedAt).not.toBeNull();
    expect(d.mergedIntoId).toBe(survivor.id);
    expect((await app.call('business:list', {})).total).toBe(1);

    // Audit on both; the duplicate's full before-image kept.
    const row = app.ctx.opened.raw
      .prepare(
        `SELECT before_json FROM audit_log WHERE action = 'merged_into' AND table_name = 'businesses' AND record_id = ?`,
      )
      .get(dup.id) as { before_json: string };
    const image = JSON.parse(row.before_json) as Record<string, unknown>;
    expect(image).toMatchObject({
      name: 'Kripik Tempe Sri',
      raw_materials: FULL.rawMaterials,
      energy_use: FULL.energyUse,
    });
    expect((image.owner as Record<string, unknown>).phone).toBe('+6281234567890');
    const hs = await app.call('business:history', { id: survivor.id });
    expect(hs[0]).toMatchObject({
      kind: 'mergedFrom',
      otherBusinessId: dup.id,
      reason: 'Terdaftar dua kali',
    });
    expect(hs[0]!.changes).toContainEqual({ field: 'products', before: null, after: FULL.products });
    const hd = await app.call('business:history', { id: dup.id });
    expect(hd[0]).toMatchObject({ kind: 'mergedInto', otherBusinessId: survivor.id });
    expect(count(`SELECT count(*) AS n FROM duplicate_decisions WHERE decision = 'merged'`)).toBe(2);

    // Refused: merging the same pair again, into itself, or restoring a merged record.
    expect(
      (await fail('business:merge', { survivorId: survivor.id, duplicateId: dup.id, reason: 'lagi' }))
        .message,
    ).toBe('business.errors.alreadyMerged');
    expect(
      (await fail('business:merge', { survivorId: survivor.id, duplicateId: survivor.id, reason: 'x' })).code,
    ).toBe('CONFLICT');
    expect(
      (await fail('business:merge', { survivorId: dup.id, duplicateId: survivor.id, reason: 'x' })).code,
    ).toBe('CONFLICT');
    expect((await fail('business:restore', { id: dup.id })).message).toBe(
      'business.errors.mergedCannotRestore',
    );
    expect(
      (await fail('business:merge', { survivorId: survivor.id, duplicateId: dup.id, reason: '' })).code,
    ).toBe('VALIDATION');
  });

  it('leaves two different people alone when their businesses are merged', async () => {
    app = await makeTestApp();
    const a = await create({ ownerName: 'Sri Wahyuni', name: 'Keripik Tempe Bu Sri', villageName: 'Ajung' });
    const b = await create({ ownerName: 'Ahmad Fauzi', name: 'Keripik Tempe Sri', villageName: 'Ajung' });
    await app.call('business:merge', { survivorId: a.id, duplicateId: b.id, reason: 'Sama' });
    expect(count('SELECT count(*) AS n FROM owners WHERE archived_at IS NULL')).toBe(2);
  });
});
