/**
 * The backup job on main: checks the target before anything is written, starts the backup in the backup
 * worker through the job runner (jobs/registry.ts), turns its progress into `backup:progress` events under
 * the job's id, and records and announces the end (`backup_runs`, `backup:end`).
 */
import { accessSync, constants as fsc, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonWith } from '../../../shared/json';
import { AppError } from '../../../shared/errors';
import { kdfParamsSchema, type BackupResult } from '../../../shared/schemas/backup';
import { dbOf, type AppContext } from '../../app/context';
import {
  cancelJob as cancelRegistered,
  jobError,
  startJob,
  type JobDef,
  type StartedJob,
} from '../jobs/registry';
import { getSecret } from '../secrets';
import { rotate } from './catalog';
import { FAT32_MAX_FILE, driveOf, isFat } from './drives';
import { BACKUP_EXT, BACKUP_FOLDER } from './format';
import { freeBytes } from './fsutil';
import type { PhaseProgress } from './pipeline/progress';
import { getKeep, recordRun } from './runs';
import { timeStamp } from './snapshot';
import { backupWorker } from './threads';

/** conservative: the realistic register compresses to about 0.26 of its size */
const ESTIMATE_RATIO = 0.5;
export const BACKUP_GROUP = 'backup';
const CANCELLED = 'backup.errors.cancelled';

export function tmpDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups', 'tmp');
}

export function dbBytesOf(dbFile: string): number {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(dbFile) + size(`${dbFile}-wal`);
}

/** Any failure of a backup or restore as the AppError the dispatcher and the command line understand. */
export function toAppError(e: unknown): AppError {
  return jobError(e, CANCELLED);
}

/** The folder on the target that holds backups: the chosen folder itself when it already is one. */
function backupDirFor(target: string): string {
  return path.basename(path.resolve(target)) === BACKUP_FOLDER
    ? path.resolve(target)
    : path.join(target, BACKUP_FOLDER);
}

/** Checks a target before anything is written: exists, writable, enough space, FAT32's 4 GiB limit. */
async function precheckTarget(
  ctx: AppContext,
  target: string,
): Promise<{ maxFileBytes: number | null; estimate: number }> {
  try {
    if (!statSync(target).isDirectory()) throw new Error('not a folder');
    accessSync(target, fsc.W_OK);
  } catch {
    throw new AppError('IO', 'backup.errors.targetMissing', { params: { target } });
  }
  const dbBytes = dbBytesOf(ctx.dbFile);
  const estimate = Math.ceil(dbBytes * ESTIMATE_RATIO) + (1 << 20);
  const drive = await driveOf(target, ctx.config.fakeDrives);
  const fat = isFat(drive?.fsType ?? null);
  if (fat && estimate > FAT32_MAX_FILE)
    throw new AppError('IO', 'backup.errors.fat32TooBig', {
      params: { sizeMb: Math.round(estimate / 1048576) },
    });
  const free = freeBytes(target);
  if (free !== null && free < estimate)
    throw new AppError('DISK_FULL', 'backup.errors.notEnoughSpace', {
      params: { needMb: Math.ceil(estimate / 1048576), freeMb: Math.floor(free / 1048576) },
    });
  const localFree = freeBytes(ctx.dataDir);
  if (localFree !== null && localFree < dbBytes + (32 << 20))
    throw new AppError('DISK_FULL', 'backup.errors.localDiskFull', {
      params: {
        needMb: Math.ceil((dbBytes + (32 << 20)) / 1048576),
        freeMb: Math.floor(localFree / 1048576),
      },
    });
  return { maxFileBytes: fat ? FAT32_MAX_FILE : null, estimate };
}

interface BackupInput {
  target: string;
  keep?: number | undefined;
  kind: 'usb' | 'cli';
  onProgress?: ((fraction: number, phase: string) => void) | undefined;
}

const backupJob: JobDef<BackupInput, BackupResult> = {
  group: BACKUP_GROUP,
  kind: 'backup',
  busy: 'backup.errors.busy',
  cancelled: CANCELLED,
  async start(ctx, input, job) {
    const db = dbOf(ctx);
    const office = await db.selectFrom('office').selectAll().orderBy('id').executeTakeFirst();
    if (!office) throw new AppError('NOT_SET_UP', 'errors.notSetUp');
    const keyB64 = await getSecret(ctx, 'backup.key');
    const kdfJson = await getSecret(ctx, 'backup.kdf');
    // a database restored from elsewhere is data from outside too
    const kdf = kdfJson ? parseJsonWith(kdfParamsSchema, kdfJson) : null;
    if (!keyB64 || !kdf?.ok) throw new AppError('INTERNAL', 'backup.errors.noKey');
    const { maxFileBytes } = await precheckTarget(ctx, input.target);
    const keep = input.keep ?? (await getKeep(ctx));
    const dir = backupDirFor(input.target);
    const now = ctx.now();
    const stem = `IKM-${office.district_code.replace(/\D/g, '')}-${timeStamp(now)}`;
    let baseName = stem;
    for (let i = 2; existsSync(path.join(dir, baseName + BACKUP_EXT)); i++) baseName = `${stem}-${i}`;
    const startedAt = now.toISOString();
    const t0 = Date.now();
    const record = (
      r: Partial<Parameters<typeof recordRun>[1]> & { status: 'ok' | 'failed' | 'cancelled' },
    ) =>
      recordRun(ctx, {
        kind: input.kind,
        target: input.target,
        fileName: null,
        bytes: null,
        sha256: null,
        errorCode: null,
        counts: null,
        startedAt,
        ...r,
      });
    return {
      async run(): Promise<BackupResult> {
        const spec = {
          dbFile: ctx.dbFile,
          tmpDir: tmpDirOf(ctx.dataDir),
          targetDir: dir,
          baseName,
          keyB64,
          kdf: kdf.value,
          appVersion: ctx.appVersion,
          createdAt: startedAt,
          maxFileBytes,
        };
        const progress = (p: PhaseProgress) => {
          ctx.emit('backup:progress', { jobId: job.id, kind: 'backup', ...p });
          input.onProgress?.(p.fraction, p.phase);
        };
        const r = await backupWorker.run('backup', spec, {
          config: ctx.config,
          signal: job.signal,
          onProgress: progress,
        }).result;
        // Keep the last N of this office; only now, after the new one is verified.
        const removedOld = await rotate(dir, r.officeUuid, keep, path.basename(r.file));
        progress({ phase: 'done', fraction: 1, bytesDone: r.bytes, bytesTotal: r.bytes });
        return {
          file: r.file,
          manifest: r.manifest,
          bytes: r.bytes,
          dbBytes: r.dbBytes,
          sha256: r.sha256,
          counts: r.counts,
          durationMs: Date.now() - t0,
          removedOld,
        };
      },
      async end(o) {
        if (o.ok) {
          const r = o.value;
          await record({
            status: 'ok',
            fileName: path.basename(r.file),
            bytes: r.bytes,
            sha256: r.sha256,
            counts: r.counts,
          });
          ctx.emit('backup:end', { jobId: job.id, kind: 'backup', ok: true, result: r });
        } else {
          const cancelled = o.error.code === 'CANCELLED';
          await record({ status: cancelled ? 'cancelled' : 'failed', errorCode: o.error.code });
          ctx.emit('backup:end', { jobId: job.id, kind: 'backup', ok: false, error: o.error.toShape() });
        }
      },
    };
  },
};

/**
 * Starts a verified, encrypted backup to `target` (a drive root or a folder) in a worker. Resolves once the
 * checks have passed, with the job id; `done` settles when the backup is on the stick and read back, or with
 * an AppError.
 */
export function startBackup(
  ctx: AppContext,
  input: { target: string; keep?: number | undefined },
  opts: { kind?: 'usb' | 'cli'; onProgress?: (fraction: number, phase: string) => void } = {},
): Promise<StartedJob<BackupResult>> {
  return startJob(ctx, backupJob, { ...input, kind: opts.kind ?? 'usb', onProgress: opts.onProgress });
}

/** Cancels the running backup or restore check with this id (the id its events carry). */
export function cancelJob(ctx: AppContext, jobId: string): { cancelled: boolean } {
  return { cancelled: cancelRegistered(ctx, BACKUP_GROUP, jobId) };
}
