import { parseNik } from './nik';

/**
 * NPWP (domain.md §1.1–1.2):
 * - legacy: 15 digits `99.999.999.9-999.999` (type 2, serial 6, check digit 1, KPP 3, status 3);
 * - new (PMK 112/PMK.03/2022): 16 digits. For resident individuals the NIK is the NPWP; for other taxpayers
 *   it is "0" in front of the old 15 digits ("NPWP badan (format baru)").
 * The check digit of the legacy number follows a community-described rule (alternating ×1/×2 over the first
 * eight digits, digit sum, up to the next ten). A mismatch is only a warning: the rule is not published by DJP.
 * A number of zeros only is refused: it passes that rule, but no taxpayer has it.
 *
 * Display: the legacy number keeps its dotted form `99.999.999.9-999.999`. PMK 112/PMK.03/2022 sets no
 * separator pattern for the 16-digit NPWP (it is a plain 16-digit number, like the NIK it often is); we show it
 * in groups of four separated by spaces, `0012 3456 7890 1000`, so a clerk can read it out and check it, and so
 * it is never mistaken for the dotted 15-digit form (the badan number used to be shown as `0` followed by the
 * old dotted number, a hybrid of both).
 */
export type NpwpKind = 'legacy15' | 'badan16' | 'nik16' | 'other16';
export type NpwpError = 'digits' | 'length' | 'zero';
export type NpwpWarning = 'checkDigit' | 'notNik';

export type NpwpResult =
  | { ok: true; digits: string; kind: NpwpKind; formatted: string; warnings: NpwpWarning[] }
  | { ok: false; error: NpwpError };

export function normalizeNpwp(raw: string): string {
  return raw.replace(/[\s.\-/]/g, '');
}

/** The expected 9th digit of a legacy 15-digit NPWP. */
export function legacyCheckDigit(digits15: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const p = Number(digits15[i]) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

export function legacyCheckDigitOk(digits15: string): boolean {
  return /^\d{15}$/.test(digits15) && legacyCheckDigit(digits15) === Number(digits15[8]);
}

/** 99.999.999.9-999.999 */
export function formatLegacyNpwp(d: string): string {
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12, 15)}`;
}

/** 9999 9999 9999 9999 */
export function format16Npwp(d: string): string {
  return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)} ${d.slice(12, 16)}`;
}

/** An NPWP as stored (digits) for display: dotted when 15 digits, groups of four when 16, else as it is. */
export function formatNpwp(value: string | null | undefined): string {
  if (!value) return '';
  const d = normalizeNpwp(value);
  if (/^\d{15}$/.test(d)) return formatLegacyNpwp(d);
  if (/^\d{16}$/.test(d)) return format16Npwp(d);
  return value;
}

/** What a well-formed 15- or 16-digit NPWP is, and what is unusual about it. */
function kindOf(d: string): { kind: NpwpKind; warning: NpwpWarning | null } {
  if (d.length === 15) return { kind: 'legacy15', warning: legacyCheckDigitOk(d) ? null : 'checkDigit' };
  // "0" in front of the old 15 digits: the badan number in the new format
  if (d.startsWith('0'))
    return { kind: 'badan16', warning: legacyCheckDigitOk(d.slice(1)) ? null : 'checkDigit' };
  return parseNik(d).ok ? { kind: 'nik16', warning: null } : { kind: 'other16', warning: 'notNik' };
}

export function parseNpwp(raw: string): NpwpResult {
  const d = normalizeNpwp(raw);
  if (!/^\d+$/.test(d)) return { ok: false, error: 'digits' };
  if (d.length !== 15 && d.length !== 16) return { ok: false, error: 'length' };
  if (/^0+$/.test(d)) return { ok: false, error: 'zero' };
  const { kind, warning } = kindOf(d);
  return { ok: true, digits: d, kind, formatted: formatNpwp(d), warnings: warning ? [warning] : [] };
}

export function npwpErrorKey(error: NpwpError): string {
  return `validation.npwp.${error}`;
}
