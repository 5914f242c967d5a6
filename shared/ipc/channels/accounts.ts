import { admin, channel, noInput, viewer } from '../define';
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

/** Users (admin), one's own password (anyone signed in), the audit trail (admin). */
export const accountChannels = {
  'user:list': channel<UserSummary[]>()(noInput, admin),
  'user:create': channel<UserSummary>()(userCreateSchema, admin),
  'user:update': channel<UserSummary>()(userUpdateSchema, admin),
  'user:setDisabled': channel<UserSummary>()(userDisableSchema, admin),
  'user:resetPassword': channel<UserSummary>()(userResetPasswordSchema, admin),
  'user:unlock': channel<UserSummary>()(userIdSchema, admin),
  'auth:changePassword': channel<{ ok: true }>()(changePasswordSchema, viewer),
  'audit:list': channel<AuditPage>()(auditQuerySchema, admin),
  'audit:filters': channel<AuditFilters>()(noInput, admin),
  'audit:export': channel<AuditExport>()(auditQuerySchema, admin),
} as const;
