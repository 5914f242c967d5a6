import { z } from 'zod';
import type { Role } from '../ipc/access';
import { M, SHORT_MAX, zOptionalNip, zOptionalText, zRequiredText, checkConfirmed } from './common';

/** Kemendagri codes, dotted: province `35`, kabupaten `35.09`, kecamatan `35.09.27`. */
const zCode = (re: RegExp) =>
  z.string({ error: M.required }).trim().regex(re, { error: 'validation.regionCode' });

export const officeProfileSchema = z.object({
  provinceCode: zCode(/^\d{2}$/),
  provinceName: zRequiredText(100),
  regencyCode: zCode(/^\d{2}\.\d{2}$/),
  regencyName: zRequiredText(100),
  districtCode: zCode(/^\d{2}\.\d{2}\.\d{2}$/),
  districtName: zRequiredText(100),
  addressLine1: zRequiredText(200),
  addressLine2: zOptionalText(200),
  phone: zOptionalText(40),
  email: z
    .string()
    .max(200, { error: M.tooLong })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'validation.email' }),
  postalCode: z
    .string()
    .max(SHORT_MAX, { error: M.tooLong })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{5}$/.test(v), { error: 'validation.postalCode' }),
  camatName: zRequiredText(120),
  camatRank: zOptionalText(120),
  camatNip: zOptionalNip,
});
export type OfficeProfileData = z.output<typeof officeProfileSchema>;

export const zPassword = z
  .string({ error: M.required })
  .min(8, { error: 'validation.passwordTooShort' })
  .max(200);

export const setupSchema = z
  .object({
    office: officeProfileSchema,
    admin: z.object({
      username: z
        .string({ error: M.required })
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' }),
      fullName: zRequiredText(120),
      password: zPassword,
      passwordConfirm: z.string().max(200),
    }),
    backupPassphrase: z
      .string({ error: M.required })
      .min(10, { error: 'validation.passphraseTooShort' })
      .max(200),
    backupPassphraseConfirm: z.string().max(200),
    /**
     * The letters' archive classification code, confirmed at set-up: 500.9 Perindustrian in the list of
     * Permendagri 83/2022 (docs/letters.md); a region whose own rules give another code types it here.
     */
    letterClassificationCode: z
      .string()
      .trim()
      .max(30, { error: M.tooLong })
      .regex(/^\d{3}(\.\d{1,3}){0,3}$/, { error: 'validation.classificationCode' })
      .default('500.9'),
  })
  .superRefine((v, ctx) => {
    checkConfirmed(
      ctx,
      v.admin.password,
      v.admin.passwordConfirm,
      ['admin', 'passwordConfirm'],
      'validation.passwordMismatch',
    );
    checkConfirmed(
      ctx,
      v.backupPassphrase,
      v.backupPassphraseConfirm,
      ['backupPassphraseConfirm'],
      'validation.passphraseMismatch',
    );
  });
export type SetupInput = z.input<typeof setupSchema>;

export const loginSchema = z.object({
  username: z
    .string({ error: M.required })
    .max(SHORT_MAX, { error: M.tooLong })
    .trim()
    .toLowerCase()
    .min(1, { error: M.required }),
  password: z.string({ error: M.required }).max(200, { error: M.tooLong }).min(1, { error: M.required }),
});

export interface Office extends OfficeProfileData {
  id: number;
  uuid: string;
  createdAt: string;
  updatedAt: string;
}

export interface SessionUser {
  id: number;
  uuid: string;
  username: string;
  fullName: string;
  role: Role;
}

export type Language = 'id' | 'en';

export interface AppInfo {
  setUp: boolean;
  office: Office | null;
  user: SessionUser | null;
  /** this client's session ended by itself (idle time-out): the sign-in page says so */
  sessionEnded: 'idle' | null;
  /** a signed-in session ends after this many seconds without activity */
  idleTimeoutSeconds: number;
  language: Language;
  appVersion: string;
  schemaVersion: number;
  /** Set when the app could not start (a failed migration, a database newer than the app). */
  startupError: {
    code: 'MIGRATION_FAILED' | 'SCHEMA_TOO_NEW' | 'OPEN_FAILED';
    detail: string;
    backupPath: string | null;
  } | null;
  /** Where the data lives, shown in settings and the about box. */
  dataDir: string;
  /**
   * The stored keys do not open with this PC's machine key (lost, or the database came from another PC):
   * the app shows the key-recovery page (backup:recoverKeys).
   */
  keysUnavailable: boolean;
}
