import { z } from 'zod';
import { nikErrorKey, normalizeNik, parseNik } from '../validators/nik';
import { nipErrorKey, normalizeNip, parseNip } from '../validators/nip';

/**
 * Zod messages are i18n keys. The renderer translates them; main sends them back in field errors.
 * The same schemas run in the form (react-hook-form resolver) and in the main side's dispatcher.
 */
export const M = {
  required: 'validation.required',
  tooLong: 'validation.tooLong',
  tooShort: 'validation.tooShort',
  invalid: 'validation.invalid',
} as const;

/**
 * Input limits (issue 10): every string, array and free-form object a channel accepts carries a bound, so a
 * page or a careless caller cannot store megabytes (test/unit/security/input-limits.test.ts walks every
 * channel's schema and fails on an unbounded one). Identifier-like fields (NIK, phone, numbers typed as text)
 * get `SHORT_MAX`: room for spaces and punctuation, nothing more.
 */
export const SHORT_MAX = 64;

/** Control characters (NUL included) never belong in typed text; tabs and line breaks do. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
export const stripControl = (v: string): string => v.replace(CONTROL, '');

export const zText = (max = 200) =>
  z
    .string({ error: M.required })
    .max(max * 4, { error: M.tooLong })
    .overwrite(stripControl)
    .trim()
    .max(max, { error: M.tooLong });

export const zRequiredText = (max = 200) => zText(max).min(1, { error: M.required });

/** Optional text: empty strings become null. */
export const zOptionalText = (max = 200) =>
  z
    .string()
    .max(max * 4, { error: M.tooLong })
    .overwrite(stripControl)
    .trim()
    .max(max, { error: M.tooLong })
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * A free-form JSON object (a draft kept with a decision): at most `maxBytes` as JSON, `maxKeys` keys, keys of
 * at most 64 characters. The limit shows in the JSON Schema as `maxBytes`.
 */
export const zBoundedJsonObject = (maxBytes = 64 * 1024, maxKeys = 200) =>
  z
    .record(z.string().max(SHORT_MAX), z.unknown())
    .refine((v) => Object.keys(v).length <= maxKeys, { error: M.tooLong })
    .refine(
      (v) => {
        try {
          return JSON.stringify(v).length <= maxBytes;
        } catch {
          return false;
        }
      },
      { error: M.tooLong },
    )
    .meta({ maxBytes });

/**
 * NIK: optional; when given, 16 digits with a valid month and day (women + 40) and a birth date not after
 * today. Normalised to digits by `normalizeNik`, the same function the form's preview uses. Warnings
 * (under 17, serial 0000) are not errors: `nikWarnings` gives them to the form.
 */
export const zOptionalNik = z
  .string()
  .max(SHORT_MAX, { error: M.tooLong })
  .nullish()
  .transform((v) => (v ? normalizeNik(v) : null))
  .superRefine((v, ctx) => {
    if (!v) return;
    const r = parseNik(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: nikErrorKey(r.error) });
  });

export const zId = z.number().int().positive();
export const zUuid = z.uuid({ error: M.invalid });

/**
 * NIP of a signer (office set-up, letter settings): optional; when given, 18 digits whose birth date,
 * CPNS appointment month, sex digit and serial are checked (`parseNip`). Stored as the 18 digits; printed
 * grouped 8-6-1-3.
 */
export const zOptionalNip = z
  .string()
  .max(SHORT_MAX, { error: M.tooLong })
  .nullish()
  .transform((v) => (v && v.trim() ? normalizeNip(v) : null))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const r = parseNip(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: nipErrorKey(r.error) });
  });

/** A list filter's text (a code, a name, the search words): trimmed, empty = no filter (undefined). */
export const zFilterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A list filter's KBLI code or its first digits (105 = all of golongan 105); empty = any. */
export const zKbliPrefix = z
  .string()
  .trim()
  .regex(/^\d{0,5}$/, { error: 'validation.invalid' })
  .optional()
  .transform((v) => (v ? v : undefined));

/** A list's order and window: one of its `sorts`, a direction, and `limit` rows (at most `maxLimit`) from `offset`. */
export function zListWindow<const S extends readonly [string, ...string[]]>(
  sorts: S,
  d: { sort: S[number]; direction: 'asc' | 'desc'; limit: number; maxLimit: number; maxOffset: number },
) {
  return {
    sort: z.enum(sorts).default(d.sort),
    direction: z.enum(['asc', 'desc']).default(d.direction),
    limit: z.number().int().min(1).max(d.maxLimit).default(d.limit),
    offset: z.number().int().min(0).max(d.maxOffset).default(0),
  };
}

/** A value typed twice (password, passphrase): `message` on `path` when the second typing differs. */
export function checkConfirmed(
  ctx: z.RefinementCtx,
  first: string,
  again: string,
  path: (string | number)[],
  message: string,
): void {
  if (first !== again) ctx.addIssue({ code: 'custom', path, message });
}
