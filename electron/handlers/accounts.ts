import { AppError } from '../../shared/errors';
import { dbOf, type AppContext } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import { auditFilters, exportAudit, listAudit } from '../services/audit-viewer';
import { changeOwnPassword } from '../services/auth';
import { createUser, listUsers, resetPassword, setDisabled, unlockUser, updateUser } from '../services/users';

function requireAdmin(ctx: AppContext): void {
  if (ctx.session.user?.role !== 'admin') throw new AppError('UNAUTHENTICATED', 'errors.forbidden');
}

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
  'user:list': (_i, ctx) => (requireAdmin(ctx), listUsers(dbOf(ctx))),
  'user:create': (input, ctx) => (requireAdmin(ctx), createUser(ctx, input)),
  'user:update': (input, ctx) => (requireAdmin(ctx), updateUser(ctx, input)),
  'user:setDisabled': (input, ctx) => (requireAdmin(ctx), setDisabled(ctx, input)),
  'user:resetPassword': (input, ctx) => (requireAdmin(ctx), resetPassword(ctx, input)),
  'user:unlock': (input, ctx) => (requireAdmin(ctx), unlockUser(ctx, input)),
  'auth:changePassword': async (input, ctx) => {
    await changeOwnPassword(ctx, input);
    return { ok: true as const };
  },
  'audit:list': (input, ctx) => (requireAdmin(ctx), listAudit(dbOf(ctx), input)),
  'audit:filters': (_i, ctx) => (requireAdmin(ctx), auditFilters(dbOf(ctx))),
  'audit:export': (input, ctx) => (requireAdmin(ctx), exportAudit(dbOf(ctx), input, ctx.now())),
};
