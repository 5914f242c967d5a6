import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedLetterRecord } from '../../../shared/schemas/letter';

/**
 * The QR text: `IKM1.<payload>.<signature>`, both base64url. The payload is a JSON array
 * [number, registration number, business name, yyyymmdd, kecamatan code without dots], never a NIK. The
 * Ed25519 signature covers the ASCII bytes of `IKM1.<payload>`, so neither part can be altered alone.
 * 200–270 characters: a version 10–12 QR (57–65 modules) at error correction M, about 0.5 mm a module at 3 cm.
 */
export const QR_PREFIX = 'IKM1';
const MAX_NAME = 60;

export function encodePayload(r: SignedLetterRecord): string {
  const arr = [
    r.number,
    r.registrationNumber,
    r.businessName.slice(0, MAX_NAME),
    r.date.replace(/-/g, ''),
    r.officeCode.replace(/\./g, ''),
  ];
  return Buffer.from(JSON.stringify(arr), 'utf8').toString('base64url');
}

export function decodePayload(b64: string): SignedLetterRecord | null {
  try {
    const arr = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(arr) || arr.length !== 5 || !arr.every((x) => typeof x === 'string')) return null;
    const [number, registrationNumber, businessName, d, o] = arr;
    if (!/^\d{8}$/.test(d!) || !/^\d{6}$/.test(o!)) return null;
    return {
      number: number!,
      registrationNumber: registrationNumber!,
      businessName: businessName!,
      date: `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}`,
      officeCode: `${o!.slice(0, 2)}.${o!.slice(2, 4)}.${o!.slice(4, 6)}`,
    };
  } catch {
    return null;
  }
}

const keyCache = new Map<string, KeyObject>();
function privateKey(pem: string): KeyObject {
  let k = keyCache.get(pem);
  if (!k) keyCache.set(pem, (k = createPrivateKey(pem)));
  return k;
}
function publicKey(pem: string): KeyObject {
  let k = keyCache.get(pem);
  if (!k) keyCache.set(pem, (k = createPublicKey(pem)));
  return k;
}

export interface SignedQr {
  text: string;
  signature: Buffer;
  verificationCode: string;
}

export function signRecord(r: SignedLetterRecord, privatePem: string): SignedQr {
  const signed = `${QR_PREFIX}.${encodePayload(r)}`;
  const signature = sign(null, Buffer.from(signed, 'ascii'), privateKey(privatePem));
  return {
    text: `${signed}.${signature.toString('base64url')}`,
    signature,
    verificationCode: verificationCode(signature),
  };
}

export interface ParsedQr {
  record: SignedLetterRecord;
  signed: string;
  signature: Buffer;
}

/** Splits and decodes a QR text; null when it is not one of ours (or was cut). */
export function parseQr(text: string): ParsedQr | null {
  const t = text.trim();
  const parts = t.split('.');
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(parts[1]!) || !/^[A-Za-z0-9_-]+$/.test(parts[2]!)) return null;
  const record = decodePayload(parts[1]!);
  const signature = Buffer.from(parts[2]!, 'base64url');
  if (!record || signature.length !== 64) return null;
  return { record, signed: `${parts[0]}.${parts[1]}`, signature };
}

export function verifySignature(q: ParsedQr, publicPem: string): boolean {
  try {
    return verify(null, Buffer.from(q.signed, 'ascii'), publicKey(publicPem), q.signature);
  } catch {
    return false;
  }
}

// Crockford base32: no I, L, O, U, so a code read aloud or typed is not misread.
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters from SHA-256 of the signature, shown as XXXX-XXXX on the letter. */
export function verificationCode(signature: Buffer): string {
  const h = createHash('sha256').update(signature).digest();
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of h) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 8) {
      out += B32[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 8) break;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}`;
}

/** What a clerk types: case, spaces and dashes do not matter; O→0, I/L→1. */
export function normalizeCode(code: string): string {
  const c = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

/** A short, comparable fingerprint of a public key: SHA-256 of its DER, hex groups. */
export function keyFingerprint(publicPem: string): string {
  const der = publicKey(publicPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 24).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Throws unless the PEM is an Ed25519 public key. */
export function assertEd25519Public(pem: string): void {
  const k = createPublicKey(pem);
  if (k.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
}
