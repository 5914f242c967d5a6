import { z } from 'zod';
import { normalizeNpwp } from '../validators/npwp';
import { parsePhone, phoneErrorKey } from '../validators/phone';
import { M, SHORT_MAX, zOptionalNik, zOptionalText, zRequiredText } from '../schemas/common';

/** A short typed value (a number, a code, a date) as text: bounded like every channel input (issue 10). */
const zShort = () => z.string().max(SHORT_MAX, { error: M.tooLong });

/**
 * The zod types behind the field kinds of `field.ts`. Messages are i18n keys (see schemas/common.ts). Each
 * accepts what a form input holds (strings, '' for empty) and what main receives (numbers, null).
 */

/**
 * Plain Rupiah as a clerk writes it: digits, optionally grouped with dots (150.000.000) and an "Rp" in front.
 * Anything else, such as `1.5e9`, `1,5 M` or `1.5`, is refused rather than guessed at (Number("15e9") would
 * read `1.5e9` with its dot removed as Rp15.000.000.000).
 */
export const PLAIN_RUPIAH = /^(?:rp\.?\s*)?(?:\d{1,3}(?:\.\d{3})+|\d+)$/i;

/**
 * An optional whole number sent as a number or typed as text: empty → null. `fromText` reads typed text, or
 * refuses it with a message; `refuse` gives the message for a number out of bounds, or null when it is fine.
 */
const zOptionalWhole = (
  fromText: (text: string) => number | { error: string },
  refuse: (n: number) => string | null,
) =>
  z
    .union([z.number(), zShort(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined) return null;
      const text = typeof v === 'string' ? v.trim() : null;
      if (text === '') return null;
      const n = text === null ? (v as number) : fromText(text);
      const message = typeof n === 'number' ? refuse(n) : n.error;
      if (message !== null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n as number; // no message: `refuse` passed it, so it is a number
    });

export const zOptionalInt = (max = Number.MAX_SAFE_INTEGER) =>
  zOptionalWhole(
    (text) =>
      PLAIN_RUPIAH.test(text)
        ? Number(text.replace(/^rp\.?\s*/i, '').replace(/\./g, ''))
        : { error: 'validation.rupiahPlain' },
    (n) =>
      !Number.isInteger(n)
        ? 'validation.wholeNumber'
        : n < 0
          ? 'validation.outOfRange'
          : n > max
            ? 'validation.tooLarge'
            : null,
  );

/**
 * A count of people or things: empty → null (unknown, never read as 0: issue 11 item 9). Text must be plain
 * digits, so `1e3`, `1,5` or `-1` are refused rather than guessed at.
 */
export const zCount = (max = 100_000) =>
  zOptionalWhole(
    (text) => (/^\d+$/.test(text) ? Number(text) : { error: 'validation.wholeNumber' }),
    (n) => (Number.isInteger(n) && n >= 0 && n <= max ? null : 'validation.wholeNumber'),
  );

/**
 * An optional number sent as a number or typed as text: empty → null; `read` makes it a number, and one that is
 * not `ok` is refused with `message`.
 */
const zOptionalNumber = (read: (v: number | string) => number, ok: (n: number) => boolean, message: string) =>
  z
    .union([z.number(), zShort(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null;
      const n = read(v);
      if (!ok(n)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** Optional non-negative decimal; a comma is the decimal separator. */
export const zOptionalDecimal = () =>
  zOptionalNumber(
    (v) => (typeof v === 'number' ? v : Number(String(v).replace(',', '.'))),
    (n) => Number.isFinite(n) && n >= 0,
    'validation.outOfRange',
  );

/** Year between 1900 and this year. */
export const zOptionalYear = () =>
  zOptionalNumber(
    Number,
    (n) => Number.isInteger(n) && n >= 1900 && n <= new Date().getFullYear(),
    'validation.year',
  );

/** RT/RW: 1–3 digits, stored zero-padded to three ("5" → "005"). */
export const zRtRw = () =>
  zShort()
    .nullish()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (!/^\d{1,3}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'validation.rtRw' });
        return z.NEVER;
      }
      return s.padStart(3, '0');
    });

/** Phone: optional; normalised to +62…. */
export const zOptionalPhone = zShort()
  .nullish()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (!s) return null;
    const r = parsePhone(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: phoneErrorKey(r.error) });
      return z.NEVER;
    }
    return r.value;
  });

/** yyyy-mm-dd or empty. */
export const zOptionalDate = () =>
  zShort()
    .nullish()
    .transform((v) => (v ? v.trim() : null))
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: 'validation.date',
    });

/** KBLI code: five digits or empty. */
export const zOptionalKbli = () =>
  zShort()
    .nullish()
    .transform((v) => (v ? v.trim() : null))
    .refine((v) => v === null || /^\d{5}$/.test(v), { error: 'validation.kbli' });

/** One of a list of codes, or empty ('' / null). */
export const zEnumOrNull = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/** One of a list of codes with a default when empty. */
export const zEnumDefault = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .enum(values)
    .nullish()
    .transform((v): T[number] => v ?? fallback);

/** A set of codes (duplicates dropped). */
export const zEnumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length * 2)
    .nullish()
    .transform((v): T[number][] => [...new Set(v ?? [])]);

export const zBool = () =>
  z
    .boolean()
    .nullish()
    .transform((v) => v ?? false);

/** NPWP: normalised here; checked by the record's cross-field rule (it may be "same as NIK"). */
export const zOptionalNpwp = () =>
  zShort()
    .nullish()
    .transform((v) => (v ? normalizeNpwp(v) : null));

export { zOptionalNik, zOptionalText, zRequiredText };
