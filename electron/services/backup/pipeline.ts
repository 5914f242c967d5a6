/**
 * The heavy work of backup and restore, run inside a worker thread (see worker.ts) so the UI's event loop
 * never waits on it. Plain Node; never imports electron.
 *
 * Backup: SQLite backup API → local snapshot; then, overlapped, (a) a second worker runs `integrity_check`
 * on the snapshot while (b) the snapshot streams through SHA-256 → zstd → AES-256-GCM frames → the stick
 * (`*.partial`, counted and hashed as it is written) → fsync → rename → fsync of the folder → manifest the
 * same way → read back from the stick and compare SHA-256 → rotation of old backups of the same office.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID, webcrypto } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readSync,
  mkdirSync,
  promises as fsp,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { BackupCounts, BackupEntry, BackupOfficeInfo, DbSummary } from '../../../shared/schemas/backup';
import { deriveKey, type KdfParams } from '../password';
import {
  BACKUP_EXT,
  BLOCK_SIZE,
  DecryptStream,
  EncryptStream,
  FormatError,
  FORMAT_VERSION,
  MANIFEST_EXT,
  decodeHeader,
  encodeHeader,
  keyCheckOf,
  newNoncePrefix,
  type BackupHeader,
} from './format';
import { TargetWriter, fsyncDir, fsyncFile } from './fsutil';

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/** An expected failure that crosses the worker boundary as plain data. */
export class JobError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'JobError';
  }
}

export type ProgressFn = (phase: string, fraction: number, bytesDone: number, bytesTotal: number) => void;

export const ZSTD_LEVEL = 1;

// ------------------------------------------------------------------ summaries

function tableNames(raw: Database.Database): string[] {
  return (
    raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !/_(data|idx|content|docsize|config)$/.test(n)); // FTS shadow tables
}

/** Row counts of every table, the office, the newest change: what the clerk compares before a restore. */
export function summarize(raw: Database.Database, bytes: number): DbSummary {
  const counts: BackupCounts = {};
  for (const t of tableNames(raw)) {
    counts[t] = (
      raw.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }
    ).n;
  }
  let office: BackupOfficeInfo | null = null;
  let lastChange: string | null;
  try {
    const o = raw
      .prepare('SELECT uuid, district_code, district_name, regency_name FROM office ORDER BY id LIMIT 1')
      .get() as
      { uuid: string; district_code: string; district_name: string; regency_name: string } | undefined;
    if (o)
      office = {
        uuid: o.uuid,
        districtCode: o.district_code,
        districtName: o.district_name,
        regencyName: o.regency_name,
      };
  } catch {
    office = null;
  }
  try {
    lastChange = (raw.prepare('SELECT max(at) AS m FROM audit_log').get() as { m: string | null }).m;
  } catch {
    lastChange = null;
  }
  return {
    office,
    schemaVersion: raw.pragma('user_version', { simple: true }) as number,
    counts,
    lastChange,
    bytes,
  };
}

// ------------------------------------------------------------------ snapshot check (own worker)

/**
 * The backup-time check of the snapshot: `PRAGMA quick_check`. It reads every page and verifies the b-trees,
 * the free list, record formats and NOT NULL/CHECK constraints (what a damaged disk or a bad copy looks like)
 * and skips only the cross-check of index entries against table rows, which made it 2.7x faster here than
 * `integrity_check` (0.83x vs 2.2x a plain copy of 257 MB). The full `integrity_check` runs on every restore
 * and `verify`, before anything is trusted, so a backup that fails it is never swapped in.
 */
export function integrityCheckFile(file: string): string {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = raw.pragma('quick_check(20)') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).join('; ');
  } finally {
    raw.close();
  }
}

interface CheckJob {
  promise: Promise<string>;
  /** resolves when a live check has opened its read transaction (immediately for a file check) */
  ready: Promise<void>;
  stop: () => void;
}

/**
 * Checks in another worker: the snapshot file (`role: 'check'`), or the live database inside a read
 * transaction (`role: 'check-live'`) opened while the backup holds the write lock, so both see one snapshot.
 */
function checkInWorker(entry: WorkerEntry, file: string, role: 'check' | 'check-live' = 'check'): CheckJob {
  const w = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { role, file } });
  let onReady: () => void = () => undefined;
  let onReadyFail: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((res, rej) => {
    onReady = res;
    onReadyFail = rej;
  });
  if (role === 'check') onReady();
  const promise = new Promise<string>((resolve, reject) => {
    const fail = (e: Error) => {
      onReadyFail(e);
      reject(e);
    };
    w.on('message', (m: { ready?: boolean; ok?: boolean; result?: string; error?: string }) => {
      if (m.ready) return onReady();
      if (m.ok) resolve(m.result!);
      else fail(new Error(m.error));
    });
    w.once('error', fail);
    w.once('exit', (code) => (code !== 0 ? fail(new Error(`check worker exited ${code}`)) : undefined));
  });
  ready.catch(() => undefined);
  return { promise, ready, stop: () => void w.terminate() };
}

/** quick_check of the live database inside the caller's read transaction (run in a worker). */
export function quickCheckLive(file: string, onReady: () => void): string {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    raw.exec('BEGIN');
    raw.prepare('SELECT count(*) FROM sqlite_master').get(); // the read transaction starts here
    onReady();
    const rows = raw.pragma('quick_check(20)') as { quick_check: string }[];
    raw.exec('COMMIT');
    return rows.map((r) => r.quick_check).join('; ');
  } finally {
    raw.close();
  }
}

// ------------------------------------------------------------------ backup

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
  keep: number;
  /** FAT32: a file may not reach 4 GiB */
  maxFileBytes: number | null;
  workerEntry: WorkerEntry;
}

export interface BackupJobResult {
  file: string;
  manifest: string;
  bytes: number;
  dbBytes: number;
  sha256: string;
  counts: BackupCounts;
  removedOld: string[];
  schemaVersion: number;
}

class Tap extends Transform {
  readonly hash = createHash('sha256');
  /** the format-2 hash list: SHA-256 of each BLOCK_SIZE piece, hashed in order */
  readonly blockList = new BlockListHasher();
  bytes = 0;
  constructor(
    private readonly onBytes?: (n: number) => void,
    private readonly hashing: 'all' | 'none' = 'all',
  ) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    if (this.hashing === 'all') {
      this.hash.update(chunk);
      this.blockList.update(chunk);
    }
    this.bytes += chunk.length;
    this.onBytes?.(this.bytes);
    cb(null, chunk);
  }
}

/** The format-2 plaintext hash on one thread, for any chunking (restore and verify). */
class BlockListHasher {
  private readonly list = createHash('sha256');
  private piece = createHash('sha256');
  private inPiece = 0;
  update(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(BLOCK_SIZE - this.inPiece, chunk.length - off);
      this.piece.update(chunk.subarray(off, off + n));
      this.inPiece += n;
      off += n;
      if (this.inPiece === BLOCK_SIZE) this.endPiece();
    }
  }
  private endPiece(): void {
    this.list.update(this.piece.digest());
    this.piece = createHash('sha256');
    this.inPiece = 0;
  }
  digest(): string {
    if (this.inPiece > 0) this.endPiece();
    return this.list.digest('hex');
  }
}

/** Cuts a byte stream into BLOCK_SIZE pieces (the last may be shorter); 1 MiB reads pass straight through. */
class Rechunk extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    if (this.pendingBytes === 0 && chunk.length === BLOCK_SIZE) return cb(null, chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= BLOCK_SIZE) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      let off = 0;
      for (; all.length - off >= BLOCK_SIZE; off += BLOCK_SIZE)
        this.push(all.subarray(off, off + BLOCK_SIZE));
      this.pending = off < all.length ? [all.subarray(off)] : [];
      this.pendingBytes = all.length - off;
    }
    cb();
  }
  override _flush(cb: TransformCallback): void {
    if (this.pendingBytes > 0) this.push(Buffer.concat(this.pending, this.pendingBytes));
    cb();
  }
}

/**
 * An ordered parallel map over stream chunks: up to `concurrency` calls of `fn` in flight (zstd and hashing
 * run on the libuv thread pool); `inOrder` sees the results in input order and gives the bytes to pass on.
 */
class ParallelMap<R> extends Transform {
  private inFlight: Promise<R>[] = [];
  constructor(
    private readonly fn: (b: Buffer) => Promise<R>,
    private readonly concurrency: number,
    private readonly inOrder: (r: R) => Buffer,
  ) {
    super({ highWaterMark: 2 });
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    const p = this.fn(chunk);
    p.catch(() => undefined);
    this.inFlight.push(p);
    if (this.inFlight.length < this.concurrency) return cb();
    this.inFlight.shift()!.then((out) => {
      this.push(this.inOrder(out));
      cb();
    }, cb);
  }
  override _flush(cb: TransformCallback): void {
    const drain = (): void => {
      const p = this.inFlight.shift();
      if (!p) return cb();
      p.then((out) => {
        this.push(this.inOrder(out));
        drain();
      }, cb);
    };
    drain();
  }
}

/**
 * `chunkSize` holds a whole block's output: with zlib's default of 16 KiB, every block went back and forth
 * between the thread pool and the JavaScript thread dozens of times, which cost a third more CPU and kept
 * the blocks from compressing in parallel (the stream took 3.1 s for 1 GB instead of 1.5 s).
 */
const ZSTD_PARAMS = {
  chunkSize: BLOCK_SIZE + (64 << 10),
  params: { [zlib.constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL, [zlib.constants.ZSTD_c_checksumFlag]: 1 },
};
const UNZSTD_PARAMS = { chunkSize: BLOCK_SIZE + (64 << 10) };
/** blocks in flight on the thread pool: more than the cores, so none idles while the next is handed out */
export const ZSTD_CONCURRENCY = 4;
const zstdBlock = (b: Buffer) =>
  new Promise<Buffer>((res, rej) => zlib.zstdCompress(b, ZSTD_PARAMS, (e, out) => (e ? rej(e) : res(out))));
/** a block compressed and its SHA-256 (Web Crypto's digest also runs on the thread pool) */
const zstdAndHashBlock = (b: Buffer) =>
  Promise.all([zstdBlock(b), webcrypto.subtle.digest('SHA-256', b).then((d) => Buffer.from(d))]);
const identity = (b: Buffer) => b;
const unzstdBlock = (b: Buffer) =>
  new Promise<Buffer>((res, rej) =>
    zlib.zstdDecompress(b, UNZSTD_PARAMS, (e, out) =>
      e ? rej(new JobError('BAD_BACKUP', 'backup.errors.corrupt')) : res(out),
    ),
  );

class TargetSink extends Writable {
  readonly hash = createHash('sha256');
  constructor(private readonly w: TargetWriter) {
    super({ highWaterMark: 4 << 20 });
  }
  override _write(chunk: Buffer, _e: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.w.write(chunk).then(() => {
      this.hash.update(chunk);
      cb();
    }, cb);
  }
}

async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    new Writable({
      write(c: Buffer, _e, cb) {
        h.update(c);
        cb();
      },
    }),
    { signal },
  );
  return h.digest('hex');
}

function rmQuiet(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // best effort
  }
}

/** Maps an OS error on the target to the clerk's message. */
export function targetError(e: unknown): JobError | null {
  if (e instanceof JobError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const name = (e as Error | null)?.name;
  if (name === 'AbortError' || code === 'ABORT_ERR')
    return new JobError('CANCELLED', 'backup.errors.cancelled');
  if (code === 'ENOSPC' || code === 'EDQUOT') return new JobError('DISK_FULL', 'backup.errors.targetFull');
  if (code === 'EFBIG') return new JobError('IO', 'backup.errors.fat32Limit');
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO' || code === 'ESTALE')
    return new JobError('IO', 'backup.errors.targetGone');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new JobError('IO', 'backup.errors.targetReadOnly');
  return null;
}

/** `DAFTAR_IKM_BACKUP_TIMINGS=1`: phase times on stderr (benchmark analysis). */
function phaseTimer(): (name: string, phase?: boolean) => void {
  const start = performance.now();
  let t = start;
  return (name, phase = true) => {
    if (!process.env.DAFTAR_IKM_BACKUP_TIMINGS) return;
    const now = performance.now();
    // straight to the descriptor: a worker's process.stderr goes through the main thread and may lose the end
    writeSync(
      2,
      `backup phase ${name}: ${phase ? Math.round(now - t) : '-'} ms (at ${Math.round(now - start)} ms)\n`,
    );
    if (phase) t = now;
  };
}

export async function runBackup(
  spec: BackupSpec,
  progress: ProgressFn,
  signal: AbortSignal,
): Promise<BackupJobResult> {
  mkdirSync(spec.tmpDir, { recursive: true });
  const snap = path.join(spec.tmpDir, `snapshot-${randomUUID()}.sqlite`);
  const final = path.join(spec.targetDir, spec.baseName + BACKUP_EXT);
  const partial = final + '.partial';
  const manifest = path.join(spec.targetDir, spec.baseName + MANIFEST_EXT);
  const manifestPartial = manifest + '.partial';
  let writer: TargetWriter | null = null;
  let check: CheckJob | null = null;
  const mark = phaseTimer();
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
        check = checkInWorker(spec.workerEntry, spec.dbFile, 'check-live');
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
          if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
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
    if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    // 3. quick_check of the snapshot in another worker, overlapped with compress + encrypt + write.
    let checksSnapshot = false;
    if (!check) {
      check = checkInWorker(spec.workerEntry, snap);
      check.promise.catch(() => undefined);
      checksSnapshot = true;
    }
    const key = Buffer.from(spec.keyB64, 'base64');
    const header: BackupHeader = {
      format: FORMAT_VERSION,
      app: 'daftar-ikm',
      createdAt: spec.createdAt,
      appVersion: spec.appVersion,
      schemaVersion: summary.schemaVersion,
      office: summary.office,
      counts: summary.counts,
      lastChange: summary.lastChange,
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
    writer = await TargetWriter.open(partial, spec.maxFileBytes);
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
      throw new JobError('BAD_BACKUP', 'backup.errors.sourceCorrupt', { detail: checked.slice(0, 200) });
    if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    renameSync(partial, final);
    finalWritten = true;
    fsyncDir(spec.targetDir);
    const man = {
      format: 1,
      file: path.basename(final),
      bytes,
      sha256: fileSha,
      createdAt: spec.createdAt,
      appVersion: spec.appVersion,
      schemaVersion: summary.schemaVersion,
      office: summary.office,
      counts: summary.counts,
      lastChange: summary.lastChange,
      dbBytes: snapBytes,
      compression: 'zstd',
      cipher: 'aes-256-gcm',
      kdf: { ...spec.kdf, algorithm: 'scrypt' },
    };
    const mw = await TargetWriter.open(manifestPartial, null);
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
    if (readBack !== fileSha) throw new JobError('IO', 'backup.errors.readBackMismatch');
    // 6. Keep the last N of this office; only now, after the new one is verified.
    const removedOld = rotate(spec.targetDir, summary.office?.uuid ?? null, spec.keep, path.basename(final));
    mark('rotate');
    progress('done', 1, bytes, bytes);
    return {
      file: final,
      manifest,
      bytes,
      dbBytes: snapBytes,
      sha256: fileSha,
      counts: summary.counts,
      removedOld,
      schemaVersion: summary.schemaVersion,
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
    throw targetError(e) ?? e;
  } finally {
    if (snapRemoval) await snapRemoval;
    else rmQuiet(snap);
    rmQuiet(snap + '-journal');
  }
}

/** Reads the plaintext header of a backup file (for lists; trusted only after a full check). */
export async function readHeader(file: string): Promise<BackupHeader> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(70 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return decodeHeader(buf.subarray(0, bytesRead)).header;
  } finally {
    await fh.close();
  }
}

function readHeaderSync(file: string): BackupHeader | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(70 * 1024);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return decodeHeader(buf.subarray(0, n)).header;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** Deletes the oldest backups of `officeUuid` in `dir` beyond `keep` (file and manifest). */
export function rotate(dir: string, officeUuid: string | null, keep: number, justWritten: string): string[] {
  const mine = readdirSync(dir)
    .filter((n) => n.endsWith(BACKUP_EXT))
    .map((n) => ({ n, h: readHeaderSync(path.join(dir, n)) }))
    .filter((x) => x.h && (x.h.office?.uuid ?? null) === officeUuid)
    .sort((a, b) => (a.h!.createdAt < b.h!.createdAt ? 1 : a.h!.createdAt > b.h!.createdAt ? -1 : 0));
  const removed: string[] = [];
  for (const x of mine.slice(keep)) {
    if (x.n === justWritten) continue;
    const f = path.join(dir, x.n);
    rmQuiet(f);
    rmQuiet(f.slice(0, -BACKUP_EXT.length) + MANIFEST_EXT);
    removed.push(x.n);
  }
  if (removed.length) fsyncDir(dir);
  return removed;
}

/** Backups in `dir` (and its Daftar-IKM-Cadangan folder), newest first. */
export async function listBackups(dir: string, folderName: string): Promise<BackupEntry[]> {
  const dirs = [dir, path.join(dir, folderName)].filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  const out: BackupEntry[] = [];
  for (const d of dirs) {
    for (const n of readdirSync(d)) {
      if (!n.endsWith(BACKUP_EXT)) continue;
      const file = path.join(d, n);
      const bytes = statSync(file).size;
      const hasManifest = existsSync(file.slice(0, -BACKUP_EXT.length) + MANIFEST_EXT);
      try {
        const h = await readHeader(file);
        out.push({
          file,
          name: n,
          bytes,
          createdAt: h.createdAt,
          appVersion: h.appVersion,
          schemaVersion: h.schemaVersion,
          office: h.office,
          counts: h.counts,
          lastChange: h.lastChange,
          hasManifest,
          damaged: false,
        });
      } catch {
        out.push({
          file,
          name: n,
          bytes,
          createdAt: '',
          appVersion: '',
          schemaVersion: 0,
          office: null,
          counts: {},
          lastChange: null,
          hasManifest,
          damaged: true,
        });
      }
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

// ------------------------------------------------------------------ restore: decrypt and check

export interface RestorePrepareSpec {
  file: string;
  passphrase: string;
  /** where the checked database is left (same folder as the live database, for an atomic rename) */
  stagingFile: string;
  latestSchema: number;
}

export interface RestorePrepareResult {
  /** when the backup or snapshot was made */
  createdAt: string;
  summary: DbSummary;
}

/**
 * A database about to replace the live one, checked where it lies (`partial`, beside the live file): no
 * sidecar of an earlier, interrupted run may be replayed onto it; rollback-journal mode; full
 * `integrity_check`; a schema this app can open; flushed. Answers its summary.
 */
function checkStaged(partial: string, bytes: number, latestSchema: number): DbSummary {
  for (const ext of ['-wal', '-shm', '-journal']) rmQuiet(partial + ext);
  const raw = new Database(partial, { fileMustExist: true });
  let summary: DbSummary;
  try {
    raw.pragma('journal_mode = DELETE');
    const rows = raw.pragma('integrity_check(20)') as { integrity_check: string }[];
    const res = rows.map((r) => r.integrity_check).join('; ');
    if (res !== 'ok')
      throw new JobError('BAD_BACKUP', 'backup.errors.backupCorrupt', { detail: res.slice(0, 200) });
    summary = summarize(raw, bytes);
  } catch (e) {
    if (e instanceof JobError) throw e;
    // not a database at all (SQLITE_NOTADB), or unreadable
    throw new JobError('BAD_BACKUP', 'backup.errors.backupCorrupt', {
      detail: e instanceof Error ? e.message.slice(0, 200) : String(e),
    });
  } finally {
    raw.close();
  }
  if (summary.schemaVersion > latestSchema)
    throw new JobError('SCHEMA_TOO_NEW', 'backup.errors.schemaTooNew', {
      found: summary.schemaVersion,
      supported: latestSchema,
    });
  fsyncFile(partial);
  return summary;
}

export interface LocalRestoreSpec {
  /** an automatic snapshot in the data folder (a plain SQLite file, made with the backup API) */
  file: string;
  createdAt: string;
  stagingFile: string;
  latestSchema: number;
}

/** The same preparation for an automatic local snapshot: copied beside the live file, then checked. */
export async function prepareLocalRestore(
  spec: LocalRestoreSpec,
  progress: ProgressFn,
  signal: AbortSignal,
): Promise<RestorePrepareResult> {
  const partial = spec.stagingFile + '.partial';
  rmQuiet(partial);
  rmQuiet(spec.stagingFile);
  try {
    const bytes = statSync(spec.file).size;
    progress('decrypt', 0.1, 0, bytes);
    await fsp.copyFile(spec.file, partial);
    if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    progress('check', 0.55, 0, bytes);
    const summary = checkStaged(partial, bytes, spec.latestSchema);
    renameSync(partial, spec.stagingFile);
    fsyncDir(path.dirname(spec.stagingFile));
    progress('check', 0.95, bytes, bytes);
    return { createdAt: spec.createdAt, summary };
  } catch (e) {
    rmQuiet(partial);
    rmQuiet(partial + '-journal');
    rmQuiet(spec.stagingFile);
    throw targetError(e) ?? e;
  }
}

export function formatJobError(e: FormatError): JobError {
  switch (e.kind) {
    case 'wrong-key':
      return new JobError('WRONG_PASSPHRASE', 'backup.errors.wrongPassphrase');
    case 'truncated':
      return new JobError('BAD_BACKUP', 'backup.errors.truncated');
    case 'not-backup':
      return new JobError('BAD_BACKUP', 'backup.errors.notBackup');
    case 'version':
      return new JobError('SCHEMA_TOO_NEW', 'backup.errors.schemaTooNew');
    default:
      return new JobError('BAD_BACKUP', 'backup.errors.corrupt');
  }
}

export async function prepareRestore(
  spec: RestorePrepareSpec,
  progress: ProgressFn,
  signal: AbortSignal,
): Promise<RestorePrepareResult> {
  const partial = spec.stagingFile + '.partial';
  rmQuiet(partial);
  rmQuiet(spec.stagingFile);
  let writer: TargetWriter | null = null;
  try {
    let header: BackupHeader;
    try {
      header = await readHeader(spec.file);
    } catch (e) {
      if (e instanceof FormatError) throw formatJobError(e);
      if ((e as NodeJS.ErrnoException).code === 'EISDIR')
        throw new JobError('BAD_BACKUP', 'backup.errors.notBackup');
      throw e;
    }
    const key = await deriveKey(spec.passphrase, header.kdf);
    const total = statSync(spec.file).size;
    let read = 0;
    const src = createReadStream(spec.file, { highWaterMark: 1 << 20 });
    src.on('data', (c) => {
      read += c.length;
      progress('decrypt', (0.5 * read) / total, read, total);
    });
    const decrypt = new DecryptStream(() => key);
    const plainTap = new Tap();
    writer = await TargetWriter.open(partial, null);
    const sink = new TargetSink(writer);
    try {
      await pipeline(src, decrypt, new ParallelMap(unzstdBlock, ZSTD_CONCURRENCY, identity), plainTap, sink, {
        signal,
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
      throw new JobError('BAD_BACKUP', 'backup.errors.corrupt');
    // The decrypted file is authentic; now check it is a whole database of a schema we can open.
    progress('check', 0.55, 0, t.plainBytes);
    const summary = checkStaged(partial, t.plainBytes, spec.latestSchema);
    renameSync(partial, spec.stagingFile);
    fsyncDir(path.dirname(spec.stagingFile));
    progress('check', 0.95, t.plainBytes, t.plainBytes);
    return { createdAt: header.createdAt, summary };
  } catch (e) {
    if (writer) await writer.closeQuietly();
    rmQuiet(partial);
    rmQuiet(partial + '-journal');
    rmQuiet(spec.stagingFile);
    throw targetError(e) ?? e;
  }
}
