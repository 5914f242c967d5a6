import { dbOf } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import { auditFilters, exportAudit, listAudit } from '../services/audit-viewer';
import { changeOwnPassword } from '../services/auth';
import { createUser, listUsers, resetPassword, setDisabled, unlockUser, updateUser } from '../services/users';

/** Who may call each channel is declared in shared/ipc/channels/accounts.ts (admin; own password: anyone). */
export const accountHandlers: PartialHandlers<
  | 'user:list'
  | 'user:create'
  | 'user:update'
  | 'user:setDisabled'
  | 'user:resetPassword'
  | 'user:unlock'
  | 'auth:changePassword'
  | 'audit:list'
  | 'audit:filters'
  | 'audit:export'
> = {
  'user:list': (_i, ctx) => listUsers(dbOf(ctx)),
  'user:create': (input, ctx) => createUser(ctx, input),
  'user:update': (input, ctx) => updateUser(ctx, input),
  'user:setDisabled': (input, ctx) => setDisabled(ctx, input),
  'user:resetPassword': (input, ctx) => resetPassword(ctx, input),
  'user:unlock': (input, ctx) => unlockUser(ctx, input),
  'auth:changePassword': async (input, ctx) => {
    await changeOwnPassword(ctx, input);
    return { ok: true as const };
  },
  'audit:list': (input, ctx) => listAudit(dbOf(ctx), input),
  'audit:filters': (_i, ctx) => auditFilters(dbOf(ctx)),
  'audit:export': (input, ctx) => exportAudit(dbOf(ctx), input, ctx.now()),
};
