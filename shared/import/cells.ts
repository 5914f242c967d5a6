/**
 * What a reader hands the cleaning rules: one value per cell, as the file holds it. CSV cells are always
 * strings; an XLSX cell is a string, a number (a numeric cell: the spreadsheet may have damaged it), a
 * boolean or a Date (a cell with a date format). Formula cells arrive as their cached result.
 */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** the row's number as the spreadsheet shows it (1-based, header included) */
  line: number;
  cells: RawCell[];
}

/** The cell as text, as a person reading the sheet would see it (numbers without exponent when possible). */
export function cellText(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') {
    if (Number.isInteger(c) && Math.abs(c) < 1e21) return c.toFixed(0);
    return String(c);
  }
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return isValidDate(c) ? c.toISOString().slice(0, 10) : '';
}

export function isValidDate(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

/** Lower case, accents off, anything but letters and digits a single space. */
export function fold(s: string): string {
  let out = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(out)) out = out.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // every run of other characters becomes one space: no double spaces are left to collapse
  return out.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * What offices type for "nothing here": a dash, "tidak ada", "belum ada", "n/a", "0" in a text column…
 * Those cells are empty, not values.
 */
const PLACEHOLDERS = new Set([
  '',
  '-',
  '--',
  '---',
  '.',
  '?',
  'na',
  'n a',
  'nil',
  'null',
  'none',
  'kosong',
  'tidak ada',
  'tdk ada',
  'belum ada',
  'blm ada',
  'belum',
  'tidak',
  'tdk',
  'tanpa',
]);

export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  // the longest placeholder is "tidak ada": anything longer is a value
  if (t.length > 12) return false;
  if (/^[-–—_.\s/]+$/.test(t)) return true;
  return PLACEHOLDERS.has(fold(t));
}
