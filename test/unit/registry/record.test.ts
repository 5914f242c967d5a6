import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { FULL, formOf } from './data';
import type { InputOf } from '../../../shared/ipc/contract';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

async function create(input: InputOf<'business:create'> = FULL) {
  return app!.call('business:create', input);
}

async function fail(channel: string, input: unknown) {
  const r = await app!.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
}

describe('complete records', () => {
  it('creates a record with every field, derives sex and birth date from the NIK, normalises phone and RT/RW', async () => {
    app = await makeTestApp({ now: () => new Date(2026, 2, 12, 10, 0) });
    const b = await create();
    expect(b.registrationNumber).toBe('IKM-350927-2026-00001');
    expect(b.owner).toMatchObject({
      name: 'Sri Wahyuni',
      nik: '3509274508850003',
      sex: 'P',
      birthDate: '1985-08-05',
      phone: '+6281234567890',
      rt: '002',
      rw: '014',
      villageName: 'Ajung',
    });
    expect(b).toMatchObject({
      products: 'Keripik tempe original dan pedas',
      kbliCode: '10794',
      kbliVersion: '2020',
      rt: '002',
      workersMale: 1,
      workersFemale: 3,
      investment: 45_000_000,
      annualTurnover: 180_000_000,
      productionCapacity: 1500,
      legalForm: 'perorangan',
      npwp: '3509274508850003',
      npwpSameAsNik: true,
      constraints: ['modal', 'pemasaran'],
      needs: ['pendampingan_perizinan', 'sertifikasi_halal'],
      version: 1,
    });
    expect(b.sizeClasses.industry.value).toBe('kecil');
    expect(b.sizeClasses.business.value).toBe('mikro');
    expect(b.sizeClasses.bps.value).toBe('rumah_tangga');
    const again = await app.call('business:get', { id: b.id });
    expect(formOf(again)).toEqual(formOf(b));
  });

  it('keeps a sex and birth date the clerk overrode', async () => {
    app = await makeTestApp();
    const b = await create({ ...FULL, ownerSex: 'L', ownerBirthDate: '1985-08-06' });
    expect(b.owner.sex).toBe('L');
    expect(b.owner.birthDate).toBe('1985-08-06');
  });

  it('refuses a bad phone, RT, year, NPWP and "same as NIK" without a NIK, next to the fields', async () => {
    app = await makeTestApp();
    const e = await fail('business:create', {
      ...FULL,
      ownerNik: '',
      ownerPhone: '12-ab',
      rt: '1234',
      yearStarted: new Date().getFullYear() + 1,
      npwpSameAsNik: true,
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toMatchObject({
      ownerPhone: 'validation.phone.digits',
      rt: 'validation.rtRw',
      yearStarted: 'validation.year',
    });
    const e2 = await fail('business:create', { ...FULL, ownerNik: '', npwpSameAsNik: true });
    expect(e2.fields).toMatchObject({ npwpSameAsNik: 'validation.npwp.needsNik' });
    const e3 = await fail('business:create', { ...FULL, npwpSameAsNik: false, npwp: '12.345' });
    expect(e3.fields).toMatchObject({ npwp: 'validation.npwp.length' });
    const list = await app.call('business:list', {});
    expect(list.total).toBe(0);
  });

  it('registers a second business for an existing owner without a new person', async () => {
    app = await makeTestApp();
    const a = await create();
    const hits = await app.call('owner:search', {
      query: '3509274508850003',
    });
    expect(hits.map((h) => h.id)).toEqual([a.ownerId]);
    expect((await app.call('owner:search', { query: 'sri wahyu' })).length).toBe(1);
    const b = await create({
      ...FULL,
      existingOwnerId: a.ownerId,
      name: 'Sambel Pecel Bu Sri',
      ownerPhone: '085733334444',
    });
    expect(b.ownerId).toBe(a.ownerId);
    expect(b.owner.phone).toBe('+6285733334444');
    expect(b.ownerOtherBusinesses.map((x) => x.id)).toEqual([a.id]);
    const n = app.ctx.opened.raw.prepare('SELECT count(*) AS n FROM owners').get() as { n: number };
    expect(n.n).toBe(1);
  });
});

describe('edits with a reason, field-level audit, archive and restore', () => {
  it('writes only the changed fields, before and after, with the reason; owner changes on the owner', async () => {
    app = await makeTestApp();
    const b = await create();
    const u = await app.call('business:update', {
      ...formOf(b),
      workersFemale: 6,
      capital: 1_200_000_000,
      ownerPhone: '0813 1111 2222',
      reason: 'Survei lapangan Maret',
    });
    expect(u.version).toBe(2);
    expect(u.workersFemale).toBe(6);
    expect(u.sizeClasses.business.value).toBe('kecil');
    expect(u.owner.phone).toBe('+6281311112222');
    const rows = app.ctx.opened.raw
      .prepare(
        `SELECT table_name, action, before_json, after_json, reason FROM audit_log WHERE action = 'update' ORDER BY id`,
      )
      .all() as { table_name: string; before_json: string; after_json: string; reason: string }[];
    expect(rows).toHaveLength(2);
    const owner = rows.find((r) => r.table_name === 'owners')!;
    expect(JSON.parse(owner.before_json)).toEqual({ phone: '+6281234567890' });
    expect(JSON.parse(owner.after_json)).toEqual({ phone: '+6281311112222' });
    const biz = rows.find((r) => r.table_name === 'businesses')!;
    expect(JSON.parse(biz.before_json)).toEqual({ workers_female: 3, capital: 30_000_000 });
    expect(JSON.parse(biz.after_json)).toEqual({ workers_female: 6, capital: 1_200_000_000 });
    expect(biz.reason).toBe('Survei lapangan Maret');

    const history = await app.call('business:history', { id: b.id });
    expect(history.map((h) => h.kind)).toEqual(['changed', 'ownerChanged', 'registered']);
    expect(history[0]!.changes).toEqual([
      { field: 'workersFemale', before: 3, after: 6 },
      { field: 'capital', before: 30_000_000, after: 1_200_000_000 },
    ]);
    expect(history[0]!.reason).toBe('Survei lapangan Maret');
    expect(history[0]!.actor).toBe('siti');
    expect(history[1]!.changes).toEqual([
      { field: 'ownerPhone', before: '+6281234567890', after: '+6281311112222' },
    ]);
  });

  it('asks for a reason, refuses a stale version, and writes nothing when nothing changed', async () => {
    app = await makeTestApp();
    const b = await create();
    const noReason = await fail('business:update', { ...formOf(b), brand: 'Sri Rasa Baru' });
    expect(noReason.code).toBe('REASON_REQUIRED');
    expect(noReason.fields).toEqual({ reason: 'business.errors.reasonRequired' });
    const same = await app.call('business:update', formOf(b));
    expect(same.version).toBe(1);
    await app.call('business:update', { ...formOf(b), brand: 'Sri Rasa Baru', reason: 'Merek baru' });
    const stale = await fail('business:update', { ...formOf(b), products: 'Keripik', reason: 'Lupa' });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('business.errors.conflict');
    const fresh = await app.call('business:get', { id: b.id });
    expect(fresh.brand).toBe('Sri Rasa Baru');
    expect(fresh.products).toBe(FULL.products);
    const n = app.ctx.opened.raw
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'update'`)
      .get() as {
      n: number;
    };
    expect(n.n).toBe(1);
  });

  it('a status change needs its own reason and shows as a status change', async () => {
    app = await makeTestApp();
    const b = await create();
    const e = await fail('business:update', { ...formOf(b), status: 'musiman', reason: 'Kunjungan' });
    expect(e.code).toBe('REASON_REQUIRED');
    expect(e.fields).toEqual({ statusReason: 'business.errors.statusReasonRequired' });
    const u = await app.call('business:update', {
      ...formOf(b),
      status: 'musiman',
      statusReason: 'Hanya produksi menjelang Lebaran',
      reason: 'Kunjungan',
    });
    expect(u.status).toBe('musiman');
    const h = await app.call('business:history', { id: b.id });
    expect(h[0]!.kind).toBe('statusChanged');
    expect(h[0]!.changes).toContainEqual({ field: 'status', before: 'aktif', after: 'musiman' });
  });

  it('archives with a reason and restores; archived records leave the list but can be opened', async () => {
    app = await makeTestApp();
    const b = await create();
    const e = await fail('business:archive', { id: b.id, reason: '' });
    expect(e.fields).toEqual({ reason: 'validation.required' });
    const a = await app.call('business:archive', {
      id: b.id,
      reason: 'Usaha sudah tutup dua tahun',
    });
    expect(a.archivedAt).not.toBeNull();
    expect((await app.call('business:list', {})).total).toBe(0);
    expect((await app.call('business:get', { id: b.id })).archivedAt).not.toBeNull();
    expect((await fail('business:archive', { id: b.id, reason: 'lagi' })).code).toBe('CONFLICT');
    const r = await app.call('business:restore', { id: b.id });
    expect(r.archivedAt).toBeNull();
    expect((await app.call('business:list', {})).total).toBe(1);
    const h = await app.call('business:history', { id: b.id });
    expect(h.map((x) => x.kind)).toEqual(['restored', 'archived', 'registered']);
    expect(h[1]!.reason).toBe('Usaha sudah tutup dua tahun');
  });
});
