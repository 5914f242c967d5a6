/**
 * The stream stages of backup and restore (run in the backup worker): counting and hashing taps, exact 1 MiB
 * blocks, an ordered parallel map that keeps zstd and SHA-256 busy on the libuv thread pool, and the sink
 * that writes to the stick through TargetWriter.
 */
import { createHash, webcrypto } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import { BLOCK_SIZE } from '../format';
import type { TargetWriter } from '../fsutil';

export const ZSTD_LEVEL = 1;

/** Counts (and optionally hashes, whole and as the format-2 block list) the bytes passing through. */
export class Tap extends Transform {
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
export class Rechunk extends Transform {
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
export class ParallelMap<R> extends Transform {
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
export const zstdAndHashBlock = (b: Buffer) =>
  Promise.all([zstdBlock(b), webcrypto.subtle.digest('SHA-256', b).then((d) => Buffer.from(d))]);
export const identity = (b: Buffer) => b;
export const unzstdBlock = (b: Buffer) =>
  new Promise<Buffer>((res, rej) =>
    zlib.zstdDecompress(b, UNZSTD_PARAMS, (e, out) =>
      e ? rej(new AppError('BAD_BACKUP', 'backup.errors.corrupt')) : res(out),
    ),
  );

/** Writes to the target (counted, limited, fault-injectable) and hashes what it wrote. */
export class TargetSink extends Writable {
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

export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
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
