import { z } from 'zod';
import { M, zId, zRequiredText, checkConfirmed } from './common';
import { zPassword } from './office';
import { ROLES, type Role } from '../ipc/access';

/**
 * Accounts and roles (issue 10). Roles, from least to most:
 * - viewer: the Camat or a kabupaten visitor — reads and reports; NIK and phone masked in every answer.
 * - operator: the clerk — registers, edits, letters, permits, activities, backup.
 * - admin: settings, users, restore, keys; everything an operator does.
 */
export const USER_ROLES = ROLES;
export type UserRole = Role;

export const zUsername = z
  .string({ error: M.required })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' });

export const userCreateSchema = z
  .object({
    username: zUsername,
    fullName: zRequiredText(120),
    role: z.enum(USER_ROLES, { error: M.required }),
    password: zPassword,
    passwordConfirm: z.string().max(200),
  })
  .superRefine((v, ctx) => {
    checkConfirmed(ctx, v.password, v.passwordConfirm, ['passwordConfirm'], 'validation.passwordMismatch');
  });
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  id: zId,
  fullName: zRequiredText(120),
  role: z.enum(USER_ROLES, { error: M.required }),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export const userIdSchema = z.object({ id: zId });

export const userDisableSchema = z.object({ id: zId, disabled: z.boolean() });

export const userResetPasswordSchema = z
  .object({ id: zId, password: zPassword, passwordConfirm: z.string().max(200) })
  .superRefine((v, ctx) => {
    checkConfirmed(ctx, v.password, v.passwordConfirm, ['passwordConfirm'], 'validation.passwordMismatch');
  });
export type UserResetPasswordInput = z.input<typeof userResetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    oldPassword: z.string({ error: M.required }).min(1, { error: M.required }).max(200),
    newPassword: zPassword,
    newPasswordConfirm: z.string().max(200),
  })
  .superRefine((v, ctx) => {
    checkConfirmed(
      ctx,
      v.newPassword,
      v.newPasswordConfirm,
      ['newPasswordConfirm'],
      'validation.passwordMismatch',
    );
    if (v.newPassword === v.oldPassword)
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'validation.passwordSame' });
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export interface UserSummary {
  id: number;
  uuid: string;
  username: string;
  fullName: string;
  role: UserRole;
  disabled: boolean;
  disabledAt: string | null;
  /** wrong passwords in a row */
  failedAttempts: number;
  /** locked until this ISO time (null or past: not locked) */
  lockedUntil: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
}

/** yyyy-mm-dd */
const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .nullish()
  .transform((v) => v ?? null);

export const auditQuerySchema = z.object({
  userId: zId.nullish().transform((v) => v ?? null),
  table: z
    .string()
    .max(64)
    .regex(/^[a-z_]*$/)
    .nullish()
    .transform((v) => v || null),
  recordId: zId.nullish().transform((v) => v ?? null),
  /** from this day (inclusive, local office day as written by the clerk) */
  from: zDay,
  /** to this day (inclusive) */
  to: zDay,
  /** sign-ins and failed sign-ins only */
  signInsOnly: z.boolean().optional().default(false),
  /** rows older than this id (paging from newest) */
  beforeId: zId.nullish().transform((v) => v ?? null),
  limit: z.number().int().min(1).max(500).optional().default(100),
});
export type AuditQueryInput = z.input<typeof auditQuerySchema>;

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryView {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  table: string;
  recordId: number | null;
  recordUuid: string | null;
  action: string;
  reason: string | null;
  /** field by field; NIK and phone masked (the viewer needs to see that they changed, not the values) */
  changes: AuditChange[];
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** pass as beforeId for the next (older) page; null at the end */
  nextBeforeId: number | null;
}

export interface AuditFilters {
  users: { id: number | null; name: string }[];
  tables: string[];
}

/** Export: at most this many rows at once (narrow the filter for more). */
export const AUDIT_EXPORT_MAX = 20_000;

export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
  truncated: boolean;
}
