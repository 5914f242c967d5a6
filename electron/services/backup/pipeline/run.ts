/**
 * One backup, run inside the backup worker (the UI's event loop never waits on it). Plain Node.
 *
 * SQLite backup API → local snapshot; then, overlapped, (a) a second worker runs `quick_check` at the
 * snapshot's read point while (b) the snapshot streams through SHA-256 → zstd → AES-256-GCM frames → the stick
 * (`*.partial`, counted and hashed as it is written) → fsync → rename → fsync of the folder → manifest the
 * same way → read back from the stick and compare SHA-256. (Main then rotates old backups of the office.)
 * Cancel and every failure remove the partial files and the snapshot; an unverified file never keeps its name.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  promises as fsp,
  readdirSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../../shared/errors';
import type { BackupManifest, BackupResult, DbSummary } from '../../../../shared/schemas/backup';
import type { JobIo } from '../../jobs/protocol';
import type { KdfParams } from '../../password';
import { checkInWorker, summarize, type CheckJob } from './checks';
import {
  BACKUP_EXT,
  BLOCK_SIZE,
  EncryptStream,
  FORMAT_VERSION,
  MANIFEST_EXT,
  encodeHeader,
  keyCheckOf,
  newNoncePrefix,
  type BackupHeader,
} from '../format';
import { TargetWriter, fsyncDir, rmQuiet } from '../fsutil';
import { phaseReporter, type PhaseProgress } from './progress';
import {
  ParallelMap,
  Rechunk,
  Tap,
  TargetSink,
  ZSTD_CONCURRENCY,
  sha256File,
  zstdAndHashBlock,
} from './streams';

export interface BackupSpec {
  dbFile: string;
  /** local folder on the PC's disk for the snapshot */
  tmpDir: string;
  targetDir: string;
  /** file name without extension, e.g. IKM-350927-20261123-101500 */
  baseName: string;
  keyB64: string;
  kdf: KdfParams;
  appVersion: string;
  createdAt: string;
  /** FAT32: a file may not reach 4 GiB */
  maxFileBytes: number | null;
}

/** What the clerk is told (main adds the duration and the rotated files), and what main needs to rotate. */
export interface BackupJobResult extends Omit<BackupResult, 'durationMs' | 'removedOld'> {
  schemaVersion: number;
  /** whose backups to rotate (main does that, with the headers read by their schema) */
  officeUuid: string | null;
}

/** `config.backupTimings` (`DAFTAR_IKM_BACKUP_TIMINGS=1`): phase times on stderr (benchmark analysis). */
function phaseTimer(on: boolean): (name: string, phase?: boolean) => void {
  const start = performance.now();
  let t = start;
  return (name, phase = true) => {
    if (!on) return;
    const now = performance.now();
    // straight to the descriptor: a worker's process.stderr goes through the main thread and may lose the end
    writeSync(
      2,
      `backup phase ${name}: ${phase ? Math.round(now - t) : '-'} ms (at ${Math.round(now - start)} ms)\n`,
    );
    if (phase) t = now;
  };
}

export async function runBackup(spec: BackupSpec, io: JobIo<PhaseProgress>): Promise<BackupJobResult> {
  const { signal, config } = io;
  const progress = phaseReporter(io);
  const limits = { maxFileBytes: spec.maxFileBytes, faultEnospcAfter: config.faultEnospcAfter };
  mkdirSync(spec.tmpDir, { recursive: true });
  const snap = path.join(spec.tmpDir, `snapshot-${randomUUID()}.sqlite`);
  const final = path.join(spec.targetDir, spec.baseName + BACKUP_EXT);
  const partial = final + '.partial';
  const manifest = path.join(spec.targetDir, spec.baseName + MANIFEST_EXT);
  const manifestPartial = manifest + '.partial';
  let writer: TargetWriter | null = null;
  let check: CheckJob | null = null;
  const mark = phaseTimer(config.backupTimings);
  let finalWritten = false;
  let snapRemoval: Promise<void> | null = null;
  try {
    // 1. Snapshot with SQLite's backup API (never a copy of the open file). Its quick_check starts at the
    //    same time in another worker, on the live database at the same snapshot: both read transactions
    //    open while this connection holds the write lock for a moment (writers wait, readers do not). If a
    //    write restarts the backup later, the snapshot file itself is checked instead.
    const dbBytes = statSync(spec.dbFile).size;
    const src = new Database(spec.dbFile, { readonly: true, fileMustExist: true });
    const lock = new Database(spec.dbFile, { fileMustExist: true });
    let locked = false;
    let restarted = false;
    try {
      if (src.pragma('journal_mode', { simple: true }) === 'wal') {
        lock.pragma('busy_timeout = 5000');
        try {
          lock.exec('BEGIN IMMEDIATE');
          locked = true;
        } catch {
          locked = false; // a long write: check the snapshot file afterwards
        }
      }
      if (locked) {
        check = checkInWorker(config, spec.dbFile, true);
        check.promise.then(
          () => mark('(check done)', false),
          () => undefined,
        );
        await check.ready;
        mark('(check ready)', false);
      }
      let prevRemaining = Number.POSITIVE_INFINITY;
      await src.backup(snap, {
        progress({ totalPages, remainingPages }) {
          if (locked) {
            lock.exec('ROLLBACK');
            locked = false;
          }
          if (remainingPages > prevRemaining) restarted = true;
          prevRemaining = remainingPages;
          signal.throwIfAborted();
          progress(
            'snapshot',
            totalPages ? (0.3 * (totalPages - remainingPages)) / totalPages : 0,
            0,
            dbBytes,
          );
          return 8192;
        },
      });
    } finally {
      if (locked) lock.exec('ROLLBACK');
      lock.close();
      src.close();
    }
    if (check && restarted) {
      check.stop();
      check = null;
    }
    const snapBytes = statSync(snap).size;
    mark('snapshot');
    // 2. Schema version and counts of the snapshot.
    const sraw = new Database(snap, { fileMustExist: true });
    let summary: DbSummary;
    try {
      sraw.pragma('journal_mode = DELETE');
      summary = summarize(sraw, snapBytes);
    } finally {
      sraw.close();
    }
    signal.throwIfAborted();
    // 3. quick_check of the snapshot in another worker, overlapped with compress + encrypt + write.
    let checksSnapshot = false;
    if (!check) {
      check = checkInWorker(config, snap);
      check.promise.catch(() => undefined);
      checksSnapshot = true;
    }
    const key = Buffer.from(spec.keyB64, 'base64');
    // what header and manifest both say about the backup
    const described = {
      createdAt: spec.createdAt,
      appVersion: spec.appVersion,
      schemaVersion: summary.schemaVersion,
      office: summary.office,
      counts: summary.counts,
      lastChange: summary.lastChange,
    };
    const header: BackupHeader = {
      format: FORMAT_VERSION,
      app: 'daftar-ikm',
      ...described,
      kdf: spec.kdf,
      keyCheck: keyCheckOf(key),
      cipher: 'aes-256-gcm',
      compression: 'zstd',
      blockSize: BLOCK_SIZE,
      noncePrefix: newNoncePrefix().toString('base64'),
    };
    const enc = encodeHeader(header);
    mkdirSync(spec.targetDir, { recursive: true });
    // Leftovers of a run that was killed or lost power: never complete, never listed, safe to remove.
    for (const n of readdirSync(spec.targetDir))
      if (n.endsWith('.partial')) rmQuiet(path.join(spec.targetDir, n));
    writer = await TargetWriter.open(partial, limits);
    const plainTap = new Tap((n) => progress('write', 0.3 + (0.55 * n) / snapBytes, n, snapBytes), 'none');
    const plainList = createHash('sha256');
    const encrypt = new EncryptStream(
      key,
      enc.bytes,
      enc.hash,
      Buffer.from(header.noncePrefix, 'base64'),
      () => ({
        plainBytes: plainTap.bytes,
        plainSha256: plainList.digest('hex'),
      }),
    );
    const sink = new TargetSink(writer);
    await pipeline(
      createReadStream(snap, { highWaterMark: BLOCK_SIZE }),
      plainTap,
      new Rechunk(),
      new ParallelMap(zstdAndHashBlock, ZSTD_CONCURRENCY, ([z, digest]) => {
        plainList.update(digest);
        return z;
      }),
      encrypt,
      sink,
      { signal },
    );
    const fileSha = sink.hash.digest('hex');
    mark('stream');
    // The snapshot is read; unless the check still reads it, it goes now, while the stick is flushed and read
    // back (freeing a 1 GB file's cached pages takes a third of a second).
    if (!checksSnapshot) snapRemoval = fsp.rm(snap, { force: true }).catch(() => rmQuiet(snap));
    const bytes = writer.written;
    // 4. Flush to the device, then make it visible under its final name.
    await writer.syncAndClose();
    writer = null;
    progress('verify', 0.86, 0, bytes);
    const checked = await check.promise;
    mark('check-wait');
    check = null;
    if (checked !== 'ok')
      throw new AppError('BAD_BACKUP', 'backup.errors.sourceCorrupt', {
        params: { detail: checked.slice(0, 200) },
      });
    signal.throwIfAborted();
    renameSync(partial, final);
    finalWritten = true;
    fsyncDir(spec.targetDir);
    const man: BackupManifest = {
      format: 1,
      file: path.basename(final),
      bytes,
      sha256: fileSha,
      ...described,
      dbBytes: snapBytes,
      compression: 'zstd',
      cipher: 'aes-256-gcm',
      kdf: { ...spec.kdf, algorithm: 'scrypt' },
    };
    const mw = await TargetWriter.open(manifestPartial, limits);
    try {
      await mw.write(Buffer.from(JSON.stringify(man, null, 2) + '\n', 'utf8'));
      await mw.syncAndClose();
    } catch (e) {
      await mw.closeQuietly();
      throw e;
    }
    renameSync(manifestPartial, manifest);
    fsyncDir(spec.targetDir);
    // 5. Read back from the stick and compare.
    const readBack = await sha256File(final, signal);
    mark('readback');
    progress('verify', 0.97, bytes, bytes);
    if (readBack !== fileSha) throw new AppError('IO', 'backup.errors.readBackMismatch');
    return {
      file: final,
      manifest,
      bytes,
      dbBytes: snapBytes,
      sha256: fileSha,
      counts: summary.counts,
      schemaVersion: summary.schemaVersion,
      officeUuid: summary.office?.uuid ?? null,
    };
  } catch (e) {
    check?.stop();
    if (writer) await writer.closeQuietly();
    rmQuiet(partial);
    rmQuiet(manifestPartial);
    if (finalWritten) {
      // A backup that did not verify must not be trusted later.
      rmQuiet(final);
      rmQuiet(manifest);
    }
    throw e;
  } finally {
    if (snapRemoval) await snapRemoval;
    else rmQuiet(snap);
    rmQuiet(snap + '-journal');
  }
}
