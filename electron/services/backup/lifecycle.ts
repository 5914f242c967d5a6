/** What the backup feature does when the app starts and closes: clean leftovers, automatic local snapshots. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AutoSnapshot } from '../../../shared/schemas/backup';
import { dbOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { cancelGroup } from '../jobs/registry';
import { stopDriveWatch } from './drive-watch';
import { BACKUP_GROUP, tmpDirOf } from './job';
import { discardPlan, stagingFileOf } from './restore';
import { autoDirOf, dailyName, exitName, listAuto, localSnapshot } from './snapshot';
import { backupWorker } from './threads';

/** Leftovers of an interrupted restore or backup: the old database is whole, the staged file is not used. */
function cleanupStale(ctx: { dataDir: string; dbFile: string }): void {
  const staging = stagingFileOf(ctx);
  for (const f of [
    staging,
    `${staging}.partial`,
    `${staging}.partial-journal`,
    `${staging}-journal`,
    `${staging}-wal`,
    `${staging}-shm`,
  ])
    rmSync(f, { force: true });
  rmSync(tmpDirOf(ctx.dataDir), { recursive: true, force: true });
  try {
    for (const n of readdirSync(autoDirOf(ctx.dataDir)))
      if (n.endsWith('.partial')) rmSync(path.join(autoDirOf(ctx.dataDir), n), { force: true });
  } catch {
    // no auto folder yet
  }
}

export function listAutoSnapshots(ctx: AppContext): AutoSnapshot[] {
  return listAuto(autoDirOf(ctx.dataDir));
}

/** Called once after boot: cleans leftovers and takes today's snapshot (in a worker) if there is none. */
export async function onAppStarted(ctx: AppContext): Promise<AutoSnapshot | null> {
  cleanupStale(ctx);
  const name = dailyName(ctx.now());
  if (existsSync(path.join(autoDirOf(ctx.dataDir), name))) return null;
  if (!(await dbOf(ctx).selectFrom('office').select('id').executeTakeFirst())) return null;
  try {
    return await backupWorker.run(
      'snapshot',
      { dbFile: ctx.dbFile, autoDir: autoDirOf(ctx.dataDir), kind: 'harian', name },
      { config: ctx.config },
    ).result;
  } catch (e) {
    log.warn('daily snapshot failed', e);
    return null;
  }
}

/** Called when the app closes (Electron shell, browser-mode shutdown): a snapshot, before the database closes. */
export async function onAppClosing(ctx: AppContext): Promise<AutoSnapshot | null> {
  stopDriveWatch();
  cancelGroup(ctx, BACKUP_GROUP);
  discardPlan(ctx);
  try {
    if (!ctx.opened.raw.open) return null;
    if (!(await dbOf(ctx).selectFrom('office').select('id').executeTakeFirst())) return null;
    return await localSnapshot({
      dbFile: ctx.dbFile,
      autoDir: autoDirOf(ctx.dataDir),
      kind: 'keluar',
      name: exitName(ctx.now()),
    });
  } catch (e) {
    log.warn('exit snapshot failed', e);
    return null;
  }
}
