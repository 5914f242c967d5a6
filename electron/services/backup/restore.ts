// Over 400 lines on purpose: the restore check and the swap are one crash-safe sequence (stage, safety copy, migrate, switch journal, rename, reopen); each step relies on the state the previous one left, and reads best in order.
/**
 * Restore on main: the check (a job in the backup worker that changes nothing live) and the swap.
 *
 * Swap (crash-safe; see docs/backup.md):
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
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index';
import { AppError } from '../../../shared/errors';
import type {
  BackupProgress,
  RestoredFrom,
  RestorePlan,
  RestoreResult,
  RestoreSource,
} from '../../../shared/schemas/backup';
import type { AppConfig } from '../../app/config';
import { actorOf, dbOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { runningJob, startJob, type JobDef, type JobHandle } from '../jobs/registry';
import { fsyncDir, fsyncFile } from './fsutil';
import { reconcileHighWater, recordHighWater } from './high-water';
import { unsafeStoredPaths } from '../../app/safe-path';
import { headerForRestore } from './header';
import { BACKUP_GROUP, dbBytesOf } from './job';
import { summarize } from './pipeline/checks';
import type { PhaseProgress } from './pipeline/progress';
import type { RestorePrepareResult } from './pipeline/restore';
import { recordRestoredFrom, recordRun } from './runs';
import { autoDirOf, listAuto, localSnapshot, timeStamp } from './snapshot';
import { backupWorker } from './threads';
import { deriveKey } from '../password';
import { protectSecrets, SecretError, type KeyRing } from '../secrets';

type OnProgress = (fraction: number, phase: BackupProgress['phase']) => void;

interface Plan {
  planId: string;
  /** a backup from a stick (or a folder) or an automatic copy on this PC */
  source: RestoreSource;
  file: string;
  staging: string;
  prepared: RestorePrepareResult;
  plan: RestorePlan;
  /** the key the restore's passphrase gives (opens the backup's key escrow: secrets.ts); none for a local copy */
  backupKey: Buffer | null;
}

/** The checked plan waiting for the clerk's confirmation (one per running app). */
const plans = new WeakMap<AppContext, Plan>();

export function stagingFileOf(ctx: { dbFile: string }): string {
  return ctx.dbFile.replace(/\.sqlite$/, '') + '.restore.sqlite';
}

interface CheckInput {
  source: RestoreSource;
  file: string;
  /** runs the worker job that leaves the checked database at `staging` */
  prepare(
    staging: string,
    job: JobHandle,
    onProgress: (p: PhaseProgress) => void,
  ): Promise<RestorePrepareResult>;
  /** the backup key from the passphrase (after the worker has checked the passphrase) */
  backupKey?: (() => Promise<Buffer>) | undefined;
  onProgress?: OnProgress | undefined;
}

/** A restore check: prepares the staging file in the worker, then says what would replace what. */
const restoreCheckJob: JobDef<CheckInput, RestorePlan> = {
  group: BACKUP_GROUP,
  kind: 'restore',
  busy: 'backup.errors.busy',
  cancelled: 'backup.errors.cancelled',
  async start(ctx, input, job) {
    discardPlan(ctx);
    const staging = stagingFileOf(ctx);
    // The check is 90 % of a restore; the swap is the rest.
    const onProgress = (p: PhaseProgress) => {
      const fraction = p.fraction * 0.9;
      ctx.emit('backup:progress', { ...p, jobId: job.id, kind: 'restore', fraction });
      input.onProgress?.(fraction, p.phase);
    };
    return {
      async run() {
        const prepared = await input.prepare(staging, job, onProgress);
        const backupKey = input.backupKey ? await input.backupKey() : null;
        try {
          refuseUnsafePaths(staging);
        } catch (e) {
          rmSync(staging, { force: true });
          throw e;
        }
        const current = (await dbOf(ctx).selectFrom('office').select('id').executeTakeFirst())
          ? summarize(ctx.opened.raw, dbBytesOf(ctx.dbFile))
          : null;
        const planId = randomUUID();
        const plan: RestorePlan = {
          planId,
          file: input.file,
          createdAt: prepared.createdAt,
          current,
          backup: prepared.summary,
          willMigrate: prepared.summary.schemaVersion < LATEST_SCHEMA_VERSION,
          sameOffice: !current?.office || current.office.uuid === prepared.summary.office?.uuid,
        };
        plans.set(ctx, {
          planId,
          source: input.source,
          file: input.file,
          staging,
          prepared,
          plan,
          backupKey,
        });
        return plan;
      },
    };
  },
};

async function runCheck(ctx: AppContext, input: CheckInput): Promise<RestorePlan> {
  return (await startJob(ctx, restoreCheckJob, input)).done;
}

/** Decrypts and checks a backup into the staging file and says what would replace what. Changes nothing live. */
export async function checkRestore(
  ctx: AppContext,
  input: { file: string; passphrase: string },
  onProgress?: OnProgress,
): Promise<RestorePlan> {
  if (!existsSync(input.file)) throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
  const { header, hash } = await headerForRestore(input.file);
  return runCheck(ctx, {
    source: 'usb',
    file: input.file,
    onProgress,
    backupKey: () => deriveKey(input.passphrase, header.kdf),
    prepare: (staging, job, progress) =>
      backupWorker.run(
        'restore',
        {
          file: input.file,
          header,
          headerSha256: hash.toString('hex'),
          passphrase: input.passphrase,
          stagingFile: staging,
          latestSchema: LATEST_SCHEMA_VERSION,
        },
        { config: ctx.config, signal: job.signal, onProgress: progress },
      ).result,
  });
}

/**
 * The same check for one of the automatic snapshots in the data folder (a damaged register, no stick at
 * hand). Only a name from the list is accepted, never a path.
 */
export async function checkLocalRestore(ctx: AppContext, input: { name: string }): Promise<RestorePlan> {
  const snap = listAuto(autoDirOf(ctx.dataDir)).find((a) => a.name === input.name);
  if (!snap) throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
  return runCheck(ctx, {
    source: 'auto',
    file: snap.file,
    prepare: (staging, job, progress) =>
      backupWorker.run(
        'restore-local',
        {
          file: snap.file,
          createdAt: snap.createdAt,
          stagingFile: staging,
          latestSchema: LATEST_SCHEMA_VERSION,
        },
        { config: ctx.config, signal: job.signal, onProgress: progress },
      ).result,
  });
}

/**
 * The command line's `verify`: the full restore check of a backup file into a temporary folder, which is
 * removed again; nothing of the app's is touched (no data folder needed).
 */
export async function verifyBackupFile(
  config: AppConfig,
  input: { file: string; passphrase: string },
  opts: { signal?: AbortSignal; onProgress?: OnProgress } = {},
): Promise<RestorePrepareResult> {
  const { header, hash } = await headerForRestore(input.file);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-verify-'));
  try {
    return await backupWorker.run(
      'restore',
      {
        file: input.file,
        header,
        headerSha256: hash.toString('hex'),
        passphrase: input.passphrase,
        stagingFile: path.join(tmp, 'verify.sqlite'),
        latestSchema: LATEST_SCHEMA_VERSION,
      },
      { config, signal: opts.signal, onProgress: (p) => opts.onProgress?.(p.fraction, p.phase) },
    ).result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function discardPlan(ctx: AppContext): void {
  const p = plans.get(ctx);
  if (p) rmSync(p.staging, { force: true });
  plans.delete(ctx);
}

/**
 * A restored database is data from outside: every stored file path in it must pass safe-path.ts, or the
 * restore is refused before anything live changes (a crafted `letters.file_path` of ../../etc/passwd).
 */
function refuseUnsafePaths(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let bad: ReturnType<typeof unsafeStoredPaths>;
  try {
    bad = unsafeStoredPaths(db);
  } finally {
    db.close();
  }
  if (bad.length) {
    const first = bad[0]!;
    log.warn(
      `restore refused: ${bad.length}+ unsafe stored path(s), first ${first.table}.${first.column} row ${first.rowid} (${first.reason})`,
    );
    throw new AppError('BAD_BACKUP', 'backup.errors.unsafePaths', {
      params: { table: first.table, id: first.rowid },
    });
  }
}

function restoredKeys(
  staged: Database.Database,
  ctx: AppContext,
  backupKey: Buffer | null,
): KeyRing['state'] {
  try {
    return protectSecrets(staged, ctx.keys.machine, backupKey).state;
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    log.error('restore: a stored key in the backup is damaged', e);
    return 'unavailable';
  }
}

function rmSidecars(file: string): void {
  for (const ext of ['-wal', '-shm']) rmSync(file + ext, { force: true });
}

/** Test hook: `config.faultRestorePauseMs` pauses between the swap steps so a test can kill the process. */
async function faultPause(ctx: AppContext, step: string): Promise<void> {
  const ms = ctx.config.faultRestorePauseMs;
  if (ms > 0) {
    process.stdout.write(`restore-step ${step}\n`);
    await new Promise((r) => setTimeout(r, ms));
  }
}

/** Applies a checked plan: safety copy, swap, reopen. See the sequence at the top of this file. */
export async function applyRestore(ctx: AppContext, planId: string): Promise<RestoreResult> {
  const p = plans.get(ctx);
  if (!p || p.planId !== planId || !existsSync(p.staging))
    throw new AppError('NOT_FOUND', 'backup.errors.planExpired');
  if (runningJob(ctx, BACKUP_GROUP)) throw new AppError('CONFLICT', 'backup.errors.busy');
  const startedAt = ctx.now().toISOString();
  const actor = actorOf(ctx);
  // (checked again: the staged file sat on disk since the check)
  refuseUnsafePaths(p.staging);
  // 2. Safety copy of the current database. A restore refused after this point removes it again: only a
  // restore that happened leaves a copy behind.
  const safety = await localSnapshot({
    dbFile: ctx.dbFile,
    autoDir: path.join(ctx.dataDir, 'backups', 'sebelum-pulih'),
    kind: 'keluar',
    name: `sebelum-pulih-${timeStamp(ctx.now())}.sqlite`,
  });
  let swapped = false;
  try {
    const r = await swapIn(ctx, p, safety.file, () => (swapped = true));
    log.info(`restored ${p.file} by ${actor.name ?? 'system'}; safety copy ${safety.file}`);
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
    // the restored register knows where it came from: the home page and the backup page say when the
    // restored backup was made instead of "never backed up" (issue 11 item 13)
    const restoredFrom: RestoredFrom = {
      source: p.source,
      backupCreatedAt: p.plan.createdAt,
      restoredAt: ctx.now().toISOString(),
      fileName: path.basename(p.file),
    };
    await recordRestoredFrom(ctx, restoredFrom);
    return { ...r, backupCreatedAt: p.plan.createdAt, source: p.source };
  } catch (e) {
    if (!swapped) {
      rmSync(safety.file, { force: true });
      for (const ext of ['-wal', '-shm', '-journal']) rmSync(safety.file + ext, { force: true });
    }
    throw e;
  }
}

/** Steps 3 to 6 (see the top of this file); `onSwapped` is called once the new file is in place. */
async function swapIn(
  ctx: AppContext,
  p: Plan,
  safetyFile: string,
  onSwapped: () => void,
): Promise<{ safetyCopy: string; counts: Record<string, number> }> {
  await faultPause(ctx, 'safety-copied');
  // 3. Migrate an older backup on the staged file; leave it in rollback-journal mode, flushed. (No sidecar
  // file of an interrupted earlier run may be replayed onto it.)
  rmSidecars(p.staging);
  rmSync(p.staging + '-journal', { force: true });
  const staged = new Database(p.staging, { fileMustExist: true });
  let keys: KeyRing['state'];
  try {
    await migrate(staged);
    staged.pragma('journal_mode = DELETE');
    // its keys under this PC's machine key: a backup from another PC (or this one's before a new machine
    // key) gets them from its escrow with the restore's passphrase; plain ones of old backups are wrapped
    keys = restoredKeys(staged, ctx, p.backupKey);
  } finally {
    staged.close();
  }
  rmSidecars(p.staging);
  fsyncFile(p.staging);
  await faultPause(ctx, 'staged');
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
  // Numbers already issued by the database being replaced stay issued: their high-water marks are written
  // beside the database (durably) before it goes, and the restored one is raised to them below.
  try {
    recordHighWater(ctx.dataDir, oldRaw, ctx.now());
  } catch (e) {
    ctx.opened.raw.pragma('journal_mode = WAL');
    log.error('restore: high-water marks could not be written', e);
    throw new AppError('IO', 'backup.errors.swapFailed');
  }
  await ctx.opened.close();
  // Kysely closes the handle only if it ever opened a connection through it: make sure.
  if (oldRaw.open) oldRaw.close();
  rmSidecars(ctx.dbFile);
  if (existsSync(ctx.dbFile + '-journal')) {
    // A hot journal after a clean close cannot be; do not guess: reopen the old database and stop.
    ctx.opened = openDatabase(ctx.dbFile);
    throw new AppError('IO', 'backup.errors.swapFailed');
  }
  await faultPause(ctx, 'old-closed');
  // 5. Atomic replace.
  try {
    renameSync(p.staging, ctx.dbFile);
    fsyncDir(path.dirname(ctx.dbFile));
  } catch (e) {
    ctx.opened = openDatabase(ctx.dbFile);
    log.error('restore rename failed', e);
    throw new AppError('IO', 'backup.errors.swapFailed');
  }
  onSwapped();
  await faultPause(ctx, 'swapped');
  // 6. Open the new database and bring it up to date; its counters never go below a number already issued.
  const opened = openDatabase(ctx.dbFile);
  await migrate(opened.raw, { backupDir: path.join(ctx.dataDir, 'backups', 'pre-migration'), now: ctx.now });
  reconcileHighWater(ctx.dataDir, opened.raw);
  ctx.opened = opened;
  ctx.keys = { machine: ctx.keys.machine, state: keys };
  plans.delete(ctx);
  // The restored register has its own users: whoever was signed in signs in again.
  ctx.session.user = null;
  ctx.sessions.endAll();
  return { safetyCopy: safetyFile, counts: p.prepared.summary.counts };
}
