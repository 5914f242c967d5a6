/**
 * Indonesian phone numbers, normalised to E.164 with the +62 prefix so one person's number is stored (and
 * matched for duplicates) one way: `0812-3456-7890`, `62 812 3456 7890`, `+62812…` and `812…` all become
 * `+6281234567890`; a landline `(0331) 591234` becomes `+62331591234`.
 *
 * The rules, on the national number (what follows the trunk 0 or the country code 62):
 * - mobile: 8, then 1–9 (the 08xx prefixes of the operators), 9–12 digits in all: 10–13 digits written with the
 *   leading 0 (0812-3456-7890), as the message says;
 * - landline: an area code starting 2–7 or 9 (021 Jakarta, 0331 Jember, 0911 Ambon) and the subscriber number,
 *   8–10 digits in all: 9–11 digits written with the leading 0 (021-1234-5678, 0331-591234);
 * - a landline must be written with its 0 (or +62/62): a bare `2123456` or `331591234` is refused, because
 *   without it the area code cannot be told from the number; a bare mobile `812…` is unambiguous and accepted;
 * - 62 without + is the country code only when a valid number follows: `622123456` (62 + seven digits) is
 *   refused, not stored as `+622123456`;
 * - anything else after the 0 (`0123456789`, 0800 free-phone numbers, a second 0) is refused.
 */
export type PhoneError = 'digits' | 'prefix' | 'mobileLength' | 'landlineLength';
export type PhoneResult = { ok: true; value: string; mobile: boolean } | { ok: false; error: PhoneError };

/** Digits in the national number (without the 0): mobile 9–12, landline 8–10. */
export const PHONE_NATIONAL_LENGTH = { mobile: [9, 12], landline: [8, 10] } as const;

/** Parses and normalises. Accepts spaces, dots, dashes, slashes and brackets a clerk may type. */
export function parsePhone(raw: string): PhoneResult {
  const stripped = raw.trim().replace(/[\s.\-()/]/g, '');
  if (!/^\+?\d+$/.test(stripped)) return { ok: false, error: 'digits' };
  let national: string;
  let bare = false;
  if (stripped.startsWith('+')) {
    if (!stripped.startsWith('+62')) return { ok: false, error: 'prefix' };
    national = stripped.slice(3);
  } else if (stripped.startsWith('0')) national = stripped.slice(1);
  else if (stripped.startsWith('62')) national = stripped.slice(2);
  else {
    national = stripped;
    bare = true;
  }
  const mobile = /^8[1-9]/.test(national);
  const landline = /^[2-79]/.test(national) && !bare;
  if (!mobile && !landline) return { ok: false, error: 'prefix' };
  const [min, max] = PHONE_NATIONAL_LENGTH[mobile ? 'mobile' : 'landline'];
  if (national.length < min || national.length > max)
    return { ok: false, error: mobile ? 'mobileLength' : 'landlineLength' };
  return { ok: true, value: `+62${national}`, mobile };
}

/** The normalised form, or null when the input is not a valid Indonesian number. */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const r = parsePhone(raw);
  return r.ok ? r.value : null;
}

export function phoneErrorKey(error: PhoneError): string {
  return `validation.phone.${error}`;
}

/** `+62 812-3456-7890` for display. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^\+62(\d+)$/.exec(value);
  if (!m) return value;
  const n = m[1]!;
  if (n.startsWith('8')) return `+62 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  return `+62 ${n}`;
}

/** `+62 812-••••-7890`: enough to recognise. */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length < 8) return '•'.repeat(value.length);
  // short numbers keep less, so the mask never reveals the whole value (nor asks for a negative repeat)
  if (value.length <= 12) return value.slice(0, 3) + '•'.repeat(value.length - 5) + value.slice(-2);
  return value.slice(0, 6) + '•'.repeat(value.length - 10) + value.slice(-4);
}
