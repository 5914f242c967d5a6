// Over 400 lines on purpose: the attendance sheet and the participant recap share the table layout, the repeated header and the kept-together signature block.
import type { Paper } from '../../../shared/schemas/letter';
import type { ActivityType, Attendance, FundingSource, Organiser } from '../../../shared/schemas/activity';
import {
  MM,
  PAGE_SIZES,
  drawLetterhead,
  drawSignature,
  newDocument,
  type Doc,
  type RenderOptions,
  type SignatureStyle,
} from '../letters/render';
import { rupiah, tanggalIndonesia } from '../letters/format';
import type { LetterDoc } from '../letters/render';

/**
 * The attendance sheet (daftar hadir) of one day and the participant recap of an activity, drawn with the
 * letters' pdfkit layer: the same letterhead, fonts, page sizes (A4, F4) and Indonesian dates. Plain data in,
 * PDF bytes out (sheet-data.ts words the data); the table repeats its header on every page and the signing
 * block is kept whole on one page.
 */

export const TYPE_LABEL: Record<ActivityType, string> = {
  pelatihan: 'Pelatihan/Bimtek',
  pendampingan: 'Pendampingan',
  magang: 'Magang',
  pameran: 'Pameran',
  kurasi: 'Kurasi Produk',
  fasilitasi_sertifikasi: 'Fasilitasi Sertifikasi',
  bantuan_alat: 'Bantuan Alat/Mesin',
};
export const ORGANISER_LABEL: Record<Organiser, string> = {
  disperindag: 'Disperindag',
  dinas_koperasi: 'Dinas Koperasi dan UKM',
  kecamatan: 'Kecamatan',
  bumn_csr: 'BUMN/CSR',
  lainnya: 'Lainnya',
};
export const FUNDING_LABEL: Record<FundingSource, string> = {
  apbd: 'APBD',
  dbhcht: 'DBHCHT',
  apbn: 'APBN',
  dak: 'DAK',
  csr: 'CSR',
  lainnya: 'Lainnya',
};
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** 2026-03-10 → "Selasa, 10 Maret 2026" */
export function hariTanggal(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${DAYS_ID[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${tanggalIndonesia(iso)}`;
}

export interface SheetRow {
  attendee: string;
  role: string;
  business: string;
  village: string;
}

export interface SheetCommon {
  paper: Paper;
  emblemPath: string | null;
  letterhead: { top: string[]; contact: string[] };
  /** label → value lines under the title */
  details: [string, string][];
  placeDate: string;
  signer: LetterDoc['signer'];
}

export interface AttendanceSheetDoc extends SheetCommon {
  title: string;
  rows: SheetRow[];
}

export interface RecapRow {
  attendee: string;
  business: string;
  village: string;
  marks: (Attendance | null)[];
  outcome: string;
}

export interface RecapDoc extends SheetCommon {
  title: string;
  days: string[];
  rows: RecapRow[];
  totals: string;
}

interface Col {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

const FONT_SIZE = 10;
const HEAD_SIZE = 9.5;
const PAD = 3;

/** A table that breaks across pages, repeating its header; answers the y after it. */
class Table {
  private y: number;
  constructor(
    private readonly doc: Doc,
    private readonly cols: Col[],
    private readonly left: number,
    y: number,
    private readonly bottom: number,
    private readonly newPage: () => number,
  ) {
    this.y = y;
    this.header();
  }

  private header(): void {
    const { doc } = this;
    doc.font('B').fontSize(HEAD_SIZE);
    const h =
      Math.max(...this.cols.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * PAD }))) + 2 * PAD;
    let x = this.left;
    doc.save().rect(this.left, this.y, this.width, h).fill('#e8e8e8').restore();
    for (const c of this.cols) {
      doc.rect(x, this.y, c.width, h).lineWidth(0.6).stroke();
      doc
        .fillColor('black')
        .text(c.title, x + PAD, this.y + PAD, { width: c.width - 2 * PAD, align: 'center' });
      x += c.width;
    }
    this.y += h;
  }

  get width(): number {
    return this.cols.reduce((s, c) => s + c.width, 0);
  }

  get cursor(): number {
    return this.y;
  }

  /**
   * One row. `cells` are texts; `draw` (optional) draws extra content in a cell after its text (the signature
   * places). `minHeight` keeps room to sign.
   */
  row(
    cells: string[],
    minHeight: number,
    draw?: (x: number[], y: number, h: number) => void,
    /** room that must stay free below this row (the last row keeps the signing block with it) */
    reserve = 0,
  ): void {
    const { doc } = this;
    doc.font('R').fontSize(FONT_SIZE);
    const h = Math.max(
      minHeight,
      ...cells.map(
        (t, i) => doc.heightOfString(t || ' ', { width: this.cols[i]!.width - 2 * PAD }) + 2 * PAD,
      ),
    );
    if (this.y + h + reserve > this.bottom) {
      this.y = this.newPage();
      this.header();
      doc.font('R').fontSize(FONT_SIZE);
    }
    let x = this.left;
    const xs: number[] = [];
    cells.forEach((t, i) => {
      const c = this.cols[i]!;
      xs.push(x);
      doc.rect(x, this.y, c.width, h).lineWidth(0.6).stroke();
      const th = doc.heightOfString(t || ' ', { width: c.width - 2 * PAD });
      doc.text(t, x + PAD, this.y + Math.max(PAD, (h - th) / 2), {
        width: c.width - 2 * PAD,
        align: c.align ?? 'left',
      });
      x += c.width;
    });
    draw?.(xs, this.y, h);
    this.y += h;
  }
}

function frame(doc: Doc, paper: Paper, landscape: boolean) {
  const [w, h] = PAGE_SIZES[paper];
  const [W, H] = landscape ? [h, w] : [w, h];
  const left = (landscape ? 15 : 20) * MM;
  const right = W - 15 * MM;
  const bottom = H - 15 * MM;
  const addPage = () => doc.addPage({ size: [W, H], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  return { W, H, left, right, bottom, addPage };
}
type Frame = ReturnType<typeof frame>;

/** Letterhead, title and the activity's details; answers the y below them. */
function firstPageTop(doc: Doc, d: SheetCommon & { title: string }, left: number, right: number): number {
  let y = drawLetterhead(doc, d.letterhead, d.emblemPath, left, right) + 14;
  const width = right - left;
  doc.font('B').fontSize(12.5).text(d.title, left, y, { width, align: 'center' });
  y = doc.y + 8;
  const lx = left;
  const cx = left + 32 * MM;
  const vx = cx + 3 * MM;
  doc.font('R').fontSize(10.5);
  for (const [label, value] of d.details) {
    doc.text(value || '-', vx, y, { width: right - vx });
    const b = doc.y;
    doc.text(':', cx, y, { lineBreak: false });
    doc.text(label, lx, y, { width: cx - lx - 4 });
    y = Math.max(b, doc.y) + 1.5;
  }
  return y + 6;
}

function continuationTop(doc: Doc, title: string, left: number, right: number): number {
  const y = 15 * MM;
  doc
    .font('R')
    .fontSize(9)
    .fillColor('#444444')
    .text(`${title} (lanjutan)`, left, y, { width: right - left });
  doc.fillColor('black');
  return doc.y + 6;
}

const SHEET_SIGNATURE: SignatureStyle = {
  size: 10.5,
  room: 20 * MM,
  unnamed: '(..............................)',
};

function signingHeight(doc: Doc, d: SheetCommon): number {
  doc.font('R').fontSize(SHEET_SIGNATURE.size);
  const lines = 4 + (d.signer.anLine ? 1 : 0) + (d.signer.rank ? 1 : 0) + (d.signer.nip ? 1 : 0);
  return lines * doc.currentLineHeight(true) + SHEET_SIGNATURE.room;
}

/**
 * The signing block at the right, kept whole: it starts a new page when it does not fit (the table's last row
 * reserves its room, so this happens only after notes below a table).
 */
function signingBlock(doc: Doc, d: SheetCommon, y: number, f: Frame, title: string): void {
  const x = f.left + (f.right - f.left) * 0.55;
  const w = f.right - x;
  const need = signingHeight(doc, d);
  y += 16;
  if (y + need > f.bottom) {
    f.addPage();
    y = continuationTop(doc, title, f.left, f.right) + 8;
  }
  drawSignature(doc, d, x, w, y, SHEET_SIGNATURE);
}

/** Page numbers "Halaman n dari N" at the foot of every page (the document buffers its pages). */
function pageNumbers(doc: Doc, f: Frame): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font('R')
      .fontSize(8.5)
      .fillColor('#444444')
      .text(`Halaman ${i + 1} dari ${range.count}`, f.left, f.bottom + 4 * MM, {
        width: f.right - f.left,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.fillColor('black');
  return range.count;
}

function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * A sheet as a PDF: the first page begun with the letterhead, title and details, `draw` filling the rest from
 * the y below them, then every page numbered.
 */
async function renderSheet(
  d: SheetCommon & { title: string },
  opts: RenderOptions,
  landscape: boolean,
  draw: (doc: Doc, f: Frame, y: number) => void,
): Promise<{ bytes: Buffer; pages: number }> {
  const doc = newDocument(d.title, opts, { bufferPages: true });
  const f = frame(doc, d.paper, landscape);
  f.addPage();
  draw(doc, f, firstPageTop(doc, d, f.left, f.right));
  const pages = pageNumbers(doc, f);
  return { bytes: await finish(doc), pages };
}

/** The sheet's table from `y`; a new page goes on under `continued` (lanjutan). */
function sheetTable(doc: Doc, cols: Col[], f: Frame, y: number, continued: string): Table {
  return new Table(doc, cols, f.left, y, f.bottom, () => {
    f.addPage();
    return continuationTop(doc, continued, f.left, f.right);
  });
}

/**
 * Daftar hadir: No, Nama peserta, Nama usaha, Desa, and the signature column, whose places alternate left
 * (odd numbers) and right (even numbers) so neighbours never sign over each other.
 */
export function renderAttendanceSheet(
  d: AttendanceSheetDoc,
  opts: RenderOptions,
): Promise<{ bytes: Buffer; pages: number }> {
  return renderSheet(d, opts, false, (doc, f, y) => drawAttendance(doc, d, f, y));
}

function drawAttendance(doc: Doc, d: AttendanceSheetDoc, f: Frame, y: number): void {
  const width = f.right - f.left;
  const no = 9 * MM;
  const sign = width * 0.3;
  const rest = width - no - sign;
  const cols: Col[] = [
    { title: 'No.', width: no, align: 'center' },
    { title: 'Nama Peserta', width: rest * 0.36 },
    { title: 'Nama Usaha', width: rest * 0.4 },
    { title: 'Desa/Kelurahan', width: rest * 0.24 },
    { title: 'Tanda Tangan', width: sign },
  ];
  const day = d.details.find(([k]) => k === 'Hari/tanggal')?.[1] ?? '';
  const table = sheetTable(doc, cols, f, y, `${d.title} – ${day}`);
  const reserveLast = signingHeight(doc, d) + 16;
  d.rows.forEach((r, i) => {
    const n = i + 1;
    const attendee = r.role ? `${r.attendee}\n(${r.role})` : r.attendee;
    table.row(
      [String(n), attendee, r.business, r.village, ''],
      10 * MM,
      (xs, ry, h) => {
        const sx = xs[4]!;
        const half = sign / 2;
        const px = n % 2 === 1 ? sx + 2 : sx + half + 2;
        doc
          .font('R')
          .fontSize(8.5)
          .text(`${n}.`, px, ry + h - 12, { lineBreak: false });
        doc
          .lineWidth(0.4)
          .dash(1, { space: 1.5 })
          .moveTo(px + 16, ry + h - 4)
          .lineTo(px + half - 8, ry + h - 4)
          .stroke()
          .undash();
      },
      i === d.rows.length - 1 ? reserveLast : 0,
    );
  });
  if (d.rows.length === 0) table.row(['', 'Belum ada peserta.', '', '', ''], 9 * MM);
  signingBlock(doc, d, table.cursor, f, d.title);
}

const MARK_LETTER: Record<Attendance, string> = { hadir: 'H', izin: 'I', sakit: 'S', alpa: 'A' };

/** Rekap peserta: one column per day (H/I/S/A), days present, and the outcomes; landscape. */
export function renderRecap(d: RecapDoc, opts: RenderOptions): Promise<{ bytes: Buffer; pages: number }> {
  return renderSheet(d, opts, true, (doc, f, y) => drawRecap(doc, d, f, y));
}

function drawRecap(doc: Doc, d: RecapDoc, f: Frame, y: number): void {
  const width = f.right - f.left;
  const dayW = Math.max(7 * MM, Math.min(12 * MM, (width * 0.32) / Math.max(1, d.days.length)));
  const shownDays = d.days.slice(0, Math.floor((width * 0.32) / dayW));
  const no = 9 * MM;
  const hadir = 14 * MM;
  const rest = width - no - hadir - dayW * shownDays.length;
  const cols: Col[] = [
    { title: 'No.', width: no, align: 'center' },
    { title: 'Nama Peserta', width: rest * 0.22 },
    { title: 'Nama Usaha', width: rest * 0.24 },
    { title: 'Desa', width: rest * 0.14 },
    ...shownDays.map((day, i) => ({
      title: `H${i + 1}\n${day.slice(8, 10)}/${day.slice(5, 7)}`,
      width: dayW,
      align: 'center' as const,
    })),
    { title: 'Jumlah Hadir', width: hadir, align: 'center' },
    { title: 'Hasil (sertifikat, izin, bantuan)', width: rest * 0.4 },
  ];
  const table = sheetTable(doc, cols, f, y, d.title);
  // the last row keeps the notes and the signing block with it
  const reserveLast = signingHeight(doc, d) + 16 + 6 + 3 * 13;
  d.rows.forEach((r, i) => {
    const present = r.marks.filter((m) => m === 'hadir').length;
    table.row(
      [
        String(i + 1),
        r.attendee,
        r.business,
        r.village,
        ...shownDays.map((_, j) => (r.marks[j] ? MARK_LETTER[r.marks[j]] : '–')),
        `${present}/${d.days.length}`,
        r.outcome,
      ],
      6 * MM,
      undefined,
      i === d.rows.length - 1 ? reserveLast : 0,
    );
  });
  if (d.rows.length === 0)
    table.row(['', 'Belum ada peserta.', '', '', ...shownDays.map(() => ''), '', ''], 6 * MM);
  let yy = table.cursor + 6;
  const notes = [
    'Keterangan: H = hadir, I = izin, S = sakit, A = alpa, – = belum diisi.',
    d.totals,
    shownDays.length < d.days.length
      ? `Kolom hari ke-${shownDays.length + 1} sampai ke-${d.days.length} tidak muat; jumlah hadir menghitung semua hari.`
      : '',
  ].filter(Boolean);
  doc.font('R').fontSize(9);
  for (const n of notes) {
    if (yy + 14 > f.bottom) {
      f.addPage();
      yy = continuationTop(doc, d.title, f.left, f.right);
    }
    doc.text(n, f.left, yy, { width });
    yy = doc.y + 2;
  }
  signingBlock(doc, d, yy, f, d.title);
}

/** "Sertifikat No. …; Izin: …; Bantuan: mesin (Rp…)" */
export function outcomeText(p: {
  certificateNumber: string | null;
  permitLabel: string | null;
  equipment: string | null;
  equipmentValue: number | null;
}): string {
  return [
    p.certificateNumber ? `Sertifikat ${p.certificateNumber}` : null,
    p.permitLabel ? `Izin ${p.permitLabel}` : null,
    p.equipment ? `${p.equipment}${p.equipmentValue !== null ? ` (${rupiah(p.equipmentValue)})` : ''}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}
