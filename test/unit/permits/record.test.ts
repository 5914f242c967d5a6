import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import type { PermitTypeView, PermitView } from '../../../shared/schemas/permit';
import { makeTestApp, type CallInput, type TestApp } from '../../fixtures/app';
import type { ChannelName, InputOf } from '../../../shared/ipc/contract';
import { insertBusiness } from '../letters/fixtures';
import { readPdf } from '../letters/pdf';

/** Permits through the real dispatcher and database (issue 8 items 1, 2, 5). Today: 2 December 2026. */
describe('permits', () => {
  let app: TestApp;
  let types: Record<string, PermitTypeView>;
  const fail = async <C extends ChannelName>(channel: C, ...input: CallInput<C>) => {
    try {
      await app.call(channel, ...input);
    } catch (e) {
      return (e as { envelope: { code: string; message: string; fields?: Record<string, string> } }).envelope;
    }
    throw new Error('expected a refusal');
  };
  /** Records a P-IRT valid from `issueDate` to `validUntil` for business `businessId`. */
  const addPirt = (
    businessId: number,
    number: string,
    issueDate: string,
    validUntil: string,
    extra: { issuer?: string } = {},
  ) =>
    app.call('permit:create', {
      businessId,
      typeId: types.pirt!.id,
      number,
      issueDate,
      validUntil,
      ...extra,
    });
  const setVillage = (id: number, code: string, kbli = '10794') =>
    rawOf(app.ctx)
      .prepare('UPDATE businesses SET village_code = ?, kbli_code = ? WHERE id = ?')
      .run(code, kbli, id);

  beforeAll(async () => {
    app = await makeTestApp({ now: () => new Date(2026, 11, 2, 9, 30) });
    const list = await app.call('permit:types');
    types = Object.fromEntries(list.map((t) => [t.code, t]));
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('ships the types as data, in order, an office adds its own', async () => {
    expect(Object.keys(types)).toEqual([
      'nib',
      'pirt',
      'halal',
      'sni',
      'bpom',
      'iumk',
      'sku',
      'iui',
      'hki',
      'pkp',
      'siinas',
      'lainnya',
    ]);
    const own = await app.call('permit:typeCreate', {
      name: 'Izin Gangguan (HO)',
      shortName: 'HO',
    });
    expect(own).toMatchObject({ numberRule: 'free', addedByOffice: true });
    expect((await app.call('permit:types')).at(-1)!.shortName).toBe('HO');
  });

  it('records an NIB and a P-IRT; a P-IRT of another kabupaten is saved with a warning; audited; letter lists them', async () => {
    const id = insertBusiness(app, { name: 'Keripik Tempe Bu Sri' });
    setVillage(id, '35.09.27.2001');
    const before = await app.call('permit:counts');
    const nib = await app.call('permit:create', {
      businessId: id,
      typeId: types.nib!.id,
      number: '9120 0012 3456 7',
      issueDate: '2024-05-02',
      whileOperating: true,
    });
    expect(nib).toMatchObject({ number: '9120001234567', state: 'berlaku', warnings: [] });
    const pirt = await addPirt(id, 'P-IRT No. 2063505010123-27', '2022-03-12', '2027-03-12', {
      issuer: 'Dinas Kesehatan Kabupaten Jember',
    });
    expect(pirt.number).toBe('2063505010123-27');
    expect(pirt.state).toBe('berlaku');
    expect(pirt.warnings).toEqual([{ code: 'pirtRegion', params: { digits: '3505', expected: '3509' } }]);
    const after = await app.call('permit:counts');
    expect(after.none).toBe(before.none - 1);
    expect(after.food).toBe(before.food - 1);
    const audit = rawOf(app.ctx)
      .prepare(
        `SELECT action, user_name, after_json FROM audit_log WHERE table_name = 'permits' AND record_id = ?`,
      )
      .all(pirt.id) as { action: string; user_name: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', user_name: 'siti' });
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({
      number: '2063505010123-27',
      valid_until: '2027-03-12',
    });

    const l = await app.call('letter:issue', { businessId: id, purpose: 'pameran' });
    const [page] = readPdf(path.join(app.dataDir, l.filePath!));
    const text = page!.text.replace(/\s+/g, ' ');
    expect(text).toContain('NIB 9120001234567 (berlaku selama usaha berjalan)');
    expect(text).toContain('P-IRT 2063505010123-27, berlaku s.d. 12 Maret 2027');
    expect(text).not.toContain('Belum ada izin');
  });

  it('refuses bad input beside the field and saves nothing', async () => {
    const id = insertBusiness(app);
    const n = () => rawOf(app.ctx).prepare('SELECT count(*) FROM permits').pluck().get() as number;
    const count = n();
    const e1 = await fail('permit:create', {
      businessId: id,
      typeId: types.pirt!.id,
      number: '2063509010123-27',
      issueDate: '2027-01-01',
      validUntil: '2026-01-01',
    });
    expect(e1).toMatchObject({
      code: 'VALIDATION',
      fields: { validUntil: 'validation.permit.untilBeforeIssue' },
    });
    const e2 = await fail('permit:create', {
      businessId: id,
      typeId: types.pirt!.id,
      number: '20635090101-27',
    });
    expect(e2).toMatchObject({
      code: 'VALIDATION',
      fields: { number: 'validation.permit.number.pirtLength' },
    });
    const e3 = await fail('permit:create', { businessId: id, typeId: types.nib!.id, number: '123' });
    expect(e3.fields).toEqual({ number: 'validation.permit.number.nibLength' });
    const e4 = await fail('permit:create', {
      businessId: id,
      typeId: types.bpom!.id,
      number: 'MK 123456789012',
    });
    expect(e4.fields).toEqual({ number: 'validation.permit.number.bpomPrefix' });
    expect(n()).toBe(count);
  });

  it('the same NIB: refused on another owner’s business, allowed (warned) for the same owner; other numbers warned', async () => {
    const a = insertBusiness(app, { owner: 'Pak Darto', nik: '3509270101700001' });
    const b = insertBusiness(app, { owner: 'Bu Sumi', nik: '3509274101700002' });
    await app.call('permit:create', {
      businessId: a,
      typeId: types.nib!.id,
      number: '8120000000001',
      whileOperating: true,
    });
    const e = await fail('permit:create', { businessId: b, typeId: types.nib!.id, number: '8120000000001' });
    expect(e).toMatchObject({ code: 'CONFLICT', fields: { number: 'validation.permit.nibDuplicate' } });
    const again = await fail('permit:create', {
      businessId: a,
      typeId: types.nib!.id,
      number: '8120000000001',
    });
    expect(again.code).toBe('CONFLICT');
    // another business of the same owner
    const ownerA = rawOf(app.ctx).prepare('SELECT owner_id FROM businesses WHERE id = ?').pluck().get(a);
    const a2 = insertBusiness(app);
    rawOf(app.ctx).prepare('UPDATE businesses SET owner_id = ? WHERE id = ?').run(ownerA, a2);
    const shared = await app.call('permit:create', {
      businessId: a2,
      typeId: types.nib!.id,
      number: '8120000000001',
    });
    expect(shared.warnings.map((w) => w.code)).toEqual(['duplicate']);
    await app.call('permit:create', {
      businessId: a,
      typeId: types.halal!.id,
      number: 'ID35110000123456789',
    });
    const h = await app.call('permit:create', {
      businessId: b,
      typeId: types.halal!.id,
      number: 'ID 3511 0000 1234 56789',
    });
    expect(h.warnings).toMatchObject([{ code: 'duplicate' }]);
  });

  it('edits with a version and a reason, archives (never deletes), a renewal takes the old one off the worklist', async () => {
    const id = insertBusiness(app, { name: 'Tahu Pak Min' });
    setVillage(id, '35.09.27.2002');
    const old = await addPirt(id, '2063509010999-27', '2022-01-20', '2027-01-20');
    expect(old.state).toBe('segera_berakhir');
    const due = () => app.call('permit:worklist', { kind: 'due', villageCode: '35.09.27.2002' });
    expect((await due()).items.map((r) => r.permitId)).toEqual([old.id]);
    const stale = await fail('permit:update', { ...editable(old), version: 99, reason: 'x' });
    expect(stale.code).toBe('CONFLICT');
    const noReason = await fail('permit:update', { ...editable(old), notes: 'x', reason: '' });
    expect(noReason.fields).toMatchObject({ reason: 'validation.required' });
    const edited = await app.call('permit:update', {
      ...editable(old),
      issuer: 'Dinkes Jember',
      reason: 'salah ketik penerbit',
    });
    expect(edited.version).toBe(2);
    const row = rawOf(app.ctx)
      .prepare(
        `SELECT before_json, after_json, reason FROM audit_log WHERE table_name = 'permits' AND record_id = ? AND action = 'update'`,
      )
      .get(old.id) as { before_json: string; after_json: string; reason: string };
    expect(JSON.parse(row.before_json)).toEqual({ issuer: null });
    expect(JSON.parse(row.after_json)).toEqual({ issuer: 'Dinkes Jember' });
    expect(row.reason).toBe('salah ketik penerbit');
    // renewed: the new certificate is current, the old one leaves the worklist but stays on record
    await addPirt(id, '2063509010999-32', '2027-01-10', '2032-01-10');
    expect((await due()).total).toBe(0);
    const archived = await app.call('permit:archive', {
      id: old.id,
      reason: 'diganti sertifikat baru',
    });
    expect(archived.archivedAt).not.toBeNull();
    expect(await app.call('permit:list', { businessId: id })).toHaveLength(1);
    expect(await app.call('permit:list', { businessId: id, includeArchived: true })).toHaveLength(2);
    // the business's timeline tells the permits' story, with who and why (issue 8: audited like businesses)
    const events = await app.call('business:history', { id });
    const permitEvents = events
      .filter((e) => e.kind.startsWith('permit'))
      .map((e) => ({ kind: e.kind, params: e.params, reason: e.reason, actor: e.actor }));
    // each event of the P-IRT, newest first, all by siti
    const pirt = (kind: string, number: string, reason: string | null) => ({
      kind,
      params: { type: 'P-IRT', number },
      reason,
      actor: 'siti',
    });
    expect(permitEvents).toEqual([
      pirt('permitArchived', '2063509010999-27', 'diganti sertifikat baru'),
      pirt('permitAdded', '2063509010999-32', null),
      pirt('permitChanged', '2063509010999-27', 'salah ketik penerbit'),
      pirt('permitAdded', '2063509010999-27', null),
    ]);
  });

  it('scans: chunks up, type checked by content, size limited, stored in the database', async () => {
    const id = insertBusiness(app);
    const p = await app.call('permit:create', {
      businessId: id,
      typeId: types.sku!.id,
      number: '503/12/2026',
    });
    const upload = async (bytes: Buffer, name: string) => {
      const { uploadId } = await app.call('permit:scanBegin', {
        permitId: p.id,
        fileName: name,
        size: bytes.length,
      });
      for (let i = 0, k = 0; i < bytes.length; i += 512 * 1024, k++)
        await app.call('permit:scanChunk', {
          uploadId,
          index: k,
          dataBase64: bytes.subarray(i, i + 512 * 1024).toString('base64'),
        });
      return app.call('permit:scanCommit', { uploadId });
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(700 * 1024, 0x20)]);
    const withScan = await upload(pdf, '../../etc/sku.pdf');
    expect(withScan.scan).toEqual({ mime: 'application/pdf', fileName: 'sku.pdf', bytes: pdf.length });
    const back = await app.call('permit:scanRead', { id: p.id });
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
    let e: unknown;
    try {
      await upload(Buffer.from('PK\u0003\u0004 this is a .docx renamed to .pdf'), 'izin.pdf');
    } catch (x) {
      e = (x as { envelope: unknown }).envelope;
    }
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { scan: 'validation.permit.scanType' } });
    const big = await fail('permit:scanBegin', {
      permitId: p.id,
      fileName: 'a.pdf',
      size: 5 * 1024 * 1024 + 1,
    });
    expect(big.fields).toEqual({ scan: 'validation.permit.scanTooBig' });
    // a chunk more than the size announced is refused
    const { uploadId } = await app.call('permit:scanBegin', {
      permitId: p.id,
      fileName: 'a.pdf',
      size: 10,
    });
    const over = await fail('permit:scanChunk', {
      uploadId,
      index: 0,
      dataBase64: Buffer.alloc(11).toString('base64'),
    });
    expect(over.fields).toEqual({ scan: 'validation.permit.scanTooBig' });
    expect((await app.call('permit:list', { businessId: id }))[0]!.scan?.bytes).toBe(pdf.length);
  });

  it('worklists: ends within 90 days / ended / no permit / food without P-IRT or BPOM, filtered by desa and KBLI', async () => {
    const v = '35.09.27.2009';
    const mk = (name: string, kbli: string) => {
      const id = insertBusiness(app, { name });
      setVillage(id, v, kbli);
      return id;
    };
    const food = mk('Kopi Bubuk Pak Joyo', '10761');
    const batik = mk('Batik Tulis Bu Tin', '13134');
    const expired = mk('Dodol Mbok Rah', '10793');
    await app.call('permit:create', {
      businessId: batik,
      typeId: types.sku!.id,
      number: '1',
      validUntil: '2027-01-15',
    });
    await app.call('permit:create', {
      businessId: expired,
      typeId: types.pirt!.id,
      number: '2093509010001-26',
      validUntil: '2026-06-30',
    });
    const list = (kind: NonNullable<InputOf<'permit:worklist'>>['kind'], extra: object = {}) =>
      app.call('permit:worklist', { kind, villageCode: v, ...extra });
    expect((await list('due')).items.map((r) => r.businessName)).toEqual(['Batik Tulis Bu Tin']);
    expect((await list('expired')).items).toMatchObject([
      { businessName: 'Dodol Mbok Rah', state: 'kedaluwarsa' },
    ]);
    expect((await list('none')).items.map((r) => r.businessId)).toEqual([food]);
    // an expired P-IRT is still a P-IRT on record: the food list asks for one, the expiry list for renewal
    expect((await list('food', { sort: 'name' })).items.map((r) => r.businessId)).toEqual([food]);
    expect((await list('none', { kbliCode: '13' })).total).toBe(0);
    expect((await list('due', { kbliCode: '131' })).total).toBe(1);
    // archiving the business takes it off every list
    rawOf(app.ctx).prepare('UPDATE businesses SET archived_at = ? WHERE id = ?').run('2026-12-01', batik);
    expect((await list('due')).total).toBe(0);
    rawOf(app.ctx).prepare('UPDATE businesses SET archived_at = ? WHERE id = ?').run('2026-12-01', food);
    expect((await list('none')).total).toBe(0);
    expect((await list('food')).total).toBe(0);
  });
});

function editable(p: PermitView) {
  return {
    id: p.id,
    version: p.version,
    businessId: p.businessId,
    typeId: p.typeId,
    number: p.number,
    issuer: p.issuer,
    issueDate: p.issueDate,
    validUntil: p.validUntil,
    whileOperating: p.whileOperating,
    revokedAt: p.revokedAt,
    revokedReason: p.revokedReason,
    notes: p.notes,
  };
}
