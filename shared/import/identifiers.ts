import { normalizeNik, parseNik, type NikError } from '../validators/nik';
import { cellText, isPlaceholder, type RawCell } from './cells';

/**
 * Long identifiers (NIK, NPWP, phone) as a spreadsheet may have left them. A spreadsheet keeps numbers to
 * 15 significant digits: a 16-digit NIK typed into a number cell loses its last digit (it becomes 0), and
 * shown in the "General" format it becomes `3,50927E+15` (the decimal comma of an Indonesian locale) or
 * `3.50927E+15`, and saved so in a CSV. Digits lost that way are never guessed: the value is flagged.
 */
export type DigitsRead =
  | { kind: 'empty' }
  /** `3,50927E+15`: the digits are gone */
  | { kind: 'scientific'; text: string }
  /**
   * digits only; `numeric` when the value came from a number cell or was written as a formatted number
   * (`3.509.275.708.750.000`, `3509275708750000.00`): it passed through a spreadsheet's number type
   */
  | { kind: 'digits'; digits: string; numeric: boolean; text: string }
  /** something else (letters, several values) */
  | { kind: 'text'; text: string };

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+$/;
/** 3.509.275.708.750.001 or 3,509,275,708,750,001: thousands groups of a formatted number */
const GROUPED = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$/;
/** 3509275708750000.00 / 3509275708750000,0: a number with an empty decimal part */
const ZERO_DECIMALS = /^(\d+)[.,]0+$/;
/** What a clerk types between digit groups: spaces, dots, dashes. */
const TYPED_SEPARATORS = /[\s.\-–]/g;
/** `="3509…"` (the formula trick to keep text) and a leading apostrophe (Excel's "this is text" mark) */
const TEXT_MARKS = /^(?:=\s*"(.*)"|'(.*))$/s;

export function readDigits(cell: RawCell | undefined): DigitsRead {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || !Number.isInteger(cell) || cell < 0)
      return { kind: 'text', text: String(cell) };
    // Above 2^53 a double cannot even hold the digits it shows: mark it numeric, the checks below flag it.
    return { kind: 'digits', digits: BigInt(cell).toString(), numeric: true, text: cellText(cell) };
  }
  let text = cellText(cell);
  if (isPlaceholder(text)) return { kind: 'empty' };
  const marked = TEXT_MARKS.exec(text);
  if (marked) text = (marked[1] ?? marked[2] ?? '').trim();
  if (SCIENTIFIC.test(text)) return { kind: 'scientific', text };
  if (GROUPED.test(text)) return { kind: 'digits', digits: text.replace(/[.,]/g, ''), numeric: true, text };
  const zd = ZERO_DECIMALS.exec(text);
  if (zd) return { kind: 'digits', digits: zd[1]!, numeric: true, text };
  const stripped = text.replace(TYPED_SEPARATORS, '');
  if (/^\d+$/.test(stripped)) return { kind: 'digits', digits: stripped, numeric: false, text };
  return { kind: 'text', text };
}

/**
 * Digits that a number type rounded: more than 15 digits, and everything after the 15th is 0. (A 16-digit
 * value whose last digit is not 0 did not go through a 15-digit number, whatever its cell type.)
 */
export function lostToPrecision(digits: string): boolean {
  return digits.length > 15 && /^0+$/.test(digits.slice(15));
}

export type NikClean =
  | { kind: 'empty' }
  /**
   * A valid NIK. `trailingZero`: it ends in 0, as every NIK that went through a number cell does; on its own
   * that is normal (serial …0), but in a column where other NIKs were visibly damaged it is flagged too
   * (decided over the whole column: see `nikColumnDamaged`).
   */
  | { kind: 'ok'; nik: string; trailingZero: boolean; fromNumber: boolean }
  /** digits lost by a spreadsheet: incomplete, never guessed */
  | { kind: 'damaged'; reason: 'scientific' | 'precision'; original: string }
  | { kind: 'invalid'; error: NikError; original: string };

/** A NIK cell, checked with the shared validator. */
export function cleanNik(cell: RawCell | undefined, today?: Date): NikClean {
  const r = readDigits(cell);
  switch (r.kind) {
    case 'empty':
      return r;
    case 'scientific':
      return { kind: 'damaged', reason: 'scientific', original: r.text };
    case 'text': {
      // "NIK 3509…" / "KTP: 3509…": a label in front of the number
      const unlabeled = r.text.replace(/^\s*(?:nik|no\.?\s*ktp|ktp)\s*[:.]?\s*/i, '');
      if (unlabeled !== r.text) return cleanNik(unlabeled, today);
      const p = parseNik(r.text, today);
      return p.ok
        ? { kind: 'ok', nik: normalizeNik(r.text), trailingZero: false, fromNumber: false }
        : { kind: 'invalid', error: p.error, original: r.text };
    }
    case 'digits': {
      if (r.numeric && lostToPrecision(r.digits))
        return { kind: 'damaged', reason: 'precision', original: r.text };
      const p = parseNik(r.digits, today);
      if (!p.ok) return { kind: 'invalid', error: p.error, original: r.text };
      return { kind: 'ok', nik: r.digits, trailingZero: r.digits.endsWith('0'), fromNumber: r.numeric };
    }
  }
}

/**
 * Whether a NIK column as a whole went through a spreadsheet's number type, so that its valid-looking NIKs
 * ending in 0 may have lost their last digit too: some values are visibly damaged, or most 16-digit values
 * end in 0 (about one in ten genuine NIKs does).
 */
export function nikColumnDamaged(stats: { damaged: number; valid: number; trailingZero: number }): boolean {
  if (stats.damaged > 0) return true;
  return stats.trailingZero >= 5 && stats.trailingZero > stats.valid / 2;
}
