/** The log of backup and restore runs (`backup_runs`, audited), the home reminder, and how many to keep. */
import { writeAudit } from '../../../db/queries/audit';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { BackupRunTable } from '../../../db/schema';
import type { BackupStatus, RestoredFrom } from '../../../shared/schemas/backup';
import { jsonOr } from '../../../shared/json';
import { dbOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { withWrite } from '../../app/write';
import { runningJob } from '../jobs/registry';
import { getSetting, setSetting } from '../settings';

const DEFAULT_KEEP = 10;
const REMINDER_DAYS = 7;

type RunRow = Selectable<BackupRunTable>;

/** A run as the pipelines report it: the columns of `backup_runs` they know, the counts not yet JSON. */
type RunRecord = Pick<RunRow, 'kind' | 'status' | 'target' | 'bytes' | 'sha256'> & {
  fileName: RunRow['file_name'];
  errorCode: RunRow['error_code'];
  counts: Record<string, number> | null;
  startedAt: RunRow['started_at'];
};

/** Logs a run with its audit row; a failure to log is logged, never thrown (the run itself is what counts). */
export async function recordRun(ctx: AppContext, run: RunRecord): Promise<void> {
  try {
    await withWrite(ctx, async (w) => {
      const uuid = w.uuid();
      const row = await w.trx
        .insertInto('backup_runs')
        .values({
          uuid,
          kind: run.kind,
          status: run.status,
          target: run.target,
          file_name: run.fileName,
          bytes: run.bytes,
          sha256: run.sha256,
          error_code: run.errorCode,
          counts_json: run.counts ? JSON.stringify(run.counts) : null,
          started_at: run.startedAt,
          finished_at: w.now,
          user_name: w.actor.name,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(w, {
        table: 'backup_runs',
        recordId: row.id,
        recordUuid: uuid,
        action: run.kind === 'restore' ? 'restore' : 'backup',
        after: { status: run.status, target: run.target, file: run.fileName, error: run.errorCode },
      });
    });
  } catch (e) {
    log.warn('could not record the backup run', e);
  }
}

export async function getKeep(ctx: AppContext): Promise<number> {
  const v = Number(await getSetting(dbOf(ctx), 'backup.keep'));
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_KEEP;
}

export async function setKeep(ctx: AppContext, keep: number): Promise<{ keep: number }> {
  await withWrite(ctx, async (w) => {
    await setSetting(w, 'backup.keep', String(keep));
    await writeAudit(w, {
      table: 'settings',
      recordId: null,
      recordUuid: null,
      action: 'update',
      after: { 'backup.keep': keep },
    });
  });
  return { keep };
}

const RESTORED_FROM = 'backup.restoredFrom';

/** Read from a restored database: parsed, never trusted (a wrong value reads as none). */
const zRestoredFrom = z.object({
  source: z.enum(['usb', 'auto']),
  backupCreatedAt: z.iso.datetime({ offset: true }),
  restoredAt: z.iso.datetime({ offset: true }),
  fileName: z.string().max(300),
});

/** Written into the register just restored; a failure is logged, never thrown (the restore happened). */
export async function recordRestoredFrom(ctx: AppContext, from: RestoredFrom): Promise<void> {
  try {
    await withWrite(ctx, (w) => setSetting(w, RESTORED_FROM, JSON.stringify(from)));
  } catch (e) {
    log.warn('could not record where the restored register came from', e);
  }
}

async function restoredFrom(ctx: AppContext): Promise<RestoredFrom | null> {
  const raw = await getSetting(dbOf(ctx), RESTORED_FROM);
  return jsonOr(zRestoredFrom.nullable(), raw, null);
}

export async function getStatus(ctx: AppContext): Promise<BackupStatus> {
  const last = await dbOf(ctx)
    .selectFrom('backup_runs')
    .select(['finished_at', 'target'])
    .where('kind', 'in', ['usb', 'cli'])
    .where('status', '=', 'ok')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  // a register restored from a stick after its last backup here: its data is on that stick since the
  // backup was made; an automatic copy on this PC is no stick backup
  const from = await restoredFrom(ctx);
  const restored = from && (!last || from.restoredAt > last.finished_at) ? from : null;
  const onStickAt =
    restored?.source === 'usb' && (!last || restored.backupCreatedAt > last.finished_at)
      ? restored.backupCreatedAt
      : (last?.finished_at ?? null);
  const days = onStickAt
    ? Math.max(0, Math.floor((ctx.now().getTime() - new Date(onStickAt).getTime()) / 86_400_000))
    : null;
  const running = runningJob(ctx, 'backup');
  return {
    lastUsbAt: last?.finished_at ?? null,
    lastUsbTarget: last?.target ?? null,
    restoredFrom: restored,
    reminderDue: days === null || days >= REMINDER_DAYS,
    daysSinceUsb: days,
    running: running && { jobId: running.jobId, kind: running.kind === 'backup' ? 'backup' : 'restore' },
    keep: await getKeep(ctx),
  };
}
