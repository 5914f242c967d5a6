/**
 * The backup file format (`.dikm`), version 1. Plain Node, no electron.
 *
 *   "DIKMBAK1"                        8 bytes magic
 *   u32be headerLength                4 bytes
 *   header (UTF-8 JSON)               headerLength bytes: office, date, versions, counts, KDF params, key check,
 *                                     nonce prefix (no secret)
 *   sha256(header)                    32 bytes: tells a damaged header apart from a wrong passphrase
 *   frame*                            u8 flags | u32be length | ciphertext (length bytes) | GCM tag (16 bytes)
 *
 * Each frame is sealed on its own with AES-256-GCM: nonce = noncePrefix(8) || u32be(index), associated data =
 * sha256(header) || u32be(index) || flags. Each data frame (flags 0) carries one complete zstd frame holding
 * the next BLOCK_SIZE (1 MiB) of the SQLite snapshot, so blocks are compressed and decompressed in parallel on
 * the thread pool; the last frame (flags 1) carries the trailer JSON (plain size and SHA-256, frame count). So:
 * a flipped byte anywhere fails a tag (or the header hash); frames cannot be reordered, dropped or moved from
 * another file (index and header hash are authenticated); a truncated file lacks its authenticated final
 * frame; bytes after the final frame are refused. A frame's plaintext is released only after its tag
 * verified, and the restored database is used only after the trailer's SHA-256 matched and the file passed
 * `integrity_check`.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { BackupHeader, BackupTrailer } from '../../../shared/schemas/backup';

export const MAGIC = Buffer.from('DIKMBAK1', 'latin1');
/**
 * 2: the trailer's plainSha256 is the SHA-256 of the SHA-256s of the plaintext's BLOCK_SIZE pieces (a hash
 * list), so the per-block hashes run on the thread pool next to zstd instead of one hash holding up the
 * stream. 1 (read only): the SHA-256 of the whole plaintext.
 */
export const FORMAT_VERSION = 2;
/** plaintext block compressed as one zstd frame, sealed as one GCM frame */
export const BLOCK_SIZE = 1 << 20;
export const TAG_LENGTH = 16;
export const FRAME_HEAD = 5;
export const BACKUP_EXT = '.dikm';
export const MANIFEST_EXT = '.dikm.json';
/** The folder on a stick that holds the office's backups. */
export const BACKUP_FOLDER = 'Daftar-IKM-Cadangan';
const FLAG_FINAL = 1;
export const MAX_HEADER = 64 * 1024;
const MAX_FRAME = BLOCK_SIZE + (256 << 10);

export type { BackupHeader, BackupTrailer };

export class FormatError extends Error {
  constructor(
    readonly kind: 'not-backup' | 'header' | 'truncated' | 'corrupt' | 'wrong-key' | 'version',
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

export function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key).update('daftar-ikm/key-check').digest().subarray(0, 16).toString('base64');
}

export function encodeHeader(h: BackupHeader): { bytes: Buffer; hash: Buffer } {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const hash = createHash('sha256').update(json).digest();
  return { bytes: Buffer.concat([MAGIC, len, json, hash]), hash };
}

/**
 * The header's frame at the start of `buf` (needs at most MAX_HEADER + 44 bytes): its JSON bytes, their SHA-256
 * and the frame's length, with the magic and the hash checked. The JSON itself is read with its schema on
 * main (header.ts); the workers never parse it (see DecryptStream).
 */
export function readHeaderFrame(buf: Buffer): { json: Buffer; hash: Buffer; length: number } {
  const head = buf.subarray(0, 8);
  if (!head.equals(MAGIC)) {
    // "DIKMBAK" and another version digit: a newer app wrote it
    if (head.length === 8 && head.subarray(0, 7).equals(MAGIC.subarray(0, 7)))
      throw new FormatError('version', 'backup format is newer than this app');
    if (head.length > 0 && head.length < 8 && head.equals(MAGIC.subarray(0, head.length)))
      throw new FormatError('truncated', 'file too short');
    throw new FormatError('not-backup', 'not a Daftar IKM backup');
  }
  if (buf.length < 12) throw new FormatError('truncated', 'header truncated');
  const len = buf.readUInt32BE(8);
  if (len > MAX_HEADER) throw new FormatError('header', 'header too long');
  if (buf.length < 12 + len + 32) throw new FormatError('truncated', 'header truncated');
  const json = buf.subarray(12, 12 + len);
  const hash = createHash('sha256').update(json).digest();
  if (!hash.equals(buf.subarray(12 + len, 12 + len + 32))) throw new FormatError('header', 'header damaged');
  return { json, hash, length: 12 + len + 32 };
}

/**
 * The trailer, authenticated with the last frame's tag. Checked field by field here rather than with the
 * schema library, which the workers do not load (it cost about 140 ms of CPU per worker start); every field is
 * then compared with what was counted and hashed.
 */
function trailerOf(text: string): BackupTrailer | null {
  let t: unknown;
  try {
    t = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof t !== 'object' || t === null) return null;
  const { plainBytes, plainSha256, compressedBytes, frames } = t as Record<string, unknown>;
  const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!count(plainBytes) || !count(compressedBytes) || !count(frames) || typeof plainSha256 !== 'string')
    return null;
  return { plainBytes, plainSha256, compressedBytes, frames };
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

function aad(headerHash: Buffer, index: number, flags: number): Buffer {
  const a = Buffer.alloc(37);
  headerHash.copy(a, 0);
  a.writeUInt32BE(index, 32);
  a[36] = flags;
  return a;
}

function sealFrame(
  key: Buffer,
  prefix: Buffer,
  headerHash: Buffer,
  index: number,
  flags: number,
  plain: Buffer,
) {
  const c = createCipheriv('aes-256-gcm', key, nonce(prefix, index), { authTagLength: TAG_LENGTH });
  c.setAAD(aad(headerHash, index, flags));
  const body = Buffer.concat([c.update(plain), c.final()]);
  const head = Buffer.alloc(FRAME_HEAD);
  head[0] = flags;
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body, c.getAuthTag()]);
}

export function newNoncePrefix(): Buffer {
  return randomBytes(8);
}

/**
 * Compressed blocks in (one zstd frame per chunk), framed ciphertext out (header first). `trailer()` is asked
 * for the trailer when the input ends (the plain size and hash are known only then).
 */
export class EncryptStream extends Transform {
  private index = 0;
  private compressed = 0;
  private readonly prefix: Buffer;
  constructor(
    private readonly key: Buffer,
    headerBytes: Buffer,
    private readonly headerHash: Buffer,
    noncePrefix: Buffer,
    private readonly trailer: () => Omit<BackupTrailer, 'compressedBytes' | 'frames'>,
  ) {
    super({ highWaterMark: 4 });
    this.prefix = noncePrefix;
    this.push(headerBytes);
  }
  private seal(plain: Buffer, flags: number) {
    this.push(sealFrame(this.key, this.prefix, this.headerHash, this.index, flags, plain));
    this.index++;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (chunk.length > MAX_FRAME) return cb(new Error('block too large for one frame'));
    this.compressed += chunk.length;
    this.seal(chunk, 0);
    cb();
  }
  override _flush(cb: TransformCallback): void {
    const t: BackupTrailer = { ...this.trailer(), compressedBytes: this.compressed, frames: this.index };
    this.seal(Buffer.from(JSON.stringify(t), 'utf8'), FLAG_FINAL);
    cb();
  }
}

/** The header a file must have (read and checked on main): its SHA-256 and what decryption needs from it. */
export interface CheckedHeader {
  hash: Buffer;
  keyCheck: string;
  noncePrefix: string;
}

/**
 * The whole file in (any chunking), verified compressed bytes out. The file's header must be exactly the one
 * checked before (same SHA-256), and the key must pass its key check before any frame is opened. Throws
 * FormatError on a damaged, truncated, changed or foreign file, or a wrong key.
 */
export class DecryptStream extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private started = false;
  private readonly prefix: Buffer;
  private index = 0;
  private done = false;
  private compressed = 0;
  trailerValue: BackupTrailer | null = null;
  constructor(
    private readonly expected: CheckedHeader,
    private readonly key: Buffer,
  ) {
    super({ highWaterMark: 4 });
    this.prefix = Buffer.from(expected.noncePrefix, 'base64');
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.drain();
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
  private drain(): void {
    if (!this.started) {
      const n = Math.min(8, this.buf.length);
      if (
        !this.buf.subarray(0, n).equals(MAGIC.subarray(0, n)) &&
        !this.buf.subarray(0, Math.min(n, 7)).equals(MAGIC.subarray(0, Math.min(n, 7)))
      )
        throw new FormatError('not-backup', 'not a Daftar IKM backup');
      if (this.buf.length < 12) return;
      const len = this.buf.readUInt32BE(8);
      if (len <= MAX_HEADER && this.buf.length < 12 + len + 32) return;
      const d = readHeaderFrame(this.buf);
      // the file changed since its header was checked (another stick, another file of the same name)
      if (!d.hash.equals(this.expected.hash))
        throw new FormatError('header', 'not the header that was checked');
      if (keyCheckOf(this.key) !== this.expected.keyCheck)
        throw new FormatError('wrong-key', 'wrong passphrase');
      this.started = true;
      this.buf = this.buf.subarray(d.length);
    }
    while (this.buf.length >= FRAME_HEAD) {
      if (this.done) throw new FormatError('corrupt', 'data after the final frame');
      const flags = this.buf[0]!;
      const len = this.buf.readUInt32BE(1);
      if ((flags !== 0 && flags !== FLAG_FINAL) || len > MAX_FRAME)
        throw new FormatError('corrupt', 'bad frame');
      const total = FRAME_HEAD + len + TAG_LENGTH;
      if (this.buf.length < total) return;
      const body = this.buf.subarray(FRAME_HEAD, FRAME_HEAD + len);
      const tag = this.buf.subarray(FRAME_HEAD + len, total);
      const d = createDecipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.index), {
        authTagLength: TAG_LENGTH,
      });
      d.setAAD(aad(this.expected.hash, this.index, flags));
      d.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(body), d.final()]);
      } catch {
        throw new FormatError('corrupt', `frame ${this.index} failed authentication`);
      }
      this.index++;
      this.buf = this.buf.subarray(total);
      if (flags === FLAG_FINAL) {
        this.done = true;
        const t = trailerOf(plain.toString('utf8'));
        if (!t) throw new FormatError('corrupt', 'trailer damaged');
        if (t.frames !== this.index - 1 || t.compressedBytes !== this.compressed)
          throw new FormatError('corrupt', 'trailer does not match the frames');
        this.trailerValue = t;
      } else {
        this.compressed += plain.length;
        this.push(plain);
      }
    }
    if (this.buf.length && this.done) throw new FormatError('corrupt', 'data after the final frame');
  }
  override _flush(cb: TransformCallback): void {
    if (!this.started)
      return cb(new FormatError(this.buf.length ? 'truncated' : 'not-backup', 'file too short'));
    if (!this.done || this.buf.length) return cb(new FormatError('truncated', 'backup file is truncated'));
    cb();
  }
}
