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

/**
 * Fills `<staging>.partial` with `fill`, which checks it; then the file takes the staging name (atomically).
 * Any failure or a cancel leaves neither behind.
 */
async function intoStaging(
  stagingFile: string,
  fill: (partial: string) => Promise<RestorePrepareResult>,
): Promise<RestorePrepareResult> {
  const partial = stagingFile + '.partial';
  removeStaging(stagingFile);
  try {
    const r = await fill(partial);
    renameSync(partial, stagingFile);
    fsyncDir(path.dirname(stagingFile));
    return r;
  } catch (e) {
    removeStaging(stagingFile);
    throw e;
  }
}

/** The same preparation for an automatic local snapshot: copied beside the live file, then checked. */
export async function prepareLocalRestore(
  spec: LocalRestoreSpec,
  io: JobIo<PhaseProgress>,
): Promise<RestorePrepareResult> {
  const progress = phaseReporter(io);
  return intoStaging(spec.stagingFile, async (partial) => {
    const bytes = statSync(spec.file).size;
    progress('decrypt', 0.1, 0, bytes);
    await fsp.copyFile(spec.file, partial);
    io.signal.throwIfAborted();
    progress('check', 0.55, 0, bytes);
    const summary = checkStaged(partial, bytes, spec.latestSchema);
    progress('check', 0.95, bytes, bytes);
    return { createdAt: spec.createdAt, summary };
  });
}

export async function prepareRestore(
  spec: RestorePrepareSpec,
  io: JobIo<PhaseProgress>,
): Promise<RestorePrepareResult> {
  const progress = phaseReporter(io);
  const { header } = spec;
  return intoStaging(spec.stagingFile, async (partial) => {
    const key = await deriveKey(spec.passphrase, header.kdf);
    if (keyCheckOf(key) !== header.keyCheck)
      throw new AppError('WRONG_PASSPHRASE', 'backup.errors.wrongPassphrase');
    io.signal.throwIfAborted();
    const total = statSync(spec.file).size;
    // the bytes read are counted by a pass-through in the pipeline: a 'data' listener on the file put it in
    // flowing mode while the staging file was still being opened, and a backup small enough to be read in
    // one chunk reached the listener alone, never the decryption ("not a backup", seen in CI twice)
    const readTap = new Tap((n) => progress('decrypt', (0.5 * n) / total, n, total), 'none');
    const decrypt = new DecryptStream(
      {
        hash: Buffer.from(spec.headerSha256, 'hex'),
        keyCheck: header.keyCheck,
        noncePrefix: header.noncePrefix,
      },
      key,
    );
    const plainTap = new Tap();
    const writer = await TargetWriter.open(partial, {
      maxFileBytes: null,
      faultEnospcAfter: io.config.faultEnospcAfter,
    });
    try {
      await pipeline(
        createReadStream(spec.file, { highWaterMark: 1 << 20 }),
        readTap,
        decrypt,
        new ParallelMap(unzstdBlock, ZSTD_CONCURRENCY, identity),
        plainTap,
        new TargetSink(writer),
        { signal: io.signal },
      );
      await writer.syncAndClose();
    } catch (e) {
      await writer.closeQuietly();
      throw e instanceof FormatError ? formatJobError(e) : e;
    }
    const t = decrypt.trailerValue;
    const plainSha256 = header.format === 1 ? plainTap.hash.digest('hex') : plainTap.blockList.digest();
    if (!t || t.plainBytes !== plainTap.bytes || t.plainSha256 !== plainSha256)
      throw new AppError('BAD_BACKUP', 'backup.errors.corrupt');
    // The decrypted file is authentic; now check it is a whole database of a schema we can open.
    progress('check', 0.55, 0, t.plainBytes);
    const summary = checkStaged(partial, t.plainBytes, spec.latestSchema);
    progress('check', 0.95, t.plainBytes, t.plainBytes);
    return { createdAt: header.createdAt, summary };
  });
}
