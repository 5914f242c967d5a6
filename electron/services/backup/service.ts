/**
 * Backup and restore for the app (handlers, command line, shell hooks). Plain Node, no electron.
 *
 * Restore swap (crash-safe; see docs/backup.md):
 *   1. the backup is decrypted, verified (GCM per frame, trailer SHA-256) and `integrity_check`ed into
 *      `<dataDir>/daftar-ikm.restore.sqlite` (fsynced), before anything live changes;
 *   2. a safety copy of the current database is taken with the backup API into backups/sebelum-pulih/;
 *   3. an older backup is migrated on the staged file, which is then left in rollback-journal mode and fsynced;
 *   4. the live connection switches to journal_mode=DELETE (SQLite checkpoints and removes its WAL; refused
 *      if another connection holds it) and closes; any leftover -wal/-shm is deleted;
 *   5. rename(staged → live) replaces the file atomically; the folder is fsynced;
 *   6. the live file is opened (WAL again), migrated (no-op) and put into ctx.opened.
 *   A crash before 5 leaves the old database whole (the stale staged file is removed at the next start); after
 *   5, the new one. No WAL of the old database can be replayed onto the new file: it no longer exists at 5.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { accessSync, constants as fsc, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index';
import { writeAudit } from '../../../db/queries/audit';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type {
  AutoSnapshot,
  BackupEntry,
  BackupResult,
  BackupStatus,
  Drive,
  RestorePlan,
} from '../../../shared/schemas/backup';
import { actorOf, dbOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { withWrite } from '../../app/write';
import type { KdfParams } from '../password';
import { getSecret, getSetting, setSetting } from '../settings';
import { FAT32_MAX_FILE, drivesKey, isFat, listDrives } from './drives';
import { BACKUP_FOLDER } from './format';
import { freeBytes, fsyncDir, fsyncFile } from './fsutil';
import {
  listBackups as listBackupsIn,
  summarize,
  type BackupJobResult,
  type RestorePrepareResult,
} from './pipeline';
import { WorkerJobError, runInWorker, workerEntry, type WorkerJob } from './runner';
import { autoDirOf, dailyName, exitName, listAuto, localSnapshot, timeStamp } from './snapshot';

export const DEFAULT_KEEP = 10;
export const REMINDER_DAYS = 7;
/** conservative: the realistic register compresses to about 0.26 of its size */
const ESTIMATE_RATIO = 0.5;

interface RunningJob {
  jobId: string;
  kind: 'backup' | 'restore';
  job: WorkerJob<unknown>;
}

interface Plan {
  planId: string;
  file: string;
  staging: string;
  prepared: RestorePrepareResult;
  plan: RestorePlan;
}

/** Per data folder: one job at a time, the pending restore plan. */
const state = new Map<string, { running: RunningJob | null; plan: Plan | null }>();
function stateOf(ctx: { dataDir: string }) {
  let s = state.get(ctx.dataDir);
  if (!s) state.set(ctx.dataDir, (s = { running: null, plan: null }));
  return s;
}

export function stagingFileOf(ctx: { dbFile: string }): string {
  return ctx.dbFile.replace(/\.sqlite$/, '') + '.restore.sqlite';
}
function tmpDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups', 'tmp');
}

/** Converts a worker's error into the AppError the dispatcher and the command line understand. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof WorkerJobError) {
    if (e.error.code === 'INTERNAL') log.error('backup worker failed', e);
    return new AppError(e.error.code as ErrorCode, e.error.message, { params: e.error.params });
  }
  log.error('backup failed', e);
  return new AppError('INTERNAL', 'errors.internal');
}

// ------------------------------------------------------------------ drives

let watcher: { timer: NodeJS.Timeout; until: number; key: string } | null = null;

/**
 * The drives now, and (for a minute after each call) a poll every 2 s that emits `backup:drives` when a
 * stick is plugged in or pulled out.
 */
export async function drivesAndWatch(ctx: AppContext): Promise<Drive[]> {
  const drives = await listDrives();
  const until = Date.now() + 60_000;
  if (watcher) {
    watcher.until = until;
    watcher.key = drivesKey(drives);
  } else {
    const w = { until, key: drivesKey(drives), timer: setInterval(() => void tick(), 2000) };
    w.timer.unref();
    watcher = w;
    const tick = async () => {
      if (!watcher) return;
      if (Date.now() > watcher.until) {
        clearInterval(watcher.timer);
        watcher = null;
        return;
      }
      const now = await listDrives();
      const key = drivesKey(now);
      if (watcher && key !== watcher.key) {
        watcher.key = key;
        ctx.emit('backup:drives', { drives: now });
      }
    };
  }
  return drives;
}

export function stopDriveWatch(): void {
  if (watcher) clearInterval(watcher.timer);
  watcher = null;
}

// ------------------------------------------------------------------ status

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

export async function getStatus(ctx: AppContext): Promise<BackupStatus> {
  const last = await dbOf(ctx)
    .selectFrom('backup_runs')
    .select(['finished_at', 'target'])
    .where('kind', 'in', ['usb', 'cli'])
    .where('status', '=', 'ok')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const s = stateOf(ctx);
  const days = last
    ? Math.floor((ctx.now().getTime() - new Date(last.finished_at).getTime()) / 86_400_000)
    : null;
  return {
    lastUsbAt: last?.finished_at ?? null,
    lastUsbTarget: last?.target ?? null,
    reminderDue: days === null || days >= REMINDER_DAYS,
    daysSinceUsb: days,
    running: s.running ? { jobId: s.running.jobId, kind: s.running.kind } : null,
    keep: await getKeep(ctx),
  };
}

// ------------------------------------------------------------------ backup

export interface StartedBackup {
  jobId: string;
  done: Promise<BackupResult>;
}

function dbBytesOf(dbFile: string): number {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(dbFile) + size(`${dbFile}-wal`);
}

/** The folder on the target that holds backups: the chosen folder itself when it already is one. */
export function backupDirFor(target: string): string {
  return path.basename(path.resolve(target)) === BACKUP_FOLDER
    ? path.resolve(target)
    : path.join(target, BACKUP_FOLDER);
}

async function driveOf(target: string): Promise<Drive | null> {
  const abs = path.resolve(target);
  let best: Drive | null = null;
  for (const d of await listDrives()) {
    const root = path.resolve(d.path);
    if (
      (abs === root || abs.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) &&
      (!best || root.length > best.path.length)
    )
      best = d;
  }
  return best;
}

/** Checks a target before anything is written: exists, writable, enough space, FAT32's 4 GiB limit. */
export async function precheckTarget(
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
  const drive = await driveOf(target);
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

async function recordRun(
  ctx: AppContext,
  run: {
    kind: 'usb' | 'cli' | 'restore';
    status: 'ok' | 'failed' | 'cancelled';
    target: string | null;
    fileName: string | null;
    bytes: number | null;
    sha256: string | null;
    errorCode: string | null;
    counts: Record<string, number> | null;
    startedAt: string;
  },
): Promise<void> {
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

/**
 * Starts a verified, encrypted backup to `target` (a drive root or a folder) in a worker. Resolves at once
 * with the job id; `done` settles when the backup is on the stick and read back, or with an AppError.
 */
export async function startBackup(
  ctx: AppContext,
  input: { target: string; keep?: number | undefined },
  opts: { kind?: 'usb' | 'cli'; onProgress?: (fraction: number, phase: string) => void } = {},
): Promise<StartedBackup> {
  const s = stateOf(ctx);
  if (s.running) throw new AppError('CONFLICT', 'backup.errors.busy');
  const db = dbOf(ctx);
  const office = await db.selectFrom('office').selectAll().orderBy('id').executeTakeFirst();
  if (!office) throw new AppError('NOT_SET_UP', 'errors.notSetUp');
  const keyB64 = await getSecret(db, 'backup.key');
  const kdfJson = await getSecret(db, 'backup.kdf');
  if (!keyB64 || !kdfJson) throw new AppError('INTERNAL', 'backup.errors.noKey');
  const { maxFileBytes } = await precheckTarget(ctx, input.target);
  const keep = input.keep ?? (await getKeep(ctx));
  const dir = backupDirFor(input.target);
  const now = ctx.now();
  let baseName = `IKM-${office.district_code.replace(/\D/g, '')}-${timeStamp(now)}`;
  for (let i = 2; existsSync(path.join(dir, baseName + '.dikm')); i++)
    baseName = `IKM-${office.district_code.replace(/\D/g, '')}-${timeStamp(now)}-${i}`;
  const jobId = randomUUID();
  const startedAt = now.toISOString();
  const kind = opts.kind ?? 'usb';
  const job = runInWorker<BackupJobResult>(
    'backup',
    {
      dbFile: ctx.dbFile,
      tmpDir: tmpDirOf(ctx.dataDir),
      targetDir: dir,
      baseName,
      keyB64,
      kdf: JSON.parse(kdfJson) as KdfParams,
      appVersion: ctx.appVersion,
      createdAt: startedAt,
      keep,
      maxFileBytes,
      workerEntry: workerEntry(),
    },
    (p) => {
      ctx.emit('backup:progress', {
        jobId,
        kind: 'backup',
        phase: p.phase as never,
        fraction: p.fraction,
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
      });
      opts.onProgress?.(p.fraction, p.phase);
    },
  );
  s.running = { jobId, kind: 'backup', job };
  const t0 = Date.now();
  const done = job.promise.then(
    async (r): Promise<BackupResult> => {
      s.running = null;
      const result: BackupResult = {
        file: r.file,
        manifest: r.manifest,
        bytes: r.bytes,
        dbBytes: r.dbBytes,
        sha256: r.sha256,
        counts: r.counts,
        durationMs: Date.now() - t0,
        removedOld: r.removedOld,
      };
      await recordRun(ctx, {
        kind,
        status: 'ok',
        target: input.target,
        fileName: path.basename(r.file),
        bytes: r.bytes,
        sha256: r.sha256,
        errorCode: null,
        counts: r.counts,
        startedAt,
      });
      ctx.emit('backup:end', { jobId, kind: 'backup', ok: true, result });
      return result;
    },
    async (e: unknown) => {
      s.running = null;
      const err = toAppError(e);
      await recordRun(ctx, {
        kind,
        status: err.code === 'CANCELLED' ? 'cancelled' : 'failed',
        target: input.target,
        fileName: null,
        bytes: null,
        sha256: null,
        errorCode: err.code,
        counts: null,
        startedAt,
      });
      ctx.emit('backup:end', { jobId, kind: 'backup', ok: false, error: err.toShape() });
      throw err;
    },
  );
  done.catch(() => undefined);
  return { jobId, done };
}

export function cancelJob(ctx: AppContext, jobId: string): { cancelled: boolean } {
  const s = stateOf(ctx);
  if (!s.running || s.running.jobId !== jobId) return { cancelled: false };
  s.running.job.cancel();
  return { cancelled: true };
}

export async function listBackups(dir: string): Promise<BackupEntry[]> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppError('IO', 'backup.errors.targetMissing', { params: { target: dir } });
  }
  return listBackupsIn(dir, BACKUP_FOLDER);
}

// ------------------------------------------------------------------ restore

/** Decrypts and checks a backup into the staging file and says what would replace what. Changes nothing live. */
export async function checkRestore(
  ctx: AppContext,
  input: { file: string; passphrase: string },
  onProgress?: (fraction: number, phase: string) => void,
): Promise<RestorePlan> {
  if (!existsSync(input.file)) throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
  return preparePlan(ctx, input.file, (staging, jobId) =>
    runInWorker<RestorePrepareResult>(
      'restore',
      {
        file: input.file,
        passphrase: input.passphrase,
        stagingFile: staging,
        latestSchema: LATEST_SCHEMA_VERSION,
      },
      onProgressOf(ctx, jobId, onProgress),
    ),
  );
}

/**
 * The same check for one of the automatic snapshots in the data folder (a damaged register, no stick at
 * hand). Only a name from the list is accepted, never a path.
 */
export async function checkLocalRestore(ctx: AppContext, input: { name: string }): Promise<RestorePlan> {
  const snap = listAuto(autoDirOf(ctx.dataDir)).find((a) => a.name === input.name);
  if (!snap) throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
  return preparePlan(ctx, snap.file, (staging, jobId) =>
    runInWorker<RestorePrepareResult>(
      'restore-local',
      {
        file: snap.file,
        createdAt: snap.createdAt,
        stagingFile: staging,
        latestSchema: LATEST_SCHEMA_VERSION,
      },
      onProgressOf(ctx, jobId),
    ),
  );
}

/** Progress of a restore check as `backup:progress` events under the job's id (the id `backup:cancel` takes). */
function onProgressOf(
  ctx: AppContext,
  jobId: string,
  onProgress?: (fraction: number, phase: string) => void,
) {
  return (p: { phase: string; fraction: number; bytesDone: number; bytesTotal: number }) => {
    ctx.emit('backup:progress', {
      jobId,
      kind: 'restore',
      phase: p.phase as never,
      fraction: p.fraction * 0.9,
      bytesDone: p.bytesDone,
      bytesTotal: p.bytesTotal,
    });
    onProgress?.(p.fraction * 0.9, p.phase);
  };
}

/** Runs a preparation job (nothing live changes) and keeps its plan: what would replace what. */
async function preparePlan(
  ctx: AppContext,
  file: string,
  start: (staging: string, jobId: string) => WorkerJob<RestorePrepareResult>,
): Promise<RestorePlan> {
  const s = stateOf(ctx);
  if (s.running) throw new AppError('CONFLICT', 'backup.errors.busy');
  discardPlan(ctx);
  const staging = stagingFileOf(ctx);
  const jobId = randomUUID();
  const job = start(staging, jobId);
  s.running = { jobId, kind: 'restore', job };
  let prepared: RestorePrepareResult;
  try {
    prepared = await job.promise;
  } catch (e) {
    throw toAppError(e);
  } finally {
    s.running = null;
  }
  const current = (await dbOf(ctx).selectFrom('office').select('id').executeTakeFirst())
    ? summarize(ctx.opened.raw, dbBytesOf(ctx.dbFile))
    : null;
  const planId = randomUUID();
  const plan: RestorePlan = {
    planId,
    file,
    createdAt: prepared.createdAt,
    current,
    backup: prepared.summary,
    willMigrate: prepared.summary.schemaVersion < LATEST_SCHEMA_VERSION,
    sameOffice: !current?.office || current.office.uuid === prepared.summary.office?.uuid,
  };
  s.plan = { planId, file, staging, prepared, plan };
  return plan;
}

export function discardPlan(ctx: AppContext): void {
  const s = stateOf(ctx);
  if (s.plan) rmSync(s.plan.staging, { force: true });
  s.plan = null;
}

function rmSidecars(file: string): void {
  for (const ext of ['-wal', '-shm']) rmSync(file + ext, { force: true });
}

/** Test hook: `DAFTAR_IKM_FAULT_RESTORE_PAUSE_MS` pauses between the swap steps so a test can kill the process. */
async function faultPause(step: string): Promise<void> {
  const ms = Number(process.env.DAFTAR_IKM_FAULT_RESTORE_PAUSE_MS ?? 0);
  if (ms > 0) {
    process.stdout.write(`restore-step ${step}\n`);
    await new Promise((r) => setTimeout(r, ms));
  }
}

/** Applies a checked plan: safety copy, swap, reopen. See the sequence at the top of this file. */
export async function applyRestore(
  ctx: AppContext,
  planId: string,
): Promise<{ safetyCopy: string; counts: Record<string, number> }> {
  const s = stateOf(ctx);
  const p = s.plan;
  if (!p || p.planId !== planId || !existsSync(p.staging))
    throw new AppError('NOT_FOUND', 'backup.errors.planExpired');
  if (s.running) throw new AppError('CONFLICT', 'backup.errors.busy');
  const startedAt = ctx.now().toISOString();
  const actor = actorOf(ctx);
  // 2. Safety copy of the current database.
  const safetyDir = path.join(ctx.dataDir, 'backups', 'sebelum-pulih');
  const safety = await localSnapshot({
    dbFile: ctx.dbFile,
    autoDir: safetyDir,
    kind: 'keluar',
    name: `sebelum-pulih-${timeStamp(ctx.now())}.sqlite`,
  });
  await faultPause('safety-copied');
  // 3. Migrate an older backup on the staged file; leave it in rollback-journal mode, flushed. (No sidecar
  // file of an interrupted earlier run may be replayed onto it.)
  rmSidecars(p.staging);
  rmSync(p.staging + '-journal', { force: true });
  const staged = new Database(p.staging, { fileMustExist: true });
  try {
    await migrate(staged);
    staged.pragma('journal_mode = DELETE');
  } finally {
    staged.close();
  }
  rmSidecars(p.staging);
  fsyncFile(p.staging);
  await faultPause('staged');
  // 4. Take the live database out of WAL mode (checkpoints and removes the WAL), then close it.
  let mode: string;
  try {
    mode = ctx.opened.raw.pragma('journal_mode = DELETE', { simple: true }) as string;
  } catch (e) {
    // SQLITE_BUSY: another process (the app, a second window) has the database open.
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new AppError('CONFLICT', 'backup.errors.dbBusy');
    throw e;
  }
  if (mode !== 'delete') {
    ctx.opened.raw.pragma('journal_mode = WAL');
    throw new AppError('CONFLICT', 'backup.errors.dbBusy');
  }
  const oldRaw = ctx.opened.raw;
  await ctx.opened.close();
  // Kysely closes the handle only if it ever opened a connection through it: make sure.
  if (oldRaw.open) oldRaw.close();
  rmSidecars(ctx.dbFile);
  if (existsSync(ctx.dbFile + '-journal')) {
    // A hot journal after a clean close cannot be; do not guess: reopen the old database and stop.
    ctx.opened = openDatabase(ctx.dbFile);
    throw new AppError('IO', 'backup.errors.swapFailed');
  }
  await faultPause('old-closed');
  // 5. Atomic replace.
  try {
    renameSync(p.staging, ctx.dbFile);
    fsyncDir(path.dirname(ctx.dbFile));
  } catch (e) {
    ctx.opened = openDatabase(ctx.dbFile);
    log.error('restore rename failed', e);
    throw new AppError('IO', 'backup.errors.swapFailed');
  }
  await faultPause('swapped');
  // 6. Open the new database and bring it up to date.
  const opened = openDatabase(ctx.dbFile);
  await migrate(opened.raw, { backupDir: path.join(ctx.dataDir, 'backups', 'pre-migration'), now: ctx.now });
  ctx.opened = opened;
  s.plan = null;
  // The restored register has its own users: whoever was signed in signs in again.
  ctx.session.user = null;
  await recordRun(ctx, {
    kind: 'restore',
    status: 'ok',
    target: p.file,
    fileName: path.basename(p.file),
    bytes: statSync(ctx.dbFile).size,
    sha256: null,
    errorCode: null,
    counts: p.prepared.summary.counts,
    startedAt,
  });
  log.info(`restored ${p.file} by ${actor.name ?? 'system'}; safety copy ${safety.file}`);
  return { safetyCopy: safety.file, counts: p.prepared.summary.counts };
}

// ------------------------------------------------------------------ automatic snapshots and hooks

/** Leftovers of an interrupted restore or backup: the old database is whole, the staged file is not used. */
export function cleanupStale(ctx: { dataDir: string; dbFile: string }): void {
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
    return await runInWorker<AutoSnapshot>('snapshot', {
      dbFile: ctx.dbFile,
      autoDir: autoDirOf(ctx.dataDir),
      kind: 'harian',
      name,
    }).promise;
  } catch (e) {
    log.warn('daily snapshot failed', e);
    return null;
  }
}

/** Called when the app closes (Electron shell, browser-mode shutdown): a snapshot, before the database closes. */
export async function onAppClosing(ctx: AppContext): Promise<AutoSnapshot | null> {
  stopDriveWatch();
  const s = stateOf(ctx);
  s.running?.job.cancel();
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
