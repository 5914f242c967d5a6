/**
 * Permit numbers (domain.md §1.1–1.2), one validator for the form and the main side. A permit type carries a
 * `numberRule` (data in `permit_types`, so an office's own types use `free`):
 *
 * - `nib`: exactly 13 digits (spaces, dots and dashes a clerk types are dropped). Refused otherwise.
 * - `pirt`: the number on an SPP-IRT, written `P-IRT No. 2063509010123-27`. The prefix, spaces, dots and
 *   dashes are dropped; 15 digits (16 accepted: some kabupaten run the IRTP serial to 5 digits) —
 *   d1 packaging code 1–8, d2–3 food-type code, d4–7 province + kab/kota code, …, the last two digits the
 *   year the certificate expires. Wrong length, non-digits, packaging 0/9 or food type 00: refused.
 *   Region digits other than the business's kabupaten, a food-type code outside the 01–16 of the BPOM list,
 *   or expiry-year digits other than the dates entered: a **warning** (BPOM uses its own annex of region codes,
 *   regions split, old certificates exist), saved and shown beside the permit.
 * - `halal`: `ID` then digits (BPJPH); stored without spaces, upper case.
 * - `bpom`: `MD` or `ML` then 12 digits (`BPOM RI MD 123456789012`); 13–15 digits are accepted with a
 *   warning (newer numbers are said to be longer, unverified).
 * - `free`: any text up to 100 characters (SKU, IUMK, SNI certificates, merek, an office's own types).
 *
 * `numberKey` is the number reduced to upper-case letters and digits: duplicates and the search compare it.
 */
export const NUMBER_RULES = ['nib', 'pirt', 'halal', 'bpom', 'free'] as const;
export type NumberRule = (typeof NUMBER_RULES)[number];

export type PermitNumberError =
  | 'required'
  | 'tooLong'
  | 'nibDigits'
  | 'nibLength'
  | 'pirtDigits'
  | 'pirtLength'
  | 'pirtPackaging'
  | 'pirtFoodType'
  | 'halalPrefix'
  | 'halalDigits'
  | 'halalLength'
  | 'bpomPrefix'
  | 'bpomDigits'
  | 'bpomLength';

export type PermitWarningCode = 'pirtRegion' | 'pirtFoodType' | 'pirtExpiryYear' | 'bpomLength';

export interface PermitWarning {
  code: PermitWarningCode;
  /** i18n interpolation values (the digits read and the value expected) */
  params: Record<string, string>;
}

export type PermitNumberResult =
  | { ok: true; number: string; key: string; warnings: PermitWarning[] }
  | { ok: false; error: PermitNumberError };

export interface PermitNumberContext {
  /** the business's kab/kota, `35.09` or `3509` */
  regencyCode?: string | null;
  /** yyyy-mm-dd */
  issueDate?: string | null;
  validUntil?: string | null;
}

/** P-IRT certificates are valid five years (PerBPOM 22/2018). */
export const PIRT_VALID_YEARS = 5;
/** The food-type codes of the BPOM list the P-IRT number uses (01 dried meat products … 16). */
export const PIRT_FOOD_TYPE_MAX = 16;
export const FREE_NUMBER_MAX = 100;

/** Upper-case letters and digits only: what duplicates and the search compare. */
export function permitNumberKey(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const SEPARATORS = /[\s.\-/]/g;

export function normalizePirt(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/^\s*(?:SPP\s*-?\s*IRT|P\s*-?\s*IRT)\b\s*(?:NO(?:MOR)?\.?)?\s*[:.]?/, '')
    .replace(SEPARATORS, '');
}

/** 2063509010123-27 */
export function formatPirt(digits: string): string {
  return `${digits.slice(0, -2)}-${digits.slice(-2)}`;
}

const yearOf = (iso: string | null | undefined) =>
  iso && /^\d{4}-/.test(iso) ? Number(iso.slice(0, 4)) : null;

function checkPirt(raw: string, c: PermitNumberContext): PermitNumberResult {
  const d = normalizePirt(raw);
  if (!d) return { ok: false, error: 'required' };
  if (!/^\d+$/.test(d)) return { ok: false, error: 'pirtDigits' };
  if (d.length < 15 || d.length > 16) return { ok: false, error: 'pirtLength' };
  const packaging = Number(d[0]);
  if (packaging < 1 || packaging > 8) return { ok: false, error: 'pirtPackaging' };
  const food = Number(d.slice(1, 3));
  if (food === 0) return { ok: false, error: 'pirtFoodType' };
  const warnings: PermitWarning[] = [];
  if (food > PIRT_FOOD_TYPE_MAX) warnings.push({ code: 'pirtFoodType', params: { code: d.slice(1, 3) } });
  const region = d.slice(3, 7);
  const regency = (c.regencyCode ?? '').replace(/\D/g, '').slice(0, 4);
  if (regency.length === 4 && region !== regency)
    warnings.push({ code: 'pirtRegion', params: { digits: region, expected: regency } });
  const yy = d.slice(-2);
  const until = yearOf(c.validUntil);
  const issued = yearOf(c.issueDate);
  const expected = until ?? (issued !== null ? issued + PIRT_VALID_YEARS : null);
  if (expected !== null && String(expected % 100).padStart(2, '0') !== yy)
    warnings.push({ code: 'pirtExpiryYear', params: { digits: yy, expected: String(expected) } });
  return { ok: true, number: formatPirt(d), key: d, warnings };
}

function checkNib(raw: string): PermitNumberResult {
  const d = raw.replace(SEPARATORS, '');
  if (!d) return { ok: false, error: 'required' };
  if (!/^\d+$/.test(d)) return { ok: false, error: 'nibDigits' };
  if (d.length !== 13) return { ok: false, error: 'nibLength' };
  return { ok: true, number: d, key: d, warnings: [] };
}

function checkHalal(raw: string): PermitNumberResult {
  const s = raw.toUpperCase().replace(SEPARATORS, '');
  if (!s) return { ok: false, error: 'required' };
  if (!s.startsWith('ID')) return { ok: false, error: 'halalPrefix' };
  const d = s.slice(2);
  if (!/^\d+$/.test(d)) return { ok: false, error: 'halalDigits' };
  if (d.length < 10 || d.length > 20) return { ok: false, error: 'halalLength' };
  return { ok: true, number: s, key: s, warnings: [] };
}

function checkBpom(raw: string): PermitNumberResult {
  const s = raw
    .toUpperCase()
    .replace(/^\s*(?:BADAN\s*)?(?:B\s*)?POM\s*(?:RI)?\s*/, '')
    .replace(SEPARATORS, '');
  if (!s) return { ok: false, error: 'required' };
  const prefix = s.slice(0, 2);
  if (prefix !== 'MD' && prefix !== 'ML') return { ok: false, error: 'bpomPrefix' };
  const d = s.slice(2);
  if (!/^\d+$/.test(d)) return { ok: false, error: 'bpomDigits' };
  if (d.length < 12 || d.length > 15) return { ok: false, error: 'bpomLength' };
  const warnings: PermitWarning[] =
    d.length === 12 ? [] : [{ code: 'bpomLength', params: { count: String(d.length) } }];
  return { ok: true, number: `${prefix} ${d}`, key: `${prefix}${d}`, warnings };
}

function checkFree(raw: string): PermitNumberResult {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s) return { ok: false, error: 'required' };
  if (s.length > FREE_NUMBER_MAX) return { ok: false, error: 'tooLong' };
  return { ok: true, number: s, key: permitNumberKey(s), warnings: [] };
}

/** Checks and normalises a permit number by its type's rule. */
export function checkPermitNumber(
  rule: NumberRule,
  raw: string,
  context: PermitNumberContext = {},
): PermitNumberResult {
  if (raw.length > 200) return { ok: false, error: 'tooLong' };
  switch (rule) {
    case 'nib':
      return checkNib(raw);
    case 'pirt':
      return checkPirt(raw, context);
    case 'halal':
      return checkHalal(raw);
    case 'bpom':
      return checkBpom(raw);
    case 'free':
      return checkFree(raw);
  }
}

/** The i18n key of a refusal, shown beside the number field. */
export function permitNumberErrorKey(e: PermitNumberError): string {
  return e === 'required' ? 'validation.required' : `validation.permit.number.${e}`;
}

// ── status from the dates ──────────────────────────────────────────────────────────────────────────────

export const PERMIT_STATES = [
  'berlaku',
  'segera_berakhir',
  'kedaluwarsa',
  'dicabut',
  'tanpa_tanggal',
] as const;
export type PermitState = (typeof PERMIT_STATES)[number];
/** "Segera berakhir": ends within this many days. */
export const DUE_DAYS = 90;

/** yyyy-mm-dd + n days (calendar arithmetic on the date alone, no time zone). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/**
 * The state of a permit on `today` (yyyy-mm-dd): dicabut when revoked; berlaku while the business runs when
 * so marked; by the valid-until date otherwise (ended before today → kedaluwarsa; ends within 90 days →
 * segera_berakhir); tanpa_tanggal when neither is known.
 */
export function permitState(
  p: { revokedAt: string | null; whileOperating: boolean; validUntil: string | null },
  today: string,
): PermitState {
  if (p.revokedAt) return 'dicabut';
  if (p.whileOperating) return 'berlaku';
  if (!p.validUntil) return 'tanpa_tanggal';
  if (p.validUntil < today) return 'kedaluwarsa';
  if (p.validUntil <= addDays(today, DUE_DAYS)) return 'segera_berakhir';
  return 'berlaku';
}

// ── scans ──────────────────────────────────────────────────────────────────────────────────────────────

export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The file's type from its first bytes (never from its name): PDF, JPEG or PNG, else null. */
export function sniffScan(head: Uint8Array): ScanMime | null {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d)
    return 'application/pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (
    b(0) === 0x89 &&
    b(1) === 0x50 &&
    b(2) === 0x4e &&
    b(3) === 0x47 &&
    b(4) === 0x0d &&
    b(5) === 0x0a &&
    b(6) === 0x1a &&
    b(7) === 0x0a
  )
    return 'image/png';
  return null;
}
