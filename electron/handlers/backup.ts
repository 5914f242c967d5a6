import { AppError } from '../../shared/errors';
import { dbOf, type AppContext } from '../app/context';
import type { PartialHandlers } from '../ipc/dispatcher';
import {
  applyRestore,
  cancelJob,
  checkRestore,
  discardPlan,
  drivesAndWatch,
  getStatus,
  checkLocalRestore,
  listAutoSnapshots,
  listBackups,
  setKeep,
  startBackup,
  toAppError,
} from '../services/backup/service';
import { pickFolder } from '../services/backup/folder-picker';

/**
 * Restoring must work on a new PC before set-up, so the restore channels are public while the office is not
 * set up; once it is, they need a signed-in user like every other channel.
 */
async function requireUserOrFresh(ctx: AppContext): Promise<void> {
  if (ctx.session.user) return;
  if (await dbOf(ctx).selectFrom('office').select('id').executeTakeFirst())
    throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
}

async function wrap<T>(p: () => Promise<T> | T): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toAppError(e);
  }
}

export const backupHandlers: PartialHandlers<
  | 'backup:drives'
  | 'backup:status'
  | 'backup:start'
  | 'backup:cancel'
  | 'backup:setKeep'
  | 'backup:list'
  | 'backup:restoreCheck'
  | 'backup:restoreLocalCheck'
  | 'backup:restoreApply'
  | 'backup:restoreDiscard'
  | 'backup:autoList'
  | 'backup:pickFolder'
> = {
  'backup:drives': async (_i, ctx) => {
    await requireUserOrFresh(ctx);
    return drivesAndWatch(ctx);
  },
  'backup:status': (_i, ctx) => getStatus(ctx),
  'backup:start': async (input, ctx) => {
    const { jobId } = await wrap(() => startBackup(ctx, input));
    return { jobId };
  },
  'backup:cancel': ({ jobId }, ctx) => cancelJob(ctx, jobId),
  'backup:setKeep': ({ keep }, ctx) => setKeep(ctx, keep),
  'backup:list': async ({ dir }, ctx) => {
    await requireUserOrFresh(ctx);
    return wrap(() => listBackups(dir));
  },
  'backup:restoreCheck': async (input, ctx) => {
    await requireUserOrFresh(ctx);
    return wrap(() => checkRestore(ctx, input));
  },
  'backup:restoreLocalCheck': (input, ctx) => wrap(() => checkLocalRestore(ctx, input)),
  'backup:restoreApply': async ({ planId }, ctx) => {
    await requireUserOrFresh(ctx);
    return wrap(() => applyRestore(ctx, planId));
  },
  'backup:restoreDiscard': async (_i, ctx) => {
    await requireUserOrFresh(ctx);
    discardPlan(ctx);
    return { ok: true as const };
  },
  'backup:autoList': (_i, ctx) => listAutoSnapshots(ctx),
  'backup:pickFolder': async (_i, ctx) => {
    await requireUserOrFresh(ctx);
    return pickFolder();
  },
};
