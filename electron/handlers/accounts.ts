import { dbOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
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
  'user:create': serviceHandler(createUser),
  'user:update': serviceHandler(updateUser),
  'user:setDisabled': serviceHandler(setDisabled),
  'user:resetPassword': serviceHandler(resetPassword),
  'user:unlock': serviceHandler(unlockUser),
  'auth:changePassword': async (input, ctx) => {
    await changeOwnPassword(ctx, input);
    return { ok: true as const };
  },
  'audit:list': (input, ctx) => listAudit(dbOf(ctx), input),
  'audit:filters': (_i, ctx) => auditFilters(dbOf(ctx)),
  'audit:export': (input, ctx) => exportAudit(dbOf(ctx), input, ctx.now()),
};
