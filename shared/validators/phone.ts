/**
 * Indonesian phone numbers, normalised to E.164 with the +62 prefix so one person's number is stored (and
 * matched for duplicates) one way: `0812-3456-7890`, `62 812 3456 7890`, `+62812…` and `812…` all become
 * `+6281234567890`; a landline `(0331) 591234` becomes `+62331591234`.
 */
export type PhoneError = 'digits' | 'length' | 'prefix';
export type PhoneResult = { ok: true; value: string; mobile: boolean } | { ok: false; error: PhoneError };

/** Parses and normalises. Accepts spaces, dots, dashes and brackets a clerk may type. */
export function parsePhone(raw: string): PhoneResult {
  const trimmed = raw.trim();
  const stripped = trimmed.replace(/[\s.\-()/]/g, '');
  if (!/^\+?\d+$/.test(stripped)) return { ok: false, error: 'digits' };
  let national: string;
  if (stripped.startsWith('+')) {
    if (!stripped.startsWith('+62')) return { ok: false, error: 'prefix' };
    national = stripped.slice(3);
  } else if (stripped.startsWith('62')) national = stripped.slice(2);
  else if (stripped.startsWith('0')) national = stripped.slice(1);
  else national = stripped;
  if (national.startsWith('0')) return { ok: false, error: 'prefix' };
  // Mobile: 8xx + 7–10 more digits (10–13 national digits); landline: area code + number, 7–11 digits.
  const mobile = national.startsWith('8');
  const len = national.length;
  if (mobile ? len < 9 || len > 13 : len < 7 || len > 11) return { ok: false, error: 'length' };
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
  if (value.length < 8) return value;
  return value.slice(0, 6) + '•'.repeat(value.length - 10) + value.slice(-4);
}
