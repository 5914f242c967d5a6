import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Paper } from '../../../shared/schemas/letter';
import type { LetterFonts } from './fonts';

/**
 * Everything printed on one letter, already worded and formatted: the renderer only lays it out. Plain data
 * (structured-clonable) so the same object renders in main and in the batch workers.
 */
export interface LetterDoc {
  paper: Paper;
  /** a reprint: marked SALINAN */
  copy: boolean;
  /** absolute path of the office's emblem (PNG/JPEG), or null for a letterhead without one */
  emblemPath: string | null;
  letterhead: { top: string[]; contact: string[] };
  title: string;
  number: string;
  opening: string;
  owner: [string, string][];
  businessIntro: string;
  business: [string, string][];
  statement: string;
  purpose: string;
  closing: string;
  placeDate: string;
  signer: { anLine: string | null; title: string; name: string; rank: string | null; nip: string | null };
  qr: { text: string; caption: string };
  tembusan: string[];
}

export const MM = 72 / 25.4;

/** Page sizes in points: A4 210 × 297 mm, F4 (folio) 215 × 330 mm. */
export const PAGE_SIZES: Record<Paper, [number, number]> = {
  A4: [210 * MM, 297 * MM],
  F4: [215 * MM, 330 * MM],
};

const emblemCache = new Map<string, { mtime: number; data: Buffer }>();

function emblemBytes(file: string): Buffer | null {
  try {
    const mtime = statSync(file).mtimeMs;
    const hit = emblemCache.get(file);
    if (hit && hit.mtime === mtime) return hit.data;
    const data = readFileSync(file);
    emblemCache.set(file, { mtime, data });
    return data;
  } catch {
    return null;
  }
}

export type Doc = PDFKit.PDFDocument;

/**
 * What prints in place of a character the embedded font lacks (an emoji, a CJK character…): WHITE SQUARE,
 * which Liberation Serif has. Drawn instead of pdfkit's invisible .notdef, and measured like any glyph, so
 * the line still wraps inside the margin. The stored letter keeps the original text.
 */
export const MISSING_GLYPH = '\u25a1';
/** Joiners and presentation selectors: part of an emoji sequence, never drawn by themselves. */
const INVISIBLE = new Set([0x200d, 0xfe0e, 0xfe0f]);
const coverage = new WeakMap<object, Map<number, boolean>>();
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });

function covered(fonts: LetterFonts, cp: number): boolean {
  let m = coverage.get(fonts);
  if (!m) coverage.set(fonts, (m = new Map()));
  let ok = m.get(cp);
  if (ok === undefined) {
    ok = fonts.regular.hasGlyphForCodePoint(cp) && fonts.bold.hasGlyphForCodePoint(cp);
    m.set(cp, ok);
  }
  return ok;
}

/** `text` with every grapheme the fonts cannot draw replaced by one MISSING_GLYPH. */
export function coverText(text: string, fonts: LetterFonts): string {
  // fast path: Latin-1 and general punctuation are in the font
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u00ff\u2000-\u206f]*$/.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    let ok = true;
    for (const ch of segment) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || INVISIBLE.has(cp)) continue;
      if (!covered(fonts, cp)) {
        ok = false;
        break;
      }
    }
    out += ok ? segment.replace(/\u200d|\ufe0e|\ufe0f/g, '') : MISSING_GLYPH;
  }
  return out;
}

/** Every printed string of a letter passed through coverText (the QR payload and the emblem path are not text). */
function coverDoc(d: LetterDoc, fonts: LetterFonts): LetterDoc {
  const c = (t: string) => coverText(t, fonts);
  const n = (t: string | null) => (t === null ? null : c(t));
  const pairs = (ps: [string, string][]) => ps.map(([a, b]) => [c(a), c(b)] as [string, string]);
  return {
    ...d,
    letterhead: { top: d.letterhead.top.map(c), contact: d.letterhead.contact.map(c) },
    title: c(d.title),
    number: c(d.number),
    opening: c(d.opening),
    owner: pairs(d.owner),
    businessIntro: c(d.businessIntro),
    business: pairs(d.business),
    statement: c(d.statement),
    purpose: c(d.purpose),
    closing: c(d.closing),
    placeDate: c(d.placeDate),
    signer: {
      anLine: n(d.signer.anLine),
      title: c(d.signer.title),
      name: c(d.signer.name),
      rank: n(d.signer.rank),
      nip: n(d.signer.nip),
    },
    qr: { text: d.qr.text, caption: c(d.qr.caption) },
    tembusan: d.tembusan.map(c),
  };
}

function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const cell = size / n;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!data[r * n + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && data[r * n + c]) c++;
      // a hair of overlap so no white seams appear between modules when printed or rasterised
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor('black').fill();
}

function drawCopyMark(doc: Doc, w: number, h: number): void {
  doc.save();
  doc.rotate(-35, { origin: [w / 2, h / 2] });
  doc.font('B').fontSize(100).fillColor('#8a8a8a').fillOpacity(0.2);
  const tw = doc.widthOfString('SALINAN');
  doc.text('SALINAN', (w - tw) / 2, h / 2 - 50, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor('black');
}

/**
 * The office letterhead (kop surat): the emblem at the left when there is one, the centred lines and the
 * double rule underneath. Shared by the letters and every other office document (attendance sheets).
 * Answers the y of the upper rule (the lower one is 3.6 pt below it).
 */
export function drawLetterhead(
  doc: Doc,
  letterhead: { top: string[]; contact: string[] },
  emblemPath: string | null,
  left: number,
  right: number,
): number {
  let y = 12 * MM;
  const emblem = emblemPath ? emblemBytes(emblemPath) : null;
  const emblemH = 26 * MM;
  let textLeft = left;
  let emblemBottom = y;
  if (emblem) {
    try {
      doc.image(emblem, left, y, { fit: [22 * MM, emblemH], align: 'center', valign: 'center' });
      textLeft = left + 24 * MM;
      emblemBottom = y + emblemH;
    } catch {
      // an unreadable emblem: a letterhead without one rather than no letter
    }
  }
  const textW = right - textLeft;
  doc.fillColor('black');
  letterhead.top.forEach((line, i) => {
    const size = i === letterhead.top.length - 1 ? 17 : 14;
    doc.font('B').fontSize(size).text(line, textLeft, y, { width: textW, align: 'center' });
    y = doc.y;
  });
  doc.font('R').fontSize(10);
  for (const line of letterhead.contact) {
    doc.text(line, textLeft, y, { width: textW, align: 'center' });
    y = doc.y;
  }
  y = Math.max(y, emblemBottom) + 4;
  doc.lineWidth(2.4).moveTo(left, y).lineTo(right, y).stroke();
  doc
    .lineWidth(0.8)
    .moveTo(left, y + 3.6)
    .lineTo(right, y + 3.6)
    .stroke();
  return y;
}

function drawLetter(doc: Doc, d: LetterDoc): void {
  const [W, H] = PAGE_SIZES[d.paper];
  doc.addPage({ size: [W, H], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  const left = 25 * MM;
  const right = W - 20 * MM;
  const width = right - left;
  if (d.copy) drawCopyMark(doc, W, H);

  // Letterhead
  let y = drawLetterhead(doc, d.letterhead, d.emblemPath, left, right);
  y += 16;

  if (d.copy) {
    doc.font('B').fontSize(10);
    const label = 'SALINAN';
    const lw = doc.widthOfString(label) + 12;
    doc
      .lineWidth(1)
      .rect(right - lw, 5 * MM, lw, 16)
      .stroke();
    doc.text(label, right - lw, 5 * MM + 4, { width: lw, align: 'center', lineBreak: false });
  }

  // Title and number
  doc.font('B').fontSize(12.5).text(d.title, left, y, { width, align: 'center', underline: true });
  y = doc.y + 1;
  doc.font('R').fontSize(11.5).text(`Nomor : ${d.number}`, left, y, { width, align: 'center' });
  y = doc.y + 12;

  const body = (text: string, gapAfter = 6) => {
    doc.font('R').fontSize(11.5).text(text, left, y, { width, align: 'justify', lineGap: 1.5 });
    y = doc.y + gapAfter;
  };
  const rows = (list: [string, string][]) => {
    const lx = left + 8 * MM;
    const cx = left + 60 * MM;
    const vx = cx + 3 * MM;
    const vw = right - vx;
    doc.font('R').fontSize(11.5);
    for (const [label, value] of list) {
      doc.text(value || '-', vx, y, { width: vw, lineGap: 0.5 });
      const bottom = doc.y;
      doc.text(':', cx, y, { lineBreak: false });
      doc.text(label, lx, y, { width: cx - lx - 4 });
      y = Math.max(bottom, doc.y) + 2;
    }
    y += 5;
  };

  body(d.opening, 5);
  rows(d.owner);
  body(d.businessIntro, 5);
  rows(d.business);
  body(d.statement);
  body(d.purpose);
  body(d.closing, 14);

  // Signature block (right) and the QR code (left), side by side
  const sigX = left + width * 0.5;
  const sigW = right - sigX;
  const blockTop = y;
  doc.font('R').fontSize(11.5);
  const line = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => {
    doc.text(text, sigX, y, { width: sigW, align: 'center', ...opts });
    y = doc.y;
  };
  line(d.placeDate);
  if (d.signer.anLine) line(d.signer.anLine);
  doc.font('B');
  line(d.signer.title);
  y += 22 * MM;
  line(d.signer.name, { underline: true });
  doc.font('R');
  if (d.signer.rank) line(d.signer.rank);
  if (d.signer.nip) line(`NIP. ${d.signer.nip}`);
  const sigBottom = y;

  const qrSize = 30 * MM;
  drawQr(doc, d.qr.text, left, blockTop + 2, qrSize);
  doc
    .font('R')
    .fontSize(8)
    .fillColor('black')
    .text(d.qr.caption, left, blockTop + qrSize + 5, { width: sigX - left - 8 * MM, lineGap: 0.5 });
  y = Math.max(sigBottom, doc.y) + 12;

  if (d.tembusan.length > 0) {
    doc.font('R').fontSize(10).text('Tembusan:', left, y, { underline: true });
    y = doc.y;
    d.tembusan.forEach((t, i) => {
      doc.text(`${i + 1}. ${t}`, left, y, { width });
      y = doc.y;
    });
  }
}

export interface RenderOptions {
  /** `loadFonts(config.fontsDir)` */
  fonts: LetterFonts;
  /** PDF metadata creation date (fixed for reproducible bytes in tests) */
  creationDate?: Date;
}

export function newDocument(title: string, opts: RenderOptions, extra: PDFKit.PDFDocumentOptions = {}): Doc {
  const { fonts } = opts;
  const doc = new PDFDocument({
    autoFirstPage: false,
    // no default Helvetica: only the embedded TTF appears in the file
    font: null as unknown as string,
    info: {
      Title: title,
      Producer: 'Daftar IKM',
      Creator: 'Daftar IKM',
      CreationDate: opts.creationDate ?? new Date(),
    },
    lang: 'id-ID',
    ...extra,
  });
  // pdfkit takes a parsed fontkit font as well as bytes (its types only list bytes)
  doc.registerFont('R', fonts.regular as unknown as Buffer);
  doc.registerFont('B', fonts.bold as unknown as Buffer);
  return doc;
}

/** Renders one or more letters into one PDF (one page per letter). */
export function renderLetters(docs: readonly LetterDoc[], opts: RenderOptions): Promise<Buffer> {
  const first = docs[0];
  const doc = newDocument(first ? `${first.title} ${first.number}` : 'Surat', opts);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const d of docs) drawLetter(doc, coverDoc(d, opts.fonts));
  doc.end();
  return done;
}

export function renderLetter(d: LetterDoc, opts: RenderOptions): Promise<Buffer> {
  return renderLetters([d], opts);
}

/**
 * A PDF written to a file as its pages are drawn (pdfkit flushes each page when the next begins), so a batch
 * of a thousand letters holds one page in memory, not the whole document. `finish` ends the document and
 * resolves when the file is complete; `discard` stops writing and closes the file (a cancelled or failed
 * batch), which its caller then removes.
 */
export interface LetterStream {
  add(d: LetterDoc): void;
  readonly pages: number;
  /** ends the document; resolves when the file is complete, with its SHA-256 */
  finish(): Promise<{ sha256: string }>;
  discard(): Promise<void>;
}

export function openLetterStream(file: string, title: string, opts: RenderOptions): LetterStream {
  const doc = newDocument(title, opts);
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  doc.on('data', (c: Buffer) => hash.update(c));
  const written = new Promise<{ sha256: string }>((resolve, reject) => {
    out.on('finish', () => resolve({ sha256: hash.digest('hex') }));
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  let pages = 0;
  return {
    add(d) {
      drawLetter(doc, coverDoc(d, opts.fonts));
      pages++;
    },
    get pages() {
      return pages;
    },
    finish() {
      doc.end();
      return written;
    },
    discard() {
      written.catch(() => undefined);
      doc.unpipe(out);
      return new Promise<void>((resolve) => {
        if (out.closed) return resolve();
        out.once('close', () => resolve());
        out.destroy();
      });
    },
  };
}
