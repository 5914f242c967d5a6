/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`.
 * Province, kabupaten/kota and kecamatan of first registration; date of birth with day + 40 for women;
 * a serial. There is no check digit. Structural errors block (length, digits, a month, day or date that
 * does not exist, a birth date after today); what is only unusual warns (`nikWarnings`: under 17, serial
 * 0000); region mismatches are only warnings too (checked elsewhere against the region table, because
 * codes change after pemekaran).
 */
import { fixedDigits } from './digits';

export type NikError = 'length' | 'digits' | 'month' | 'day' | 'date' | 'future';

export interface NikInfo {
  provinceCode: string; // "35"
  regencyCode: string; // "35.09"
  districtCode: string; // "35.09.27"
  sex: 'L' | 'P';
  /** ISO date yyyy-mm-dd */
  birthDate: string;
  serial: string;
}

export type NikResult = { ok: true; info: NikInfo } | { ok: false; error: NikError };

/**
 * Strips the separators a clerk may type or paste: spaces, dots, dashes and slashes. The one normaliser for
 * the NIK: the form's preview, the schemas and the searches all use it, so the preview never shows a NIK
 * the save then refuses.
 */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s./-]/g, '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `today` as a local calendar date, yyyy-mm-dd. */
export function isoDay(today: Date): string {
  return `${today.getFullYear()}-${pad2(today.getMonth() + 1)}-${pad2(today.getDate())}`;
}

/** Whole years from `birthDate` (yyyy-mm-dd) to `today`. */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const t = isoDay(today);
  const ty = Number(t.slice(0, 4));
  const before = t.slice(5) < `${pad2(m)}-${pad2(d)}`;
  return ty - y - (before ? 1 : 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a NIK. `today` decides the century of the year of birth: a two-digit year greater than the
 * current two-digit year is 19yy, otherwise 20yy (domain.md §1.2). A birth date after `today` is refused
 * (`future`): `3509270312260001` on 2 December 2026 would be born tomorrow. (The one person this refuses
 * wrongly would be turning 100 later this year; a typing error is far likelier.)
 */
export function parseNik(raw: string, today: Date = new Date()): NikResult {
  const checked = fixedDigits(normalizeNik(raw), 16);
  if (!checked.ok) return checked;
  const nik = checked.digits;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (month < 1 || month > 12) return { ok: false, error: 'month' };
  let sex: 'L' | 'P' = 'L';
  if (day >= 41 && day <= 71) {
    sex = 'P';
    day -= 40;
  } else if (day < 1 || day > 31) {
    return { ok: false, error: 'day' };
  }
  const currentYy = today.getFullYear() % 100;
  const century = yy > currentYy ? 1900 : 2000;
  const year = century + yy;
  if (day > daysInMonth(year, month)) return { ok: false, error: 'date' };
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (birthDate > isoDay(today)) return { ok: false, error: 'future' };
  return {
    ok: true,
    info: {
      provinceCode: nik.slice(0, 2),
      regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
      districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      sex,
      birthDate,
      serial: nik.slice(12, 16),
    },
  };
}

/** i18n key for a NIK error. */
export function nikErrorKey(error: NikError): string {
  return `validation.nik.${error}`;
}

/** Age at which a KTP (and so a NIK on an ID card) is normally issued; younger owners get a warning. */
export const NIK_ADULT_AGE = 17;

export interface NikWarning {
  code: 'underAge' | 'serialZero';
  /** i18n key */
  key: string;
  params: Record<string, string>;
}

/**
 * What is unusual but possible in a valid NIK: warnings to show beside the field, never errors (domain.md
 * §1.2). `underAge`: the owner would be under 17 on `today` (a child's NIK from a KIA, or the child's NIK typed
 * instead of the parent's). `serialZero`: the last four digits are 0000 (serials run from 0001). None for a
 * NIK that does not parse: the error says what is wrong.
 */
export function nikWarnings(raw: string, today: Date = new Date()): NikWarning[] {
  const r = parseNik(raw, today);
  if (!r.ok) return [];
  const out: NikWarning[] = [];
  const age = ageOn(r.info.birthDate, today);
  if (age < NIK_ADULT_AGE)
    out.push({ code: 'underAge', key: 'validation.nikWarning.underAge', params: { age: String(age) } });
  if (r.info.serial === '0000')
    out.push({ code: 'serialZero', key: 'validation.nikWarning.serialZero', params: {} });
  return out;
}

/** `3509••••••••0001`: enough to recognise, not enough to misuse (UU PDP 27/2022). */
export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '';
  const n = normalizeNik(nik);
  if (n.length < 8) return '•'.repeat(n.length);
  return n.slice(0, 4) + '•'.repeat(n.length - 8) + n.slice(-4);
}
