import { channel, noInput } from '../define';
import {
  auditQuerySchema,
  changePasswordSchema,
  userCreateSchema,
  userDisableSchema,
  userIdSchema,
  userResetPasswordSchema,
  userUpdateSchema,
  type AuditExport,
  type AuditFilters,
  type AuditPage,
  type UserSummary,
} from '../../schemas/accounts';

/** Users (admin), one's own password (anyone signed in), the audit viewer (admin). */
export const accountChannels = {
  'user:list': channel<UserSummary[]>()(noInput),
  'user:create': channel<UserSummary>()(userCreateSchema),
  'user:update': channel<UserSummary>()(userUpdateSchema),
  'user:setDisabled': channel<UserSummary>()(userDisableSchema),
  'user:resetPassword': channel<UserSummary>()(userResetPasswordSchema),
  'user:unlock': channel<UserSummary>()(userIdSchema),
  'auth:changePassword': channel<{ ok: true }>()(changePasswordSchema),
  'audit:list': channel<AuditPage>()(auditQuerySchema),
  'audit:filters': channel<AuditFilters>()(noInput),
  'audit:export': channel<AuditExport>()(auditQuerySchema),
} as const;
