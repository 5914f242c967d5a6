import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  DecryptStream,
  EncryptStream,
  FormatError,
  encodeHeader,
  keyCheckOf,
  newNoncePrefix,
  type BackupHeader,
} from '../../../electron/services/backup/format';
import { decodeHeader } from '../../../electron/services/backup/header';

const key = randomBytes(32);

function header(): BackupHeader {
  return {
    format: 1,
    app: 'daftar-ikm',
    createdAt: '2026-11-23T10:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: 7,
    office: { uuid: 'u', districtCode: '35.09.27', districtName: 'Kalisat', regencyName: 'Kabupaten Jember' },
    counts: { businesses: 3 },
    lastChange: null,
    kdf: { salt: 'c2FsdA==', N: 32768, r: 8, p: 1 },
    keyCheck: keyCheckOf(key),
    cipher: 'aes-256-gcm',
    compression: 'zstd',
    blockSize: 4 << 20,
    noncePrefix: newNoncePrefix().toString('base64'),
  };
}

async function seal(plain: Buffer): Promise<Buffer> {
  const h = header();
  const enc = encodeHeader(h);
  const out: Buffer[] = [];
  await pipeline(
    // three blocks, as the backup pipeline gives them (one compressed block per frame)
    Readable.from([plain.subarray(0, 1 << 20), plain.subarray(1 << 20, 2 << 20), plain.subarray(2 << 20)]),
    new EncryptStream(key, enc.bytes, enc.hash, Buffer.from(h.noncePrefix, 'base64'), () => ({
      plainBytes: plain.length,
      plainSha256: 'x',
    })),
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

/** As a restore reads a file: the header with its schema (on main), then the frames held to that header. */
async function open(file: Buffer, k = key, pieces = 7): Promise<Buffer> {
  const { header, hash } = decodeHeader(file);
  const out: Buffer[] = [];
  const step = Math.ceil(file.length / pieces);
  const parts: Buffer[] = [];
  for (let i = 0; i < file.length; i += step) parts.push(file.subarray(i, i + step));
  await pipeline(
    Readable.from(parts),
    new DecryptStream({ hash, keyCheck: header.keyCheck, noncePrefix: header.noncePrefix }, k),
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return e instanceof FormatError ? e.kind : `other: ${String(e)}`;
  }
}

describe('backup file format', () => {
  const plain = Buffer.from('Keripik Tempe Bu Sri, Desa Ajung. '.repeat(80_000)); // 2.7 MB: three frames of 1 MiB

  it('round-trips through any chunking', async () => {
    const file = await seal(plain);
    expect((await open(file, key, 1)).equals(plain)).toBe(true);
    expect((await open(file, key, 97)).equals(plain)).toBe(true);
  });

  it('a wrong key is told apart from damage, before any frame is opened', async () => {
    const file = await seal(plain);
    expect(await kindOf(open(file, randomBytes(32)))).toBe('wrong-key');
  });

  it('a flipped byte anywhere is detected (header, frame head, ciphertext, tag, trailer)', async () => {
    const file = await seal(plain);
    const positions = [
      0,
      5,
      9,
      20,
      200,
      420,
      430,
      5000,
      1_048_700,
      file.length - 40,
      file.length - 17,
      file.length - 1,
    ];
    for (let i = 0; i < 40; i++) positions.push(Math.floor(Math.random() * file.length));
    for (const pos of positions) {
      const bad = Buffer.from(file);
      bad[pos] = bad[pos]! ^ (1 << (pos % 8));
      const kind = await kindOf(open(bad));
      expect(kind, `flip at ${pos}`).not.toBe('accepted');
      expect(kind, `flip at ${pos}`).not.toMatch(/^other/);
    }
  });

  it('a truncated file is detected at every cut, including exactly at a frame boundary', async () => {
    const file = await seal(plain);
    const cuts = [0, 3, 11, 100, 1000, 1_048_600, file.length - 200, file.length - 1];
    // frame boundary: header + first full frame
    const headerLen = 12 + file.readUInt32BE(8) + 32;
    cuts.push(headerLen, headerLen + 5 + (1 << 20) + 16);
    for (const cut of cuts) {
      const kind = await kindOf(open(file.subarray(0, cut)));
      expect(['truncated', 'not-backup', 'corrupt', 'header'], `cut at ${cut}: ${kind}`).toContain(kind);
    }
  });

  it('frames cannot be swapped or dropped, and bytes after the end are refused', async () => {
    const file = await seal(plain);
    const headerLen = 12 + file.readUInt32BE(8) + 32;
    const f = 5 + (1 << 20) + 16;
    const a = file.subarray(headerLen, headerLen + f);
    const b = file.subarray(headerLen + f, headerLen + 2 * f);
    const rest = file.subarray(headerLen + 2 * f);
    const head = file.subarray(0, headerLen);
    expect(await kindOf(open(Buffer.concat([head, b, a, rest])))).toBe('corrupt');
    expect(await kindOf(open(Buffer.concat([head, b, rest])))).toBe('corrupt');
    expect(await kindOf(open(Buffer.concat([file, Buffer.from('x')])))).toBe('corrupt');
  });

  it('a frame from another backup (other header) does not authenticate', async () => {
    const one = await seal(plain);
    const two = await seal(plain);
    const h1 = 12 + one.readUInt32BE(8) + 32;
    const h2 = 12 + two.readUInt32BE(8) + 32;
    expect(await kindOf(open(Buffer.concat([one.subarray(0, h1), two.subarray(h2)])))).toBe('corrupt');
  });

  it('a file whose header is not the one checked before is refused (swapped between check and read)', async () => {
    const one = await seal(plain);
    const two = await seal(plain);
    const { header, hash } = decodeHeader(one);
    const read = pipeline(
      Readable.from([two]),
      new DecryptStream({ hash, keyCheck: header.keyCheck, noncePrefix: header.noncePrefix }, key),
      new Writable({ write: (_c, _e, cb) => cb() }),
    );
    expect(await kindOf(read)).toBe('header');
  });

  it('a file that is not a backup is named as such', async () => {
    expect(await kindOf(open(Buffer.from('SQLite format 3\0 and more bytes here')))).toBe('not-backup');
    // a newer app's format is "update the app"; a file cut inside the magic is truncated, not newer
    expect(await kindOf(open(Buffer.from(`DIKMBAK2${'x'.repeat(60)}`)))).toBe('version');
    expect(await kindOf(open(Buffer.from('DIKMBA')))).toBe('truncated');
    expect(await kindOf(open(Buffer.from('DIKMBAK1\0\0')))).toBe('truncated');
  });
});
