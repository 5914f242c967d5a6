// Over 400 lines on purpose: one pdfkit layout: the blocks are measured and drawn by the same functions, so a page break the measurement decides is the one the drawing makes; splitting them would let the two drift.
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
 * Page geometry (naskah dinas margins): 25 mm left, 20 mm right and bottom on every page; the letterhead starts
 * 15 mm from the top of the first page, a continuation page's small header 15 mm from the top.
 */
export const MARGINS_MM = { left: 25, right: 20, top: 15, bottom: 20 } as const;

/** One piece of the letter that is never split across pages. */
interface Block {
  kind: BlockKind;
  /** space above it, dropped at the top of a page */
  gap: number;
  height: number;
  /** moves to the next page with the block after it (an introductory sentence with its first row) */
  keepWithNext: boolean;
  draw(y: number): void;
}

export type BlockKind =
  | 'title'
  | 'opening'
  | 'ownerRow'
  | 'businessIntro'
  | 'businessRow'
  | 'statement'
  | 'purpose'
  | 'closing'
  | 'signature'
  | 'tembusan';

/** Where each block went: the layout a test (or a caller) can check without reading the PDF back. */
export interface LetterLayout {
  pageWidth: number;
  pageHeight: number;
  /** content area on every page, in points */
  contentTop: number[];
  contentBottom: number;
  left: number;
  right: number;
  pages: { kind: BlockKind; top: number; bottom: number }[][];
}

const BODY = 11.5;

function geometry(d: LetterDoc) {
  const [W, H] = PAGE_SIZES[d.paper];
  const left = MARGINS_MM.left * MM;
  const right = W - MARGINS_MM.right * MM;
  return {
    W,
    H,
    left,
    right,
    width: right - left,
    top: MARGINS_MM.top * MM,
    bottom: H - MARGINS_MM.bottom * MM,
  };
}

/** The letterhead of the first page; returns where the body starts. `draw` false only measures. */
function letterhead(doc: Doc, d: LetterDoc, draw: boolean): number {
  const { left, right, top } = geometry(d);
  return layLetterhead(doc, d.letterhead, d.emblemPath, left, right, top, draw) + 16;
}

/**
 * The office letterhead (kop surat): the emblem at the left when there is one, the centred lines and the
 * double rule underneath. Shared by the letters and every other office document (attendance sheets,
 * reports). Answers the y of the upper rule (the lower one is 3.6 pt below it).
 */
export function drawLetterhead(
  doc: Doc,
  lh: { top: string[]; contact: string[] },
  emblemPath: string | null,
  left: number,
  right: number,
): number {
  return layLetterhead(doc, lh, emblemPath, left, right, MARGINS_MM.top * MM, true);
}

function layLetterhead(
  doc: Doc,
  lh: { top: string[]; contact: string[] },
  emblemPath: string | null,
  left: number,
  right: number,
  top: number,
  draw: boolean,
): number {
  let y = top;
  const emblem = emblemPath ? emblemBytes(emblemPath) : null;
  const emblemH = 26 * MM;
  let textLeft = left;
  let emblemBottom = y;
  if (emblem) {
    try {
      if (draw) doc.image(emblem, left, y, { fit: [22 * MM, emblemH], align: 'center', valign: 'center' });
      // measuring: the same check drawing does (pdfkit's openImage throws on bytes it cannot embed)
      else (doc as unknown as { openImage(src: Buffer): unknown }).openImage(emblem);
      textLeft = left + 24 * MM;
      emblemBottom = y + emblemH;
    } catch {
      // an unreadable emblem: a letterhead without one rather than no letter
    }
  }
  const textW = right - textLeft;
  if (draw) doc.fillColor('black');
  lh.top.forEach((line, i) => {
    const size = i === lh.top.length - 1 ? 17 : 14;
    doc.font('B').fontSize(size);
    if (draw) doc.text(line, textLeft, y, { width: textW, align: 'center' });
    y += doc.heightOfString(line, { width: textW });
  });
  doc.font('R').fontSize(10);
  for (const line of lh.contact) {
    if (draw) doc.text(line, textLeft, y, { width: textW, align: 'center' });
    y += doc.heightOfString(line, { width: textW });
  }
  y = Math.max(y, emblemBottom) + 4;
  if (draw) {
    doc.lineWidth(2.4).moveTo(left, y).lineTo(right, y).stroke();
    doc
      .lineWidth(0.8)
      .moveTo(left, y + 3.6)
      .lineTo(right, y + 3.6)
      .stroke();
  }
  return y;
}

/** How a signing block is set: the font size, the room left to sign, and what stands for a missing name. */
export interface SignatureStyle {
  size: number;
  room: number;
  /** printed, not underlined, when the signer has no name; without it the (empty) name is printed as it is */
  unnamed?: string;
}

const LETTER_SIGNATURE: SignatureStyle = { size: 11.5, room: 22 * MM };

/** Place and date, the signing official's title, room to sign, name, rank and NIP, centred in `x`…`x + w`. */
export function drawSignature(
  doc: Doc,
  d: Pick<LetterDoc, 'placeDate' | 'signer'>,
  x: number,
  w: number,
  top: number,
  style: SignatureStyle = LETTER_SIGNATURE,
): number {
  let y = top;
  doc.font('R').fontSize(style.size);
  const line = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => {
    doc.text(text, x, y, { width: w, align: 'center', ...opts });
    y = doc.y;
  };
  line(d.placeDate);
  if (d.signer.anLine) line(d.signer.anLine);
  doc.font('B');
  line(d.signer.title);
  y += style.room;
  if (d.signer.name || style.unnamed === undefined) line(d.signer.name, { underline: true });
  else line(style.unnamed);
  doc.font('R');
  if (d.signer.rank) line(d.signer.rank);
  if (d.signer.nip) line(`NIP. ${d.signer.nip}`);
  return y;
}

/** A continuation page's header: the letter number and "halaman 2 dari 3", over a thin rule. */
function continuationHeader(doc: Doc, d: LetterDoc, page: number, pages: number, draw: boolean): number {
  const { left, right, width, top } = geometry(d);
  doc.font('R').fontSize(9);
  const h = doc.heightOfString('Nomor', { width });
  if (draw) {
    doc.fillColor('black');
    doc.text(`Nomor : ${d.number}`, left, top, { width: width * 0.7, lineBreak: false });
    doc.text(`halaman ${page} dari ${pages}`, left, top, { width, align: 'right', lineBreak: false });
    doc
      .lineWidth(0.5)
      .moveTo(left, top + h + 3)
      .lineTo(right, top + h + 3)
      .stroke();
  }
  return top + h + 3 + 8 * MM;
}

/** The letter as blocks, each measured with the fonts it is drawn in. */
function letterBlocks(doc: Doc, d: LetterDoc): Block[] {
  const { left, right, width } = geometry(d);
  const blocks: Block[] = [];

  doc.font('B').fontSize(12.5);
  const titleH = doc.heightOfString(d.title, { width });
  doc.font('R').fontSize(BODY);
  const numberH = doc.heightOfString(`Nomor : ${d.number}`, { width });
  blocks.push({
    kind: 'title',
    gap: 0,
    height: titleH + 1 + numberH,
    keepWithNext: true,
    draw(y) {
      doc.font('B').fontSize(12.5).text(d.title, left, y, { width, align: 'center', underline: true });
      doc
        .font('R')
        .fontSize(BODY)
        .text(`Nomor : ${d.number}`, left, y + titleH + 1, { width, align: 'center' });
    },
  });

  const para = (kind: BlockKind, text: string, gap: number, keepWithNext = false) => {
    if (!text.trim()) return;
    const opts = { width, align: 'justify' as const, lineGap: 1.5 };
    doc.font('R').fontSize(BODY);
    blocks.push({
      kind,
      gap,
      height: doc.heightOfString(text, opts),
      keepWithNext,
      draw(y) {
        doc.font('R').fontSize(BODY).text(text, left, y, opts);
      },
    });
  };
  const lx = left + 8 * MM;
  const cx = left + 60 * MM;
  const vx = cx + 3 * MM;
  const vw = right - vx;
  const lw = cx - lx - 4;
  const rows = (kind: BlockKind, list: [string, string][], firstGap: number) => {
    list.forEach(([label, value], i) => {
      const v = value || '-';
      doc.font('R').fontSize(BODY);
      const h = Math.max(
        doc.heightOfString(v, { width: vw, lineGap: 0.5 }),
        label ? doc.heightOfString(label, { width: lw }) : 0,
      );
      blocks.push({
        kind,
        gap: i === 0 ? firstGap : 2,
        height: h,
        keepWithNext: false,
        draw(y) {
          doc.font('R').fontSize(BODY);
          doc.text(v, vx, y, { width: vw, lineGap: 0.5 });
          if (label) {
            doc.text(':', cx, y, { lineBreak: false });
            doc.text(label, lx, y, { width: lw });
          }
        },
      });
    });
  };

  para('opening', d.opening, 12, true);
  rows('ownerRow', d.owner, 5);
  para('businessIntro', d.businessIntro, 7, true);
  rows('businessRow', d.business, 5);
  para('statement', d.statement, 7);
  para('purpose', d.purpose, 6);
  // the closing sentence goes with the signature: a signature never stands alone on a page
  para('closing', d.closing, 6, true);

  // Signature block (right) and the QR code with its caption (left), side by side, never split
  const sigX = left + width * 0.44;
  const sigW = right - sigX;
  type SigLine = { text: string; font: 'R' | 'B'; underline?: boolean; space?: number };
  const sig: SigLine[] = [{ text: d.placeDate, font: 'R' }];
  if (d.signer.anLine) sig.push({ text: d.signer.anLine, font: 'R' });
  sig.push({ text: d.signer.title, font: 'B', space: 22 * MM });
  sig.push({ text: d.signer.name, font: 'B', underline: true });
  if (d.signer.rank) sig.push({ text: d.signer.rank, font: 'R' });
  if (d.signer.nip) sig.push({ text: `NIP. ${d.signer.nip}`, font: 'R' });
  doc.fontSize(BODY);
  const sigHeights = sig.map((l) => doc.font(l.font).heightOfString(l.text || ' ', { width: sigW }));
  const sigH = sigHeights.reduce((a, h, i) => a + h + (sig[i]!.space ?? 0), 0);
  const qrSize = 30 * MM;
  const capW = sigX - left - 8 * MM;
  doc.font('R').fontSize(8);
  const capH = doc.heightOfString(d.qr.caption, { width: capW, lineGap: 0.5 });
  blocks.push({
    kind: 'signature',
    gap: 14,
    height: Math.max(sigH, 2 + qrSize + 5 + capH),
    keepWithNext: false,
    draw(top) {
      let y = top;
      sig.forEach((l, i) => {
        doc
          .font(l.font)
          .fontSize(BODY)
          .text(l.text, sigX, y, { width: sigW, align: 'center', underline: !!l.underline });
        y += sigHeights[i]! + (l.space ?? 0);
      });
      drawQr(doc, d.qr.text, left, top + 2, qrSize);
      doc
        .font('R')
        .fontSize(8)
        .fillColor('black')
        .text(d.qr.caption, left, top + 2 + qrSize + 5, { width: capW, lineGap: 0.5 });
    },
  });

  if (d.tembusan.length > 0) {
    const lines = d.tembusan.map((t, i) => `${i + 1}. ${t}`);
    doc.font('R').fontSize(10);
    const headH = doc.heightOfString('Tembusan:', { width });
    const hs = lines.map((l) => doc.heightOfString(l, { width }));
    blocks.push({
      kind: 'tembusan',
      gap: 12,
      height: headH + hs.reduce((a, b) => a + b, 0),
      keepWithNext: false,
      draw(top) {
        doc.font('R').fontSize(10).text('Tembusan:', left, top, { underline: true });
        let y = top + headH;
        lines.forEach((l, i) => {
          doc.text(l, left, y, { width });
          y += hs[i]!;
        });
      },
    });
  }
  return blocks;
}

/**
 * Places the blocks on pages: a block that does not fit above the bottom margin goes to the next page
 * together with the blocks chained to it by `keepWithNext`. The letterhead is on the first page only; every
 * later page starts below its small header. A block taller than a whole page (not possible with the
 * settings' length limits) is placed at the top of a page of its own.
 */
function placeBlocks(
  doc: Doc,
  d: LetterDoc,
  blocks: Block[],
): { pages: { block: Block; top: number }[][]; contentTop: number[] } {
  const { bottom } = geometry(d);
  const firstTop = letterhead(doc, d, false);
  // the continuation header's height does not depend on the page numbers' digits
  const nextTop = continuationHeader(doc, d, 2, 2, false);
  const pages: { block: Block; top: number }[][] = [[]];
  const contentTop = [firstTop];
  let y = firstTop;
  let i = 0;
  while (i < blocks.length) {
    // the unit: this block and every block chained to it
    let j = i;
    while (j < blocks.length - 1 && blocks[j]!.keepWithNext) j++;
    const unit = blocks.slice(i, j + 1);
    const page = pages[pages.length - 1]!;
    const height = (first: boolean) =>
      unit.reduce((a, b, k) => a + b.height + (k === 0 && first ? 0 : b.gap), 0);
    const atTop = page.length === 0;
    if (!atTop && y + height(false) > bottom) {
      pages.push([]);
      contentTop.push(nextTop);
      y = nextTop;
      // a chain taller than a page: its blocks one by one from here
      if (nextTop + height(true) > bottom && unit.length > 1) {
        blocks[i] = { ...blocks[i]!, keepWithNext: false };
        continue;
      }
    }
    const cur = pages[pages.length - 1]!;
    for (const b of unit) {
      if (cur.length > 0) y += b.gap;
      if (cur.length > 0 && y + b.height > bottom) {
        // only reached for a chain broken up above
        pages.push([]);
        contentTop.push(nextTop);
        y = nextTop;
      }
      pages[pages.length - 1]!.push({ block: b, top: y });
      y += b.height;
    }
    i = j + 1;
  }
  return { pages, contentTop };
}

/** Draws one letter (one or more pages); returns its layout. */
function drawLetter(doc: Doc, d: LetterDoc): LetterLayout {
  const g = geometry(d);
  const blocks = letterBlocks(doc, d);
  const { pages, contentTop } = placeBlocks(doc, d, blocks);
  pages.forEach((placed, p) => {
    doc.addPage({ size: [g.W, g.H], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    if (d.copy) drawCopyMark(doc, g.W, g.H);
    if (p === 0) letterhead(doc, d, true);
    else continuationHeader(doc, d, p + 1, pages.length, true);
    if (d.copy && p === 0) {
      doc.font('B').fontSize(10);
      const label = 'SALINAN';
      const lw = doc.widthOfString(label) + 12;
      doc
        .lineWidth(1)
        .rect(g.right - lw, 5 * MM, lw, 16)
        .stroke();
      doc.text(label, g.right - lw, 5 * MM + 4, { width: lw, align: 'center', lineBreak: false });
    }
    for (const { block, top } of placed) block.draw(top);
  });
  return {
    pageWidth: g.W,
    pageHeight: g.H,
    contentTop,
    contentBottom: g.bottom,
    left: g.left,
    right: g.right,
    pages: pages.map((placed) =>
      placed.map(({ block, top }) => ({ kind: block.kind, top, bottom: top + block.height })),
    ),
  };
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

/** Renders one or more letters into one PDF; with the layout of each (its pages and blocks). */
export async function renderLettersWithLayout(
  docs: readonly LetterDoc[],
  opts: RenderOptions,
): Promise<{ bytes: Buffer; layouts: LetterLayout[] }> {
  const first = docs[0];
  const doc = newDocument(first ? `${first.title} ${first.number}` : 'Surat', opts);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layouts = docs.map((d) => drawLetter(doc, coverDoc(d, opts.fonts)));
  doc.end();
  return { bytes: await done, layouts };
}

/** Renders one or more letters into one PDF (a letter takes as many pages as it needs). */
export async function renderLetters(docs: readonly LetterDoc[], opts: RenderOptions): Promise<Buffer> {
  return (await renderLettersWithLayout(docs, opts)).bytes;
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
  /** draws the letter on the next page(s); returns the number (1-based) of its first page */
  add(d: LetterDoc): number;
  /** pages drawn so far (a letter that overflows takes more than one) */
  readonly pages: number;
  /** letters drawn so far */
  readonly letters: number;
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
  let letters = 0;
  return {
    add(d) {
      const first = pages + 1;
      pages += drawLetter(doc, coverDoc(d, opts.fonts)).pages.length;
      letters++;
      return first;
    },
    get pages() {
      return pages;
    },
    get letters() {
      return letters;
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
