import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import idImport from '../../../renderer/locales/id/import.json';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import { proposeMapping } from '../../../shared/import/headers';
import { dryRunFile } from '../../../electron/services/import/dry-run';
import { rowNeedsPerson, writeReviewSheet } from '../../../electron/services/import/review-sheet';
import { openSource } from '../../../electron/services/import/source';
import { rawOf } from '../../../electron/app/context';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import {
  defaultSpec,
  expectedSummary,
  generateMessyImport,
  messyImportInRegister,
  type MessyFile,
} from '../../fixtures/messy-import';

const office = { regencyCode: TEST_SETUP.office.regencyCode, districtCode: TEST_SETUP.office.districtCode };

describe('dry run of a messy office sheet', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    app = await makeTestApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  });
  afterAll(async () => {
    await app.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(m: MessyFile, sheet?: string) {
    const src = await openSource(m.file, { sheet: sheet ?? null });
    const columns = proposeMapping(src.info.headers).map((c) => ({ index: c.index, target: c.target }));
    return dryRunFile(rawOf(app.ctx), office, {
      file: m.file,
      sheet: sheet ?? null,
      columns,
      options: DEFAULT_IMPORT_OPTIONS,
    });
  }

  it('reports exactly the mess the generator put in (500 rows, ; and UTF-8)', async () => {
    const m = await messyImportInRegister(app.call, defaultSpec(500), path.join(dir, 'messy.csv'));
    const { source, dryRun } = await run(m);
    expect(source.kind).toBe('csv');
    expect(source.csv).toEqual({ encoding: 'utf-8', bom: false, delimiter: ';' });
    expect(source.headerLine).toBe(3);
    const { summary } = dryRun;
    expect(summary).toEqual(expectedSummary(m));
    // the cleaning shown, row by row
    const infos = (code: string) => dryRun.rows.filter((r) => r.issues.some((i) => i.code === code)).length;
    expect(infos('villageNormalized')).toBe(m.expected.villageNormalized);
    expect(infos('numberWords')).toBe(m.expected.numberWords);
    expect(infos('phoneInvalid')).toBe(m.expected.phoneInvalid);
    expect(infos('required')).toBe(m.expected.missingName);
    // every row keeps its spreadsheet row number
    expect(dryRun.rows.map((r) => r.line)).toEqual(m.rows.map((r) => r.line));

    // the review sheet: every row that needs a person, with its reasons in Indonesian; permits as candidates
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { id: { translation: idImport } },
      lng: 'id',
      interpolation: { escapeValue: false },
    });
    const out = path.join(dir, 'review.xlsx');
    const written = await writeReviewSheet(out, dryRun, (k, p) => i18n.t(k, p ?? {}), {
      fileName: 'messy.csv',
      made: new Date(),
    });
    expect(written.rows).toBe(summary.needsReview);
    expect(written.permits).toBe(summary.permitCandidates);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Perlu diperiksa', 'Calon izin']);
    const sheet = wb.getWorksheet('Perlu diperiksa')!;
    const lines = new Set<number>();
    const reasons: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      lines.add(Number(row.getCell(1).value));
      reasons.push(String(row.getCell(8).value));
      if (row.getCell(5).value === 'business.fields.ownerNik' || /NIK/.test(String(row.getCell(8).value)))
        expect(String(row.getCell(6).value)).not.toMatch(/\d{6}/);
    });
    expect(lines).toEqual(new Set(dryRun.rows.filter(rowNeedsPerson).map((r) => r.line)));
    expect(reasons.filter((r) => r.startsWith('NIK rusak oleh spreadsheet'))).toHaveLength(
      m.expected.nikDamaged,
    );
    expect(reasons.filter((r) => r.startsWith('Mungkin sudah terdaftar'))).toHaveLength(
      m.expected.duplicatesInRegister,
    );
    expect(reasons.some((r) => r.includes('{{'))).toBe(false);
    const summarySheet = wb.getWorksheet('Ringkasan')!;
    expect(summarySheet.getRow(5).values).toEqual([undefined, 'Siap diimpor', summary.ready]);
  });

  it('reads a workbook: the first sheet, number cells (damaged NIKs, phones without 0), date cells', async () => {
    const m = await generateMessyImport(
      defaultSpec(300, { format: 'xlsx', seed: 7, registerNik: 0, registerPhone: 0, registerName: 0 }),
      path.join(dir, 'messy.xlsx'),
    );
    const { source, dryRun } = await run(m);
    expect(source).toMatchObject({
      kind: 'xlsx',
      sheets: ['Data IKM', 'Rekap'],
      sheet: 'Data IKM',
      headerLine: 3,
    });
    expect(dryRun.summary).toEqual(expectedSummary(m));
    const codes = new Set(dryRun.rows.flatMap((r) => r.issues.map((i) => i.code)));
    expect(codes).toContain('phoneFromNumber');
    // precision damage comes from number cells in a workbook
    expect(
      dryRun.rows
        .flatMap((r) => r.issues)
        .filter((i) => i.code === 'nikDamaged' && i.params?.reason === 'precision').length,
    ).toBe(m.rows.filter((r) => r.problem === 'nikTrailingZero').length);
    expect(dryRun.rows.map((r) => r.line)).toEqual(m.rows.map((r) => r.line));
  });

  it('reads another sheet by name, and says which sheets exist when the name is wrong', async () => {
    const m = await generateMessyImport(
      defaultSpec(20, { format: 'xlsx', seed: 3 }),
      path.join(dir, 'two.xlsx'),
    );
    const src = await openSource(m.file, { sheet: 'Rekap' });
    expect(src.info.headers).toEqual(['Desa', 'Jumlah']);
    await expect(openSource(m.file, { sheet: 'Lembar9' })).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.errors.sheetNotFound',
      params: { sheet: 'Lembar9', sheets: 'Data IKM, Rekap' },
    });
  });

  it('reads a Windows-1252 CSV with commas, and a UTF-8 one with a BOM, letters intact', async () => {
    for (const [encoding, delimiter] of [
      ['windows-1252', ','],
      ['utf-8-bom', ';'],
    ] as const) {
      const m = await generateMessyImport(
        defaultSpec(200, {
          encoding,
          delimiter,
          seed: 11,
          registerNik: 0,
          registerPhone: 0,
          registerName: 0,
        }),
        path.join(dir, `enc-${encoding}.csv`),
      );
      const { source, dryRun } = await run(m);
      expect(source.csv).toEqual({
        encoding: encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
        bom: encoding === 'utf-8-bom',
        delimiter,
      });
      expect(dryRun.summary).toEqual(expectedSummary(m));
      const owners = new Set(dryRun.rows.map((r) => r.values.ownerName));
      const generated = new Set(m.rows.map((r) => r.ownerName));
      expect([...owners].filter((o) => typeof o === 'string' && /[’é]/.test(o)).length).toBeGreaterThan(0);
      for (const o of owners) expect(generated.has(o as string)).toBe(true);
    }
  });
});
