import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
  await app.call('auth:login', { username: 'siti', password: 'rahasia-kalisat' });
  insertBusiness(app, { nik: '3509274405800003', date: '2026-03-10', village: 'Kalisat' });
  insertBusiness(app, { nik: '3509271203700001', date: '2026-03-20', village: 'Sumberjati' });
  insertBusiness(app, { nik: '3509271203700002', date: '2025-11-02', village: 'Sumberjati' });
  const archived = insertBusiness(app, { nik: '3509271203700004', date: '2026-03-05', village: 'Ajung' });
  rawOf(app.ctx).prepare('UPDATE businesses SET archived_at = ? WHERE id = ?').run('2026-04-01', archived);
  // a long list of desa names, so the PDF runs over a page
  for (let i = 0; i < 70; i++)
    insertBusiness(app, { nik: null, date: '2024-01-15', village: `Desa Panjang Sekali Namanya Nomor ${i}` });
}, 60_000);
afterAll(() => app.cleanup());

describe('reports', () => {
  it('counts live businesses by desa, sex, year and status, filtered by period and desa', async () => {
    const all = await app.call('report:summary', {});
    expect(all.total).toBe(73);
    expect(all.tables.status).toEqual([{ key: 'aktif', label: 'Aktif', n: 73 }]);
    expect(all.tables.year.map((y) => [y.key, y.n])).toEqual([
      ['2024', 70],
      ['2025', 1],
      ['2026', 2],
    ]);
    const period = await app.call('report:summary', { from: '2026-01', to: '2026-12' });
    expect(period.total).toBe(2);
    expect(period.tables.sex.map((s) => [s.label, s.n])).toEqual([
      ['Laki-laki', 1],
      ['Perempuan', 1],
    ]);
    const desa = await app.call('report:summary', { village: '~Sumberjati' });
    expect(desa.total).toBe(2);
    expect(desa.filter.villageLabel).toBe('Sumberjati');
    expect(all.tables.kbli2020[0]).toMatchObject({ key: '10794', n: 73 });
    await expect(app.call('report:summary', { from: '2026-05', to: '2026-01' })).rejects.toThrow(
      /VALIDATION/,
    );
  });

  it('prints the report as a PDF with the letterhead and the signing official, over several pages', async () => {
    const f = await app.call('report:pdf', {});
    const file = path.join(app.dataDir, f.fileRel);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('KECAMATAN KALISAT');
    expect(text).toContain('Drs. Bambang Sutrisno, M.Si.');
    expect(text).toContain('Desa Panjang Sekali Namanya Nomor 69');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
  });

  it('makes the monthly report: PDF and data XLSX named by the month, listed', async () => {
    const m = await app.call('report:monthly', { month: '2026-03' });
    expect(m.pdf.fileName).toBe('laporan-ikm-2026-03.pdf');
    expect(existsSync(path.join(app.dataDir, m.pdf.fileRel))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(app.dataDir, m.xlsx.fileRel));
    // the month's live registrations: two (the archived one is not counted)
    expect(wb.worksheets[0]!.rowCount).toBe(3);
    const text = execFileSync('pdftotext', [path.join(app.dataDir, m.pdf.fileRel), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Registrasi baru bulan ini');
    expect(text).toContain('Maret 2026');
    const list = await app.call('report:monthlyList');
    expect(list.map((x) => x.month)).toEqual(['2026-03']);
  });
});
