import type { PartialHandlers } from '../ipc/dispatcher';
import {
  applyRestore,
  changeBackupPassphrase,
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
import { recoverKeys } from '../services/backup/recover-keys';

async function wrap<T>(p: () => Promise<T> | T): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toAppError(e);
  }
}

/** Who may call each channel (restore on a new PC before set-up, too) is in shared/ipc/channels/backup.ts. */
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
  | 'backup:changePassphrase'
  | 'backup:recoverKeys'
> = {
  'backup:drives': (_i, ctx) => drivesAndWatch(ctx),
  'backup:status': (_i, ctx) => getStatus(ctx),
  'backup:start': async (input, ctx) => {
    const { jobId } = await wrap(() => startBackup(ctx, input));
    return { jobId };
  },
  'backup:cancel': ({ jobId }, ctx) => cancelJob(ctx, jobId),
  'backup:setKeep': ({ keep }, ctx) => setKeep(ctx, keep),
  'backup:list': ({ dir }) => wrap(() => listBackups(dir)),
  'backup:restoreCheck': (input, ctx) => wrap(() => checkRestore(ctx, input)),
  'backup:restoreLocalCheck': (input, ctx) => wrap(() => checkLocalRestore(ctx, input)),
  'backup:restoreApply': ({ planId }, ctx) => wrap(() => applyRestore(ctx, planId)),
  'backup:restoreDiscard': (_i, ctx) => {
    discardPlan(ctx);
    return { ok: true as const };
  },
  'backup:autoList': (_i, ctx) => listAutoSnapshots(ctx),
  'backup:pickFolder': (_i, ctx) => pickFolder(ctx),
  'backup:changePassphrase': (input, ctx) => wrap(() => changeBackupPassphrase(ctx, input)),
  'backup:recoverKeys': (input, ctx) => wrap(() => recoverKeys(ctx, input)),
};
