import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { maySeePersonalData } from '../../../electron/services/export/access';
import { columnsOf } from '../../../electron/services/export/columns';
import { startExport } from '../../../electron/services/export/job';
import { iterateRows } from '../../../electron/services/export/rows';
import { writeExport } from '../../../electron/services/export/write';
import { listIdsQuery } from '../../../electron/services/business-search';
import { businessListSchema } from '../../../shared/schemas/business-search';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

let app: TestApp;
const EVIL = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  app = await makeTestApp();
  await app.call('auth:login', { username: 'siti', password: 'rahasia-kalisat' });
  insertBusiness(app, { name: EVIL, nik: '3509274405800003', date: '2026-03-10' });
  insertBusiness(app, {
    name: 'Tahu Pak Darto',
    nik: '3509271203700001',
    date: '2025-01-02',
    village: 'Sumberjati',
  });
  insertBusiness(app, { name: '@SUM(A1)', nik: null, date: '2024-06-30' });
}, 60_000);
afterAll(() => app.cleanup());

async function readSheet(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('export of the register', () => {
  it('writes XLSX with typed cells: NIK as full text, dates as dates, money as numbers, formulas neutralised', async () => {
    const started = await startExport(app.ctx, { format: 'xlsx', shape: 'register' });
    const end = await started.done;
    expect(end.status).toBe('done');
    expect(end.rows).toBe(3);
    expect(end.personalData).toBe('full');
    const ws = await readSheet(path.join(app.dataDir, started.fileRel));
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('NIK Pemilik');
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = [2, 3, 4].map((i) => ws.getRow(i));
    const byName = new Map(rows.map((r) => [String(r.getCell(col('Nama Usaha')).value), r]));
    const evil = byName.get(`'${EVIL}`);
    expect(evil, 'the =cmd name is written with a quote first').toBeDefined();
    expect(byName.has("'@SUM(A1)")).toBe(true);
    const nik = evil!.getCell(col('NIK Pemilik'));
    expect(nik.type).toBe(ExcelJS.ValueType.String);
    expect(nik.value).toBe('3509274405800003');
    const date = evil!.getCell(col('Tanggal Registrasi'));
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe('2026-03-10');
    const money = evil!.getCell(col('Modal Usaha (Rp)'));
    expect(money.type).toBe(ExcelJS.ValueType.Number);
    expect(money.value).toBe(120000000);
    // each cell carries its column's number format: text for NIK, the day for dates, thousands for money
    expect(nik.numFmt).toBe('@');
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(money.numFmt).toBe('#,##0');
    expect(evil!.getCell(col('Jenis Kelamin Pemilik')).value).toBe('Perempuan');
    expect(byName.get('Tahu Pak Darto')!.getCell(col('Jenis Kelamin Pemilik')).value).toBe('Laki-laki');
    // no cell anywhere is a formula
    ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('exports the filtered list only, in the list order', async () => {
    const list = businessListSchema.parse({ villageName: 'Sumberjati' });
    const started = await startExport(app.ctx, { format: 'csv', shape: 'register', list });
    const end = await started.done;
    expect(end.rows).toBe(1);
    const text = readFileSync(path.join(app.dataDir, started.fileRel), 'utf8');
    expect(text.startsWith('\uFEFFNo. Registrasi;')).toBe(true);
    expect(text).toContain('Tahu Pak Darto');
    expect(text).not.toContain('calc');
  });

  it('writes SIINas columns in SIINas order with the office region', async () => {
    const started = await startExport(app.ctx, { format: 'xlsx', shape: 'siinas' });
    await started.done;
    const ws = await readSheet(path.join(app.dataDir, started.fileRel));
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const numbered = headers.filter((h) => /^\d+\. /.test(h)).map((h) => Number(h.split('.')[0]));
    expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
    expect(new Set(numbered)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(ws.getRow(2).getCell(headers.indexOf('Kecamatan') + 1).value).toBe('Kalisat');
  });

  it('masks NIK and phone when the user may not see personal data', async () => {
    expect(maySeePersonalData({ user: null })).toBe(false);
    const file = path.join(app.dataDir, 'masked.csv');
    const ids = listIdsQuery(businessListSchema.parse({}), 'capital');
    const n = await writeExport(
      file,
      iterateRows(rawOf(app.ctx), { idsSql: ids.sql, params: ids.params, order: ids.order }),
      {
        format: 'csv',
        columns: columnsOf('register'),
        office: { districtName: 'Kalisat', regencyName: 'Jember', provinceName: 'Jawa Timur' },
        personalData: false,
        sheetName: 'x',
      },
    );
    expect(n).toBe(3);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('3509274405800003');
    expect(text).toContain('3509••••••••0003');
  });

  it('a cancel removes the half-written file and answers CANCELLED', async () => {
    const started = await startExport(app.ctx, { format: 'xlsx', shape: 'register' });
    (await import('../../../electron/services/export/job')).cancelExport(app.ctx, started.jobId);
    await expect(started.done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(path.join(app.dataDir, started.fileRel))).toBe(false);
    expect(readdirSync(path.join(app.dataDir, 'exports')).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
