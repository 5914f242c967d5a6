import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import type { PermitTypeView } from '../../../shared/schemas/permit';
import type { ReportCoverage } from '../../../shared/schemas/report';
import type { InputOf } from '../../../shared/ipc/contract';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

/**
 * Permit coverage and activity participation on a small real register, through the channels (the permits
 * and activities are written by their own services), on 15 June 2026:
 *
 * - B1 Kalisat, registered 2026-03: NIB while operating (issued 2026-03-11), P-IRT ending 2026-08-01
 *   (segera berakhir), a halal certificate archived (never counted); took part in a pelatihan.
 * - B2 Sumberjati, 2026-03: P-IRT ended 2025-12-31; enrolled in the pelatihan and withdrew.
 * - B3 Sumberjati, 2025-11: SKU issued 2026-01-05 and revoked; took part in a pameran (2025-10).
 * - B4 Ajung, archived, with an NIB: never counted.
 * - B5 desa 35.09.27.2001 (by code), 2024-01: NIB; enrolled in a pelatihan that was cancelled.
 * - a magang held 2026-05 with nobody yet.
 */
let app: TestApp;
let types: Record<string, PermitTypeView>;
const b: Record<string, number> = {};

const cov = (f: Record<string, string> = {}) => app.call('report:coverage', f);
const row = (c: ReportCoverage, code: string) => c.permits.byType.find((r) => r.code === code)!;
const act = (c: ReportCoverage, type: string) => {
  const r = c.activities.byType.find((x) => x.type === type)!;
  return [r.activities, r.businesses, r.participants];
};

beforeAll(async () => {
  app = await makeTestApp({ now: () => new Date(2026, 5, 15, 9, 0) });
  await app.call('auth:login', { username: 'siti', password: 'rahasia-kalisat' });
  types = Object.fromEntries((await app.call('permit:types')).map((t) => [t.code, t]));
  const raw = rawOf(app.ctx);
  b.b1 = insertBusiness(app, { nik: '3509274405800003', date: '2026-03-10', village: 'Kalisat' });
  b.b2 = insertBusiness(app, { nik: '3509271203700001', date: '2026-03-20', village: 'Sumberjati' });
  b.b3 = insertBusiness(app, { nik: '3509271203700002', date: '2025-11-02', village: 'Sumberjati' });
  b.b4 = insertBusiness(app, { nik: '3509271203700004', date: '2026-03-05', village: 'Ajung' });
  b.b5 = insertBusiness(app, { nik: '3509271203700005', date: '2024-01-15', village: 'Kalisat Kidul' });
  raw.prepare('UPDATE businesses SET village_code = ? WHERE id = ?').run('35.09.27.2001', b.b5);

  const permit = (businessId: number, code: string, p: Record<string, unknown>) =>
    app.call('permit:create', { businessId, typeId: types[code]!.id, ...p });
  await permit(b.b1, 'nib', { number: '9120001234567', issueDate: '2026-03-11', whileOperating: true });
  await permit(b.b1, 'pirt', {
    number: '2063509010123-26',
    issueDate: '2021-08-01',
    validUntil: '2026-08-01',
  });
  const halal = await permit(b.b1, 'halal', { number: 'ID35110000123450325', issueDate: '2026-04-01' });
  await app.call('permit:archive', { id: halal.id, reason: 'salah input' });
  await permit(b.b2, 'pirt', {
    number: '2063509010124-25',
    issueDate: '2020-12-31',
    validUntil: '2025-12-31',
  });
  await permit(b.b3, 'sku', {
    number: '503/12/2026',
    issueDate: '2026-01-05',
    validUntil: '2027-01-05',
    revokedAt: '2026-02-01',
    revokedReason: 'usaha pindah',
  });
  await permit(b.b4, 'nib', { number: '9120001234568', issueDate: '2026-03-06', whileOperating: true });
  await permit(b.b5, 'nib', { number: '9120001234569', issueDate: '2024-01-20', whileOperating: true });
  raw.prepare('UPDATE businesses SET archived_at = ? WHERE id = ?').run('2026-04-01', b.b4);

  const activity = (type: InputOf<'activity:create'>['type'], days: string[]) =>
    app.call('activity:create', {
      type,
      title: `Kegiatan ${type} ${days[0]}`,
      organiser: 'disperindag',
      funding: 'apbd',
      quota: null,
      days,
    });
  const enrol = async (activityId: number, businessId: number) => {
    const r = await app.call('activity:enrol', {
      activityId,
      businessId,
      attendeeName: 'Sri Wahyuni',
      attendeeRole: 'pemilik',
      confirm: true,
    });
    if (!r.enrolled) throw new Error('not enrolled');
    return r.participant;
  };
  const pelatihan = await activity('pelatihan', ['2026-03-10', '2026-03-12']);
  await enrol(pelatihan.id, b.b1);
  const withdrawn = await enrol(pelatihan.id, b.b2);
  await app.call('activity:participantWithdraw', { id: withdrawn.id, reason: 'mengundurkan diri' });
  const pameran = await activity('pameran', ['2025-10-01']);
  await enrol(pameran.id, b.b3);
  const cancelled = await activity('pelatihan', ['2026-04-01']);
  await enrol(cancelled.id, b.b5);
  await app.call('activity:archive', { id: cancelled.id, reason: 'dibatalkan' });
  await activity('magang', ['2026-05-05']);
}, 60_000);
afterAll(() => app.cleanup());

describe('report coverage', () => {
  it('counts businesses with a permit in force, and per type in force, ending, expired, revoked, issued', async () => {
    const c = await cov();
    expect(c.asOf).toBe('2026-06-15');
    expect(c.total).toBe(4);
    expect(c.permits).toMatchObject({ withPermit: 2, withoutPermit: 2 });
    expect(row(c, 'nib')).toMatchObject({
      inForce: 2,
      endingSoon: 0,
      expired: 0,
      revoked: 0,
      issuedInPeriod: 2,
    });
    expect(row(c, 'pirt')).toMatchObject({
      inForce: 1,
      endingSoon: 1,
      expired: 1,
      revoked: 0,
      issuedInPeriod: 2,
    });
    expect(row(c, 'sku')).toMatchObject({ inForce: 0, expired: 0, revoked: 1, issuedInPeriod: 1 });
    // the archived halal certificate counts nowhere
    expect(row(c, 'halal')).toMatchObject({ inForce: 0, expired: 0, revoked: 0, issuedInPeriod: 0 });
    // every live type is listed, in the office's order
    expect(c.permits.byType.map((r) => r.code).slice(0, 3)).toEqual(['nib', 'pirt', 'halal']);
  });

  it('filters permits by period (businesses registered; permits issued) and by desa (name or code)', async () => {
    const p = await cov({ from: '2026-01', to: '2026-12' });
    expect(p.total).toBe(2); // B1, B2
    expect(p.permits).toMatchObject({ withPermit: 1, withoutPermit: 1 });
    expect(row(p, 'nib')).toMatchObject({ inForce: 1, issuedInPeriod: 1 });
    expect(row(p, 'pirt')).toMatchObject({ inForce: 1, expired: 1, issuedInPeriod: 0 });
    // B3 registered in 2025, its SKU issued in January 2026: counted as issued, not in the coverage
    expect(row(p, 'sku')).toMatchObject({ revoked: 0, issuedInPeriod: 1 });

    const d = await cov({ village: '~Sumberjati' });
    expect(d.total).toBe(2);
    expect(d.permits).toMatchObject({ withPermit: 0, withoutPermit: 2 });
    expect(row(d, 'pirt')).toMatchObject({ inForce: 0, expired: 1, issuedInPeriod: 1 });
    expect(row(d, 'sku')).toMatchObject({ revoked: 1, issuedInPeriod: 1 });
    expect(row(d, 'nib')).toMatchObject({ inForce: 0, issuedInPeriod: 0 });

    const code = await cov({ village: '35.09.27.2001' });
    expect(code.total).toBe(1);
    expect(code.permits).toMatchObject({ withPermit: 1, withoutPermit: 0 });
    expect(row(code, 'nib')).toMatchObject({ inForce: 1, issuedInPeriod: 1 });
  });

  it('counts activities held, businesses and participants per type; withdrawn and cancelled excluded', async () => {
    const c = await cov();
    expect(act(c, 'pelatihan')).toEqual([1, 1, 1]);
    expect(act(c, 'pameran')).toEqual([1, 1, 1]);
    expect(act(c, 'magang')).toEqual([1, 0, 0]);
    expect(act(c, 'kurasi')).toEqual([0, 0, 0]);
    expect(c.activities).toMatchObject({ everTookPart: 2, neverTookPart: 2 }); // B1, B3

    const p = await cov({ from: '2026-01', to: '2026-12' });
    expect(act(p, 'pelatihan')).toEqual([1, 1, 1]);
    expect(act(p, 'pameran')).toEqual([0, 0, 0]);
    expect(act(p, 'magang')).toEqual([1, 0, 0]);
    expect(p.activities).toMatchObject({ everTookPart: 1, neverTookPart: 1 }); // B2 withdrew

    const d = await cov({ village: '~Sumberjati' });
    expect(act(d, 'pelatihan')).toEqual([0, 0, 0]);
    expect(act(d, 'pameran')).toEqual([1, 1, 1]);
    expect(act(d, 'magang')).toEqual([0, 0, 0]);
    expect(d.activities).toMatchObject({ everTookPart: 1, neverTookPart: 1 });
  });

  it('refuses a filter the schema refuses', async () => {
    await expect(cov({ from: '2026-13' })).rejects.toThrow(/VALIDATION/);
    await expect(app.callRaw('report:coverage', { village: 5 })).rejects.toThrow(/VALIDATION/);
  });

  it('prints the coverage sections in the PDF, in place of the old hook', async () => {
    const f = await app.call('report:pdf', { from: '2026-01', to: '2026-12' });
    const text = execFileSync('pdftotext', ['-layout', path.join(app.dataDir, f.fileRel), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Cakupan izin');
    expect(text).toContain('Memiliki paling sedikit satu izin berlaku');
    // in force, of which ending soon, expired, revoked, issued in the period (the label wraps before "Tangga")
    expect(text).toMatch(/P-IRT – Sertifikat Produksi Pangan Industri Rumah\s+1\s+1\s+1\s+0\s+0/);
    expect(text).toContain('Terbit dalam periode');
    expect(text).toContain('Keikutsertaan kegiatan');
    expect(text).toMatch(/Pelatihan\/Bimtek\s+1\s+1\s+1/);
    expect(text).not.toContain('belum tersedia');
    if (process.env.REPORT_PDF_OUT)
      copyFileSync(path.join(app.dataDir, f.fileRel), process.env.REPORT_PDF_OUT);
  });

  it('exports "Cakupan izin" and "Kegiatan" sheets with numbers as numbers', async () => {
    const f = await app.call('report:xlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(app.dataDir, f.fileRel));
    const permits = wb.getWorksheet('Cakupan izin')!;
    const activities = wb.getWorksheet('Kegiatan')!;
    expect(permits).toBeDefined();
    expect(activities).toBeDefined();
    const find = (ws: ExcelJS.Worksheet, start: string) => {
      let found: unknown[] | null = null;
      ws.eachRow((r) => {
        const v = r.values as unknown[];
        if (typeof v[1] === 'string' && v[1].startsWith(start)) found = v.slice(1);
      });
      return found;
    };
    expect(find(permits, 'Memiliki paling sedikit')).toEqual([
      'Memiliki paling sedikit satu izin berlaku',
      2,
    ]);
    expect(find(permits, 'P-IRT')).toEqual([
      'P-IRT – Sertifikat Produksi Pangan Industri Rumah Tangga',
      1,
      1,
      1,
      0,
      2,
    ]);
    expect(find(activities, 'Pameran')).toEqual(['Pameran', 1, 1, 1]);
    expect(find(activities, 'Belum pernah')).toEqual(['Belum pernah mengikuti kegiatan', 2]);
  });
});
