import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  opts: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt parameters: N=2^15, r=8, p=2 (tens of ms here, 32 MiB per lane), above OWASP's floor for scrypt. */
export const SCRYPT_N = 1 << 15;
const R = 8;
const P = 2;
const KEYLEN = 32;
const MAXMEM = 256 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash` (base64). `N` other than SCRYPT_N only from the tests' config (AppConfig.scryptN). */
export async function hashPassword(password: string, N: number = SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface KdfParams {
  salt: string; // base64
  N: number;
  r: number;
  p: number;
}

/** Derives a 32-byte key (AES-256) from a passphrase; used for backup encryption. */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFKC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: MAXMEM,
  });
}

export function newKdfParams(N: number = SCRYPT_N): KdfParams {
  return { salt: randomBytes(16).toString('base64'), N, r: 8, p: 1 };
}
