/**
 * The reports page's channels: the summary, the printable PDF and the XLSX of the same numbers, and the
 * monthly report for the kabupaten (one PDF and one data XLSX per month, named by the month and kept under
 * `<data>/exports/laporan-bulanan/`, ready to copy to a stick; made again, they are replaced).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MonthlyReport, ReportFile, ReportFilter } from '../../../shared/schemas/report';
import { dbOf, rawOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { writeAudit } from '../../../db/queries/audit';
import { loadFonts } from '../letters/fonts';
import { getLetterSettings, emblemAbsPath } from '../letters/settings';
import { requireOffice } from '../office';
import { maySeePersonalData } from '../export/access';
import { columnsOf } from '../export/columns';
import { EXPORTS_DIR } from '../export/job';
import { iterateRows } from '../export/rows';
import { writeExport } from '../export/write';
import { monthLabel, writeReportPdf, writeReportXlsx, type ReportDocInput } from './documents';
import { reportCoverage } from './coverage';
import { reportSummary } from './summary';

export const MONTHLY_DIR = `${EXPORTS_DIR}/laporan-bulanan`;

const pad = (n: number) => String(n).padStart(2, '0');
function today(ctx: AppContext): string {
  const d = ctx.now();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function stamp(ctx: AppContext): string {
  const d = ctx.now();
  return `${today(ctx).replace(/-/g, '')}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

export function getSummary(ctx: AppContext, f: ReportFilter) {
  return reportSummary(rawOf(ctx), f);
}

export function getCoverage(ctx: AppContext, f: ReportFilter) {
  return reportCoverage(rawOf(ctx), f, today(ctx));
}

async function docInput(ctx: AppContext, f: ReportFilter, title: string) {
  const db = dbOf(ctx);
  return {
    summary: reportSummary(rawOf(ctx), f),
    coverage: reportCoverage(rawOf(ctx), f, today(ctx)),
    office: await requireOffice(db),
    settings: await getLetterSettings(db),
    emblemPath: emblemAbsPath(ctx.dataDir),
    fonts: loadFonts(ctx.config.fontsDir),
    date: today(ctx),
    title,
  };
}

/** The report of `f` as a file in the exports folder, written by `write`. */
async function reportFile(
  ctx: AppContext,
  f: ReportFilter,
  ext: 'pdf' | 'xlsx',
  write: (file: string, input: ReportDocInput) => Promise<void>,
): Promise<ReportFile> {
  const fileName = `laporan-ikm-${stamp(ctx)}.${ext}`;
  await write(path.join(ctx.dataDir, EXPORTS_DIR, fileName), await docInput(ctx, f, 'Laporan Data IKM'));
  return { fileRel: `${EXPORTS_DIR}/${fileName}`, fileName };
}

export function reportPdf(ctx: AppContext, f: ReportFilter): Promise<ReportFile> {
  return reportFile(ctx, f, 'pdf', writeReportPdf);
}

export function reportXlsx(ctx: AppContext, f: ReportFilter): Promise<ReportFile> {
  return reportFile(ctx, f, 'xlsx', writeReportXlsx);
}

function monthlyNames(month: string) {
  return { pdf: `laporan-ikm-${month}.pdf`, xlsx: `data-ikm-${month}.xlsx` };
}

function monthlyEntry(dataDir: string, month: string): MonthlyReport | null {
  const n = monthlyNames(month);
  const pdfAbs = path.join(dataDir, MONTHLY_DIR, n.pdf);
  const xlsxAbs = path.join(dataDir, MONTHLY_DIR, n.xlsx);
  if (!existsSync(pdfAbs) || !existsSync(xlsxAbs)) return null;
  const p = statSync(pdfAbs);
  return {
    month,
    pdf: { fileRel: `${MONTHLY_DIR}/${n.pdf}`, fileName: n.pdf },
    xlsx: { fileRel: `${MONTHLY_DIR}/${n.xlsx}`, fileName: n.xlsx },
    madeAt: p.mtime.toISOString(),
    bytes: p.size + statSync(xlsxAbs).size,
  };
}

/**
 * The month's report: the PDF (the register's numbers up to the end of the month, and the month's new
 * registrations as its first table) and the data XLSX (the businesses registered in the month, the export's
 * register columns, masked as `maySeePersonalData` says). One action; the files replace an earlier pair.
 */
export async function makeMonthlyReport(ctx: AppContext, month: string): Promise<MonthlyReport> {
  const n = monthlyNames(month);
  const dir = path.join(ctx.dataDir, MONTHLY_DIR);
  mkdirSync(dir, { recursive: true });
  const title = `Laporan Bulanan IKM ${monthLabel(month)}`;
  const input = await docInput(ctx, { to: month }, title);
  const inMonth = reportSummary(rawOf(ctx), { from: month, to: month });
  await writeReportPdf(path.join(dir, n.pdf), {
    ...input,
    newInMonth: { total: inMonth.total, byVillage: inMonth.tables.village },
  });
  const office = input.office;
  const from = `${month}-01`;
  const to = `${month}-31`;
  const idsSql = `SELECT b.id AS id FROM businesses b WHERE b.archived_at IS NULL AND b.merged_into_id IS NULL
    AND b.registration_date >= ? AND b.registration_date <= ? ORDER BY b.registration_number`;
  const part = path.join(dir, `.${n.xlsx}.part`);
  const rows = await writeExport(
    part,
    iterateRows(rawOf(ctx), { idsSql, params: [from, to], order: 'b.registration_number' }),
    {
      format: 'xlsx',
      columns: columnsOf('register'),
      office: {
        districtName: office.districtName,
        regencyName: office.regencyName,
        provinceName: office.provinceName,
      },
      personalData: maySeePersonalData(ctx.session),
      sheetName: `Registrasi ${month}`,
    },
  );
  renameSync(part, path.join(dir, n.xlsx));
  await withWrite(ctx, (w) =>
    writeAudit(w, {
      table: 'exports',
      recordId: null,
      recordUuid: null,
      action: 'monthly_report',
      after: { month, pdf: n.pdf, xlsx: n.xlsx, rows, newInMonth: inMonth.total },
    }),
  );
  return monthlyEntry(ctx.dataDir, month)!;
}

export function listMonthlyReports(ctx: AppContext): MonthlyReport[] {
  const dir = path.join(ctx.dataDir, MONTHLY_DIR);
  if (!existsSync(dir)) return [];
  const months = new Set<string>();
  for (const f of readdirSync(dir)) {
    const m = /^laporan-ikm-(\d{4}-\d{2})\.pdf$/.exec(f);
    if (m) months.add(m[1]!);
  }
  return [...months]
    .sort()
    .reverse()
    .map((m) => monthlyEntry(ctx.dataDir, m))
    .filter((x): x is MonthlyReport => x !== null);
}
