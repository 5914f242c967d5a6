import { isoDay } from './nik';
import { fixedDigits } from './digits';

/**
 * NIP (Nomor Induk Pegawai) of a civil servant (PNS), the signer's number on a letter: 18 digits
 * `YYYYMMDD YYYYMM G NNN` (Peraturan Kepala BKN 22/2007):
 * - digits 1–8: date of birth;
 * - digits 9–14: year and month of appointment as CPNS (TMT CPNS);
 * - digit 15: sex, 1 = male, 2 = female;
 * - digits 16–18: serial, 001–999.
 *
 * The rules checked (each fails with its own message):
 * - the birth date exists in the calendar, in 1940 or later (the 18-digit NIP was issued from 2008 to serving
 *   civil servants; none born earlier is still in service, the latest retirement age being 70) and not after
 *   today;
 * - the appointment month is 01–12, not after the current month, and not before the month the person turned
 *   18: the minimum age for applying as CPNS is 18 (PP 11/2017 Pasal 23). The rule compares months,
 *   not days, because the TMT is always the first of a month; someone born on 20 March 2000 passes with an
 *   appointment in March 2018. No upper age is checked: honorary staff were appointed well past 35;
 * - the sex digit is 1 or 2;
 * - the serial is not 000.
 */
export type NipError = 'length' | 'digits' | 'birthDate' | 'appointment' | 'sex' | 'serial';

export interface NipInfo {
  /** yyyy-mm-dd */
  birthDate: string;
  /** yyyy-mm, the TMT CPNS */
  appointment: string;
  sex: 'L' | 'P';
  serial: string;
}

export type NipResult = { ok: true; info: NipInfo } | { ok: false; error: NipError };

/** The earliest year of birth accepted (see above). */
export const NIP_MIN_BIRTH_YEAR = 1940;
/** Minimum age for appointment as CPNS. */
export const NIP_MIN_APPOINTMENT_AGE = 18;

/** Strips the separators a clerk may type: spaces (the printed grouping 8-6-1-3), dots and dashes. */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseNip(raw: string, today: Date = new Date()): NipResult {
  const checked = fixedDigits(normalizeNip(raw), 18);
  if (!checked.ok) return checked;
  const nip = checked.digits;
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const todayIso = isoDay(today);
  if (!validDate(by, bm, bd) || by < NIP_MIN_BIRTH_YEAR || birthDate > todayIso)
    return { ok: false, error: 'birthDate' };
  const am = Number(nip.slice(12, 14));
  const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  const earliest = `${String(by + NIP_MIN_APPOINTMENT_AGE).padStart(4, '0')}-${nip.slice(4, 6)}`;
  if (am < 1 || am > 12 || appointment < earliest || appointment > todayIso.slice(0, 7))
    return { ok: false, error: 'appointment' };
  const g = nip[14];
  if (g !== '1' && g !== '2') return { ok: false, error: 'sex' };
  const serial = nip.slice(15);
  if (serial === '000') return { ok: false, error: 'serial' };
  return { ok: true, info: { birthDate, appointment, sex: g === '1' ? 'L' : 'P', serial } };
}

/** i18n key for a NIP error. */
export function nipErrorKey(error: NipError): string {
  return `validation.nip.${error}`;
}
