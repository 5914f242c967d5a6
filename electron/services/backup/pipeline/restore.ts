/**
 * The restore check, run inside the backup worker: a backup whose header main has read and checked is
 * decrypted, verified (GCM per frame, the trailer's hash) and fully checked into a staging file beside the
 * live database, or an automatic snapshot is
 * copied there and checked the same way. Nothing live changes here; the swap is main's (backup/restore.ts).
 * Every failure and a cancel leave no staging file behind.
 */
import { createReadStream, promises as fsp, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../../shared/errors';
import type { DbSummary } from '../../../../shared/schemas/backup';
import type { JobIo } from '../../jobs/protocol';
import { deriveKey } from '../../password';
import { DecryptStream, FormatError, keyCheckOf, type BackupHeader } from '../format';
import { TargetWriter, fsyncDir, rmQuiet } from '../fsutil';
import { checkStaged } from './checks';
import { formatJobError } from './errors';
import { phaseReporter, type PhaseProgress } from './progress';
import { ParallelMap, Tap, TargetSink, ZSTD_CONCURRENCY, identity, unzstdBlock } from './streams';

export interface RestorePrepareSpec {
  file: string;
  /** the file's header, read and checked with its schema on main; the file must still have it */
  header: BackupHeader;
  /** its SHA-256, hex */
  headerSha256: string;
  passphrase: string;
  /** where the checked database is left (same folder as the live database, for an atomic rename) */
  stagingFile: string;
  latestSchema: number;
}

export interface LocalRestoreSpec {
  /** an automatic snapshot in the data folder (a plain SQLite file, made with the backup API) */
  file: string;
  createdAt: string;
  stagingFile: string;
  latestSchema: number;
}

export interface RestorePrepareResult {
  /** when the backup or snapshot was made */
  createdAt: string;
  summary: DbSummary;
}

function removeStaging(stagingFile: string): void {
  const partial = stagingFile + '.partial';
  rmQuiet(partial);
  rmQuiet(partial + '-journal');
  rmQuiet(stagingFile);
}

/** The checked partial file takes the staging name (atomically) once everything about it is known good. */
function promote(partial: string, stagingFile: string): void {
  renameSync(partial, stagingFile);
  fsyncDir(path.dirname(stagingFile));
}

/** The same preparation for an automatic local snapshot: copied beside the live file, then checked. */
export async function prepareLocalRestore(
  spec: LocalRestoreSpec,
  io: JobIo<PhaseProgress>,
): Promise<RestorePrepareResult> {
  const progress = phaseReporter(io);
  const partial = spec.stagingFile + '.partial';
  removeStaging(spec.stagingFile);
  try {
    const bytes = statSync(spec.file).size;
    progress('decrypt', 0.1, 0, bytes);
    await fsp.copyFile(spec.file, partial);
    io.signal.throwIfAborted();
    progress('check', 0.55, 0, bytes);
    const summary = checkStaged(partial, bytes, spec.latestSchema);
    promote(partial, spec.stagingFile);
    progress('check', 0.95, bytes, bytes);
    return { createdAt: spec.createdAt, summary };
  } catch (e) {
    removeStaging(spec.stagingFile);
    throw e;
  }
}

export async function prepareRestore(
  spec: RestorePrepareSpec,
  io: JobIo<PhaseProgress>,
): Promise<RestorePrepareResult> {
  const progress = phaseReporter(io);
  const partial = spec.stagingFile + '.partial';
  removeStaging(spec.stagingFile);
  let writer: TargetWriter | null = null;
  try {
    const { header } = spec;
    const key = await deriveKey(spec.passphrase, header.kdf);
    if (keyCheckOf(key) !== header.keyCheck)
      throw new AppError('WRONG_PASSPHRASE', 'backup.errors.wrongPassphrase');
    io.signal.throwIfAborted();
    const total = statSync(spec.file).size;
    let read = 0;
    const src = createReadStream(spec.file, { highWaterMark: 1 << 20 });
    src.on('data', (c) => {
      read += c.length;
      progress('decrypt', (0.5 * read) / total, read, total);
    });
    const decrypt = new DecryptStream(
      {
        hash: Buffer.from(spec.headerSha256, 'hex'),
        keyCheck: header.keyCheck,
        noncePrefix: header.noncePrefix,
      },
      key,
    );
    const plainTap = new Tap();
    writer = await TargetWriter.open(partial, {
      maxFileBytes: null,
      faultEnospcAfter: io.config.faultEnospcAfter,
    });
    const sink = new TargetSink(writer);
    try {
      await pipeline(src, decrypt, new ParallelMap(unzstdBlock, ZSTD_CONCURRENCY, identity), plainTap, sink, {
        signal: io.signal,
      });
    } catch (e) {
      if (e instanceof FormatError) throw formatJobError(e);
      throw e;
    }
    await writer.syncAndClose();
    writer = null;
    const t = decrypt.trailerValue;
    const plainSha256 = header.format === 1 ? plainTap.hash.digest('hex') : plainTap.blockList.digest();
    if (!t || t.plainBytes !== plainTap.bytes || t.plainSha256 !== plainSha256)
      throw new AppError('BAD_BACKUP', 'backup.errors.corrupt');
    // The decrypted file is authentic; now check it is a whole database of a schema we can open.
    progress('check', 0.55, 0, t.plainBytes);
    const summary = checkStaged(partial, t.plainBytes, spec.latestSchema);
    promote(partial, spec.stagingFile);
    progress('check', 0.95, t.plainBytes, t.plainBytes);
    return { createdAt: header.createdAt, summary };
  } catch (e) {
    if (writer) await writer.closeQuietly();
    removeStaging(spec.stagingFile);
    throw e;
  }
}
