/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`.
 * Province, kabupaten/kota and kecamatan of first registration; date of birth with day + 40 for women;
 * a serial. There is no check digit. Structural errors block; region mismatches are only warnings
 * (checked elsewhere against the region table, because codes change after pemekaran).
 */
export type NikError = 'length' | 'digits' | 'month' | 'day' | 'date';

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

/** Strips spaces, dots and dashes a clerk may type or paste. */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a NIK. `today` decides the century of the year of birth: a two-digit year greater than the
 * current two-digit year is 19yy, otherwise 20yy.
 */
export function parseNik(raw: string, today: Date = new Date()): NikResult {
  const nik = normalizeNik(raw);
  if (!/^\d*$/.test(nik)) return { ok: false, error: 'digits' };
  if (nik.length !== 16) return { ok: false, error: 'length' };
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
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    info: {
      provinceCode: nik.slice(0, 2),
      regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
      districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      sex,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      serial: nik.slice(12, 16),
    },
  };
}

/** i18n key for a NIK error. */
export function nikErrorKey(error: NikError): string {
  return `validation.nik.${error}`;
}

/** `3509••••••••0001`: enough to recognise, not enough to misuse (UU PDP 27/2022). */
export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '';
  const n = normalizeNik(nik);
  if (n.length < 8) return '•'.repeat(n.length);
  return n.slice(0, 4) + '•'.repeat(n.length - 8) + n.slice(-4);
}
