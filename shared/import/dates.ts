import { cellText, fold, isPlaceholder, isValidDate, type RawCell } from './cells';

/**
 * Dates as offices' sheets hold them: a real date cell, an Excel serial (`27621`, when the date format was
 * lost), `15/08/1975` (day first, the Indonesian order), `1975-08-15`, and words (`15 Agustus 1975`,
 * `15-Agt-75`, `15 Aug 1975`). Every reading that is not a plain date says how it was read.
 */
export type DateVia =
  | 'cell'
  | 'serial'
  | 'dmy'
  | 'ymd'
  | 'words'
  /** `08/15/1975`: the second part cannot be a month, so the sheet wrote month first */
  | 'mdy';

export type DateClean =
  | { kind: 'empty' }
  | { kind: 'ok'; iso: string; via: DateVia; twoDigitYear: boolean }
  | { kind: 'invalid'; original: string };

const MONTHS: Record<string, number> = {};
(
  [
    [1, ['januari', 'jan', 'january']],
    [2, ['februari', 'pebruari', 'feb', 'peb', 'february']],
    [3, ['maret', 'mar', 'march', 'mrt']],
    [4, ['april', 'apr']],
    [5, ['mei', 'may']],
    [6, ['juni', 'jun', 'june']],
    [7, ['juli', 'jul', 'july']],
    [8, ['agustus', 'agt', 'ags', 'agu', 'agust', 'aug', 'august']],
    [9, ['september', 'sep', 'sept']],
    [10, ['oktober', 'okt', 'oct', 'october']],
    [11, ['november', 'nopember', 'nov', 'nop']],
    [12, ['desember', 'des', 'dec', 'december']],
  ] as const
).forEach(([n, names]) => names.forEach((m) => (MONTHS[m] = n)));

const WEEKDAYS = /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*/i;

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A two-digit year: after this year's two digits it is the 1900s (`75` → 1975, `05` → 2005). */
function fullYear(yy: string, today: Date): number {
  if (yy.length === 4) return Number(yy);
  const n = Number(yy);
  return n > today.getFullYear() % 100 ? 1900 + n : 2000 + n;
}

/**
 * An Excel serial in the 1900 date system (days since 1899-12-30, with Excel's phantom 29 Feb 1900 at 60).
 * Workbooks in the 1904 system arrive as date cells, which the reader converts.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || serial === 60) return null;
  const days = Math.floor(serial) - (serial < 60 ? 1 : 2);
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function parseDate(cell: RawCell | undefined, today: Date = new Date()): DateClean {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (cell instanceof Date) {
    if (!isValidDate(cell)) return { kind: 'invalid', original: String(cell) };
    // date cells arrive as UTC midnight of the day the sheet shows
    return { kind: 'ok', iso: cell.toISOString().slice(0, 10), via: 'cell', twoDigitYear: false };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso
      ? { kind: 'ok', iso, via: 'serial', twoDigitYear: false }
      : { kind: 'invalid', original: String(cell) };
  }
  const original = cellText(cell);
  if (isPlaceholder(original)) return { kind: 'empty' };
  const text = original.replace(WEEKDAYS, '').trim();
  const bad = { kind: 'invalid', original } as const;

  if (/^\d{5}$/.test(text)) {
    const iso = excelSerialToIso(Number(text));
    return iso ? { kind: 'ok', iso, via: 'serial', twoDigitYear: false } : bad;
  }
  // yyyy-mm-dd, with an optional time the sheet appended
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { kind: 'ok', iso, via: 'ymd', twoDigitYear: false } : bad;
  }
  // dd/mm/yyyy (also - and .), day first; month first only when the second part cannot be a month
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!, today);
    const two = m[3]!.length === 2;
    if (b <= 12) {
      const iso = isoOf(y, b, a);
      return iso ? { kind: 'ok', iso, via: 'dmy', twoDigitYear: two } : bad;
    }
    const iso = a <= 12 ? isoOf(y, a, b) : null;
    return iso ? { kind: 'ok', iso, via: 'mdy', twoDigitYear: two } : bad;
  }
  // 15 Agustus 1975, 15-Agt-75, 15 Aug. 1975
  m = /^(\d{1,2})\s*[-\s.]\s*([a-z]+)\.?\s*[-\s.,]\s*(\d{2}|\d{4})$/i.exec(text);
  if (m) {
    const month = MONTHS[fold(m[2]!)];
    const iso = month ? isoOf(fullYear(m[3]!, today), month, Number(m[1])) : null;
    return iso ? { kind: 'ok', iso, via: 'words', twoDigitYear: m[3]!.length === 2 } : bad;
  }
  // Agustus 15, 1975
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m) {
    const month = MONTHS[fold(m[1]!)];
    const iso = month ? isoOf(Number(m[3]), month, Number(m[2])) : null;
    return iso ? { kind: 'ok', iso, via: 'words', twoDigitYear: false } : bad;
  }
  return bad;
}

export type YearClean =
  { kind: 'empty' } | { kind: 'ok'; year: number; fromDate: boolean } | { kind: 'invalid'; original: string };

/** A year: `1998`, `th. 1998`, `'98`, or any date (its year). The range is the record schema's to check. */
export function parseYear(cell: RawCell | undefined, today: Date = new Date()): YearClean {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (cell instanceof Date)
    return isValidDate(cell)
      ? { kind: 'ok', year: cell.getUTCFullYear(), fromDate: true }
      : { kind: 'invalid', original: String(cell) };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 9999)
      return { kind: 'ok', year: cell, fromDate: false };
    return { kind: 'invalid', original: String(cell) };
  }
  const original = cellText(cell);
  if (isPlaceholder(original)) return { kind: 'empty' };
  const text = original.replace(/^\s*(?:tahun|thn|th|sejak)\.?\s*/i, '').trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) return { kind: 'ok', year: Number(m[1]), fromDate: false };
  m = /^'?(\d{2})$/.exec(text);
  if (m) return { kind: 'ok', year: fullYear(m[1]!, today), fromDate: false };
  const d = parseDate(text, today);
  if (d.kind === 'ok' && d.via !== 'serial')
    return { kind: 'ok', year: Number(d.iso.slice(0, 4)), fromDate: true };
  return { kind: 'invalid', original };
}

/** "Jember, 15-08-1975" (tempat, tanggal lahir in one column) → place and date. */
export function splitPlaceDate(
  cell: RawCell | undefined,
  today: Date = new Date(),
): { place: string | null; date: DateClean } {
  if (cell instanceof Date || typeof cell === 'number') return { place: null, date: parseDate(cell, today) };
  const text = cellText(cell ?? null);
  if (isPlaceholder(text)) return { place: null, date: { kind: 'empty' } };
  const m = /^(.*?)[,/]\s*([^,/]*\d[^,]*)$/.exec(text) ?? /^(\D+?)\s+(\d.*)$/.exec(text);
  if (!m) {
    const d = parseDate(text, today);
    return d.kind === 'ok' ? { place: null, date: d } : { place: text, date: { kind: 'empty' } };
  }
  return { place: m[1]!.trim() || null, date: parseDate(m[2]!.trim(), today) };
}
