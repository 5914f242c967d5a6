/**
 * The reports page as documents: a PDF through the letters' pdfkit layer (the same letterhead, place and
 * date, and signing official as a letter: letters/render.ts `drawLetterhead`/`drawSignature`,
 * letters/content.ts `officeFrame`) with each breakdown as a table with a bar per row, and an XLSX with one
 * sheet per breakdown (counts as numbers). Both are small (a few hundred rows), written on main.
 */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { neutralize } from '../../../shared/export/cells';
import type { Office } from '../../../shared/schemas/office';
import {
  REPORT_TABLES,
  type ReportCoverage,
  type ReportSummary,
  type ReportTable,
} from '../../../shared/schemas/report';
import { officeFrame } from '../letters/content';
import type { LetterFonts } from '../letters/fonts';
import { MONTHS_ID, tanggalIndonesia } from '../letters/format';
import { drawLetterhead, drawSignature, MM, newDocument, PAGE_SIZES } from '../letters/render';
import type { LetterSettings } from '../../../shared/schemas/letter';
import { createWriteStream } from 'node:fs';
import idSize from '../../../renderer/locales/id/sizeclass.json';
import type { Pp7Rule } from '../../../shared/domain/size-class';

const PP7_RULE = idSize.sizeClass.pp7Rule as Record<Pp7Rule, string>;

/**
 * The line under the PP 7/2021 table naming the office's rule (settings), in the settings screen's words;
 * the page prints the same sentence (locale `reports.pp7Note`).
 */
export function pp7Note(rule: Pp7Rule): string {
  return `Bila modal usaha dan hasil penjualan tahunan memberi kelas berbeda, kelas dihitung menurut ${PP7_RULE[rule]} (aturan kantor di Pengaturan).`;
}

export const TABLE_TITLES: Record<ReportTable, string> = {
  village: 'Menurut desa/kelurahan',
  kbli2020: 'Menurut KBLI 2020',
  kbli2025: 'Menurut KBLI 2025',
  industry: 'Menurut klasifikasi industri (Permenperin 64/2016)',
  business: 'Menurut skala usaha (PP 7/2021)',
  bps: 'Menurut skala BPS (tenaga kerja)',
  status: 'Menurut status usaha',
  sex: 'Menurut jenis kelamin pemilik (dari NIK)',
  year: 'Menurut tahun registrasi',
};

export function monthLabel(m: string): string {
  return `${MONTHS_ID[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;
}

export function periodText(s: ReportSummary): string {
  const { from, to } = s.filter;
  const period =
    from && to
      ? from === to
        ? monthLabel(from)
        : `${monthLabel(from)} s.d. ${monthLabel(to)}`
      : from
        ? `sejak ${monthLabel(from)}`
        : to
          ? `sampai ${monthLabel(to)}`
          : 'seluruh periode';
  return `Periode registrasi: ${period}; wilayah: ${s.filter.villageLabel ? `Desa/Kel. ${s.filter.villageLabel}` : 'seluruh kecamatan'}`;
}

/** The column heading of permits counted by issue date: the period, or every date when there is none. */
export function issuedHeading(s: ReportSummary): string {
  return s.filter.from || s.filter.to ? 'Terbit dalam periode' : 'Terbit (semua tanggal)';
}

/** The coverage tables' rows, as printed and exported (the same cells in the PDF and the XLSX). */
export function coverageTables(s: ReportSummary, c: ReportCoverage) {
  const period = s.filter.from || s.filter.to;
  return {
    permitTitle: 'Cakupan izin',
    permitNote: `IKM dalam laporan ini (${s.filter.from || s.filter.to ? 'terdaftar dalam periode' : 'seluruh register'}) menurut izin yang berlaku per ${tanggalIndonesia(c.asOf)}; kolom "${issuedHeading(s)}" menghitung izin menurut tanggal terbitnya${period ? ' dalam periode' : ''}, berapa pun tahun registrasi usahanya.`,
    holding: [
      { key: 'with', label: 'Memiliki paling sedikit satu izin berlaku', n: c.permits.withPermit },
      { key: 'without', label: 'Belum memiliki izin berlaku', n: c.permits.withoutPermit },
    ],
    permitHead: ['Jenis izin', 'Berlaku', 'Segera berakhir', 'Kedaluwarsa', 'Dicabut', issuedHeading(s)],
    permitRows: c.permits.byType.map((r) => ({
      label: `${r.shortName} – ${r.name}`,
      cells: [r.inForce, r.endingSoon, r.expired, r.revoked, r.issuedInPeriod],
    })),
    activityTitle: 'Keikutsertaan kegiatan',
    activityNote: `Kegiatan yang berlangsung ${period ? 'dalam periode' : 'kapan pun'} (menurut hari kegiatan${s.filter.villageLabel ? ', yang diikuti IKM desa ini' : ''}); peserta yang mengundurkan diri dan kegiatan yang dibatalkan tidak dihitung.`,
    ever: [
      { key: 'ever', label: 'Pernah mengikuti kegiatan', n: c.activities.everTookPart },
      { key: 'never', label: 'Belum pernah mengikuti kegiatan', n: c.activities.neverTookPart },
    ],
    activityHead: ['Jenis kegiatan', 'Kegiatan', 'IKM peserta', 'Peserta'],
    activityRows: c.activities.byType.map((r) => ({
      label: r.label,
      cells: [r.activities, r.businesses, r.participants],
    })),
  };
}

const fmt = (n: number) => n.toLocaleString('id-ID');
const pct = (n: number, total: number) =>
  total ? `${((n / total) * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%` : '-';

export interface ReportDocInput {
  summary: ReportSummary;
  coverage: ReportCoverage;
  office: Office;
  settings: LetterSettings;
  emblemPath: string | null;
  fonts: LetterFonts;
  /** yyyy-mm-dd printed as the date */
  date: string;
  title: string;
  /** the monthly report: the month's new registrations, printed first */
  newInMonth?: { total: number; byVillage: ReportSummary['tables']['village'] };
}

/** Writes the report PDF to `file` (through a .part file, renamed when complete). */
export async function writeReportPdf(file: string, i: ReportDocInput): Promise<void> {
  const doc = newDocument(i.title, { fonts: i.fonts });
  mkdirSync(path.dirname(file), { recursive: true });
  const part = `${file}.part`;
  const out = createWriteStream(part);
  doc.pipe(out);
  const frame = officeFrame(i.office, i.settings, i.date);
  const [W, H] = PAGE_SIZES[i.settings.paper];
  const left = 20 * MM;
  const right = W - 20 * MM;
  const width = right - left;
  const bottom = H - 18 * MM;
  let page = 0;
  const newPage = (): number => {
    doc.addPage({ size: [W, H], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    page++;
    doc
      .font('R')
      .fontSize(8)
      .fillColor('#555')
      .text(`Halaman ${page}`, left, H - 12 * MM, { width, align: 'right', lineBreak: false });
    doc.fillColor('black');
    return page === 1 ? drawLetterhead(doc, frame.letterhead, i.emblemPath, left, right) + 16 : 18 * MM;
  };
  let y = newPage();
  doc.font('B').fontSize(13).text(i.title.toUpperCase(), left, y, { width, align: 'center' });
  y = doc.y + 2;
  doc.font('R').fontSize(10).text(periodText(i.summary), left, y, { width, align: 'center' });
  y = doc.y + 2;
  doc
    .font('B')
    .fontSize(11)
    .text(`Jumlah IKM terdaftar (aktif dalam register): ${fmt(i.summary.total)}`, left, y, {
      width,
      align: 'center',
    });
  y = doc.y + 10;

  const tables: [string, ReportSummary['tables']['village'], number, string?][] = [];
  if (i.newInMonth)
    tables.push([
      `Registrasi baru bulan ini menurut desa/kelurahan (jumlah ${fmt(i.newInMonth.total)})`,
      i.newInMonth.byVillage,
      i.newInMonth.total,
    ]);
  for (const t of REPORT_TABLES)
    tables.push([
      TABLE_TITLES[t],
      i.summary.tables[t],
      i.summary.total,
      t === 'business' ? pp7Note(i.summary.pp7Rule) : undefined,
    ]);
  const labelW = width * 0.5;
  const numX = left + labelW + 4;
  const numW = 52;
  const pctX = numX + numW + 4;
  const pctW = 40;
  const barX = pctX + pctW + 8;
  const barW = right - barX;
  const rowH = 13;
  for (const [title, rows, total, note] of tables) {
    if (y + 40 > bottom) y = newPage();
    doc.font('B').fontSize(10.5).text(title, left, y, { width });
    y = doc.y + 3;
    doc.font('B').fontSize(8.5);
    doc.text('Uraian', left + 2, y, { width: labelW, lineBreak: false });
    doc.text('Jumlah', numX, y, { width: numW, align: 'right', lineBreak: false });
    doc.text('%', pctX, y, { width: pctW, align: 'right', lineBreak: false });
    y += rowH;
    doc
      .lineWidth(0.5)
      .moveTo(left, y - 2)
      .lineTo(right, y - 2)
      .stroke();
    const max = Math.max(1, ...rows.map((r) => r.n));
    doc.font('R').fontSize(8.5);
    if (!rows.length) {
      doc.text('Tidak ada data', left + 2, y, { width: labelW });
      y += rowH;
    }
    for (const r of rows) {
      const label = /^\d{5}$/.test(r.key) ? `${r.key}${r.label ? ` – ${r.label}` : ''}` : r.label;
      const h = Math.max(rowH, doc.heightOfString(label, { width: labelW }) + 3);
      if (y + h > bottom) {
        y = newPage();
        doc.font('R').fontSize(8.5);
      }
      doc.text(label, left + 2, y, { width: labelW });
      doc.text(fmt(r.n), numX, y, { width: numW, align: 'right', lineBreak: false });
      doc.text(pct(r.n, total), pctX, y, { width: pctW, align: 'right', lineBreak: false });
      doc.rect(barX, y + 1, Math.max(0.5, (r.n / max) * barW), 7).fill('#2f7d6d');
      doc.fillColor('black');
      y += h;
    }
    if (note) {
      if (y + rowH > bottom) y = newPage();
      doc
        .font('R')
        .fontSize(8)
        .fillColor('#444')
        .text(note, left, y + 2, { width });
      doc.fillColor('black');
      y = doc.y;
    }
    y += 8;
  }
  // permit coverage and activity participation: a with/without table with bars, then one row per type
  const cov = coverageTables(i.summary, i.coverage);
  const grid = (title: string, note: string, head: string[], rows: { label: string; cells: number[] }[]) => {
    const firstW = width * 0.4;
    const colW = (width - firstW) / (head.length - 1);
    if (y + 60 > bottom) y = newPage();
    doc.font('B').fontSize(10.5).text(title, left, y, { width });
    y = doc.y + 1;
    doc.font('R').fontSize(8).fillColor('#444').text(note, left, y, { width });
    doc.fillColor('black');
    y = doc.y + 3;
    const header = () => {
      doc.font('B').fontSize(8.5);
      const headH = Math.max(...head.slice(1).map((h) => doc.heightOfString(h, { width: colW - 4 }))) + 3;
      doc.text(head[0]!, left + 2, y, { width: firstW, lineBreak: false });
      head
        .slice(1)
        .forEach((h, k) => doc.text(h, left + firstW + k * colW, y, { width: colW - 2, align: 'right' }));
      y += Math.max(rowH, headH);
      doc
        .lineWidth(0.5)
        .moveTo(left, y - 2)
        .lineTo(right, y - 2)
        .stroke();
      doc.font('R').fontSize(8.5);
    };
    header();
    for (const r of rows) {
      const h = Math.max(rowH, doc.heightOfString(r.label, { width: firstW }) + 3);
      if (y + h > bottom) {
        y = newPage();
        header(); // the columns' names again at the top of the new page
      }
      doc.text(r.label, left + 2, y, { width: firstW });
      r.cells.forEach((n, k) =>
        doc.text(fmt(n), left + firstW + k * colW, y, { width: colW - 2, align: 'right', lineBreak: false }),
      );
      y += h;
    }
    y += 8;
  };
  const bars = (title: string, rows: { key: string; label: string; n: number }[], total: number) => {
    if (y + 40 > bottom) y = newPage();
    doc.font('B').fontSize(10.5).text(title, left, y, { width });
    y = doc.y + 3;
    const max = Math.max(1, ...rows.map((r) => r.n));
    doc.font('R').fontSize(8.5);
    for (const r of rows) {
      doc.text(r.label, left + 2, y, { width: labelW, lineBreak: false });
      doc.text(fmt(r.n), numX, y, { width: numW, align: 'right', lineBreak: false });
      doc.text(pct(r.n, total), pctX, y, { width: pctW, align: 'right', lineBreak: false });
      doc.rect(barX, y + 1, Math.max(0.5, (r.n / max) * barW), 7).fill('#2f7d6d');
      doc.fillColor('black');
      y += rowH;
    }
    y += 4;
  };
  bars(cov.permitTitle, cov.holding, i.coverage.total);
  grid(
    'Menurut jenis izin (jumlah IKM; terbit: jumlah izin)',
    cov.permitNote,
    cov.permitHead,
    cov.permitRows,
  );
  bars(cov.activityTitle, cov.ever, i.coverage.total);
  grid('Menurut jenis kegiatan', cov.activityNote, cov.activityHead, cov.activityRows);
  y = doc.y + 12;
  if (y + 60 * MM > bottom) y = newPage();
  drawSignature(doc, frame, left + width * 0.5, width * 0.5, y);
  doc.end();
  await new Promise<void>((res, rej) => {
    out.on('finish', res);
    out.on('error', rej);
  });
  renameSync(part, file);
}

/** Writes the report's tables to an XLSX: a summary sheet and one sheet per breakdown. */
export async function writeReportXlsx(
  file: string,
  i: Pick<ReportDocInput, 'summary' | 'coverage' | 'office' | 'title' | 'date'>,
): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const part = `${file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: part,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Daftar IKM';
  const info = wb.addWorksheet('Ringkasan');
  info.columns = [{ width: 40 }, { width: 60 }];
  info.addRow([neutralize(i.title)]).commit();
  info.addRow(['Kecamatan', neutralize(i.office.districtName)]).commit();
  info.addRow(['Kabupaten/Kota', neutralize(i.office.regencyName)]).commit();
  info.addRow(['Keterangan', neutralize(periodText(i.summary))]).commit();
  info.addRow(['Tanggal dibuat', tanggalIndonesia(i.date)]).commit();
  info.addRow(['Jumlah IKM terdaftar', i.summary.total]).commit();
  info.commit();
  const sheetNames: Record<ReportTable, string> = {
    village: 'Desa',
    kbli2020: 'KBLI 2020',
    kbli2025: 'KBLI 2025',
    industry: 'Klasifikasi industri',
    business: 'Skala usaha',
    bps: 'Skala BPS',
    status: 'Status',
    sex: 'Jenis kelamin',
    year: 'Tahun registrasi',
  };
  for (const t of REPORT_TABLES) {
    const ws = wb.addWorksheet(sheetNames[t]);
    ws.columns = [
      { width: 16 },
      { width: 50 },
      { width: 12, style: { numFmt: '#,##0' } },
      { width: 10, style: { numFmt: '0.0%' } },
    ];
    const h = ws.addRow([TABLE_TITLES[t]]);
    h.font = { bold: true };
    h.commit();
    const head = ws.addRow(['Kode', 'Uraian', 'Jumlah', 'Persen']);
    head.font = { bold: true };
    head.commit();
    for (const r of i.summary.tables[t])
      ws.addRow([
        neutralize(r.key),
        neutralize(r.label),
        r.n,
        i.summary.total ? r.n / i.summary.total : 0,
      ]).commit();
    if (t === 'business') ws.addRow(['', pp7Note(i.summary.pp7Rule)]).commit();
    ws.commit();
  }
  const cov = coverageTables(i.summary, i.coverage);
  const sheet = (
    name: string,
    title: string,
    note: string,
    totals: { label: string; n: number }[],
    head: string[],
    rows: { label: string; cells: number[] }[],
  ) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [{ width: 50 }, ...head.slice(1).map(() => ({ width: 16, style: { numFmt: '#,##0' } }))];
    const h = ws.addRow([title]);
    h.font = { bold: true };
    h.commit();
    ws.addRow([neutralize(note)]).commit();
    for (const t of totals) ws.addRow([neutralize(t.label), t.n]).commit();
    ws.addRow([]).commit();
    const hr = ws.addRow(head.map((x) => neutralize(x)));
    hr.font = { bold: true };
    hr.commit();
    for (const r of rows) ws.addRow([neutralize(r.label), ...r.cells]).commit();
    ws.commit();
  };
  sheet('Cakupan izin', cov.permitTitle, cov.permitNote, cov.holding, cov.permitHead, cov.permitRows);
  sheet('Kegiatan', cov.activityTitle, cov.activityNote, cov.ever, cov.activityHead, cov.activityRows);
  await wb.commit();
  renameSync(part, file);
}
