import { parsePhone, type PhoneError } from '../validators/phone';
import type { RawCell } from './cells';
import { readDigits } from './identifiers';

/**
 * A phone cell, normalised with the shared validator (+62…). Offices write numbers in many styles
 * (`0812-3456-7890`, `62 812…`, `+62812…`, `HP: 0812…`, two numbers in one cell); a number cell has lost the
 * leading 0 (`81234567890`), which the validator reads as the national number; a number shown as
 * `8,12346E+10` has lost digits and is flagged, never guessed.
 */
export type PhoneClean =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      value: string;
      /** further numbers in the same cell (kept in the record's notes) */
      others: string[];
      /** the cell was a number (its leading 0 was dropped by the spreadsheet) */
      fromNumber: boolean;
      /** the cell as written, when it held more than one value */
      original?: string;
    }
  | { kind: 'damaged'; original: string }
  | { kind: 'invalid'; error: PhoneError; original: string };

const LABEL = /^\s*(?:no\.?\s*)?(?:hp|wa|telp|tlp|telepon|tel|handphone|whatsapp|kontak)\b\s*[.:]?\s*/i;
const SEPARATORS = /\s*(?:\/|,|;|&|\||\bdan\b|\batau\b)\s*/i;

export function cleanPhone(cell: RawCell | undefined): PhoneClean {
  const r = readDigits(cell);
  if (r.kind === 'empty') return r;
  if (r.kind === 'scientific') return { kind: 'damaged', original: r.text };
  if (r.kind === 'digits') {
    const p = parsePhone(r.digits);
    return p.ok
      ? { kind: 'ok', value: p.value, others: [], fromNumber: r.numeric && !/^(0|62)/.test(r.digits) }
      : { kind: 'invalid', error: p.error, original: r.text };
  }
  const text = r.text.replace(LABEL, '');
  const whole = parsePhone(text);
  if (whole.ok) return { kind: 'ok', value: whole.value, others: [], fromNumber: false };
  const parts = text
    .split(SEPARATORS)
    .map((p) => p.replace(LABEL, '').trim())
    .filter(Boolean);
  const valid = parts.map((p) => parsePhone(p)).flatMap((p) => (p.ok ? [p.value] : []));
  if (parts.length > 1 && valid.length > 0)
    return {
      kind: 'ok',
      value: valid[0]!,
      others: [...new Set(valid.slice(1))].filter((v) => v !== valid[0]),
      fromNumber: false,
      original: r.text,
    };
  return { kind: 'invalid', error: whole.error, original: r.text };
}
