/**
 * The `secrets` table, wrapped (issue 10, hole 6). Every row is an AES-256-GCM envelope, never the plain
 * value:
 *
 *   {"v":1,"kek":"machine","kid":…,"iv":…,"ct":…,"tag":…}       under the machine key (machine-key.ts)
 *   {"v":1,"kek":"passphrase","kdf":{…},"keyCheck":…,"iv":…,…}   under the backup key (the escrow row)
 *
 * The associated data binds an envelope to its row name and key, so an envelope moved to another row, or any
 * changed byte, is refused (SecretError 'tampered'). An envelope under a machine key this PC does not have
 * (the database was copied from another PC) is 'foreign': the app says to restore with the passphrase.
 *
 * The escrow row (`backup.escrow`) holds all the other secrets under the backup key (derived from the
 * passphrase, its scrypt parameters in the envelope): it rides along in every backup, so a backup restored
 * on another PC, whose machine key is different, gets its keys back from the passphrase the restore was given.
 * Old backups hold their own escrow under their own passphrase: a passphrase change never touches them.
 */
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RawDb } from '../../db/connection';
import type { WriteCtx } from '../../db/queries/audit';
import { AppError } from '../../shared/errors';
import { parseJsonWith } from '../../shared/json';
import { kdfParamsSchema } from '../../shared/schemas/backup';
import type { AppContext } from '../app/context';
import { log } from '../app/log';
import type { MachineKey } from '../app/machine-key';
import { keyCheckOf } from './backup/format';
import type { KdfParams } from './password';

export const ESCROW = 'backup.escrow';
/** the secret names the app writes (set-up): the escrow holds all of them but itself */
export type SecretName = 'backup.kdf' | 'backup.key' | 'signing.privateKey' | 'signing.publicKey';

const b64 = z
  .string()
  .max(1 << 20)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealed = { iv: b64.length(16), ct: b64, tag: b64.length(24) };
export const machineEnvelopeSchema = z
  .object({
    v: z.literal(1),
    kek: z.literal('machine'),
    kid: z.string().regex(/^[0-9a-f]{16}$/),
    ...sealed,
  })
  .strict();
export const passphraseEnvelopeSchema = z
  .object({ v: z.literal(1), kek: z.literal('passphrase'), kdf: kdfParamsSchema, keyCheck: b64, ...sealed })
  .strict();
export const envelopeSchema = z.discriminatedUnion('kek', [machineEnvelopeSchema, passphraseEnvelopeSchema]);
export type Envelope = z.output<typeof envelopeSchema>;

export class SecretError extends Error {
  constructor(
    readonly kind: 'foreign' | 'tampered',
    readonly secret: string,
  ) {
    super(`secret ${secret}: ${kind}`);
    this.name = 'SecretError';
  }
}

/** Does this stored value look like an envelope at all (a plain value never starts with {"v":)? */
function looksWrapped(value: string): boolean {
  return value.startsWith('{"v":');
}

function aad(name: string, kek: string, id: string): Buffer {
  return Buffer.from(`daftar-ikm/secret/v1\0${kek}\0${id}\0${name}`, 'utf8');
}

function seal(key: Buffer, ad: Buffer, plain: string): { iv: string; ct: string; tag: string } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(ad);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function unseal(key: Buffer, ad: Buffer, e: { iv: string; ct: string; tag: string }, name: string): string {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(e.iv, 'base64'));
    d.setAAD(ad);
    d.setAuthTag(Buffer.from(e.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(e.ct, 'base64')), d.final()]).toString('utf8');
  } catch {
    throw new SecretError('tampered', name);
  }
}

export function wrapSecret(mk: MachineKey, name: string, plain: string): string {
  const env: Envelope = {
    v: 1,
    kek: 'machine',
    kid: mk.id,
    ...seal(mk.key, aad(name, 'machine', mk.id), plain),
  };
  return JSON.stringify(env);
}

function parseEnvelope(name: string, stored: string): Envelope {
  const r = parseJsonWith(envelopeSchema, stored);
  if (!r.ok) throw new SecretError('tampered', name);
  return r.value;
}

/** The plain value of a machine envelope; SecretError 'foreign' (another PC's key) or 'tampered'. */
export function unwrapSecret(mk: MachineKey, name: string, stored: string): string {
  const e = parseEnvelope(name, stored);
  if (e.kek !== 'machine') throw new SecretError('tampered', name);
  if (e.kid !== mk.id) throw new SecretError('foreign', name);
  return unseal(mk.key, aad(name, 'machine', mk.id), e, name);
}

/** The escrow envelope: `values` (secret name → plain value) under the backup key. */
export function wrapEscrow(backupKey: Buffer, kdf: KdfParams, values: Record<string, string>): string {
  const keyCheck = keyCheckOf(backupKey);
  const env: Envelope = {
    v: 1,
    kek: 'passphrase',
    kdf: { salt: kdf.salt, N: kdf.N, r: kdf.r, p: kdf.p },
    keyCheck,
    ...seal(backupKey, aad(ESCROW, 'passphrase', keyCheck), JSON.stringify(values)),
  };
  return JSON.stringify(env);
}

const escrowValuesSchema = z.record(z.string().max(100), z.string().max(1 << 16));

/** The escrow's values; null when `backupKey` is not the key it was made under; SecretError if altered. */
export function unwrapEscrow(backupKey: Buffer, stored: string): Record<string, string> | null {
  const e = parseEnvelope(ESCROW, stored);
  if (e.kek !== 'passphrase') throw new SecretError('tampered', ESCROW);
  const check = Buffer.from(keyCheckOf(backupKey));
  const want = Buffer.from(e.keyCheck);
  if (check.length !== want.length || !timingSafeEqual(check, want)) return null;
  const text = unseal(backupKey, aad(ESCROW, 'passphrase', e.keyCheck), e, ESCROW);
  const r = parseJsonWith(escrowValuesSchema, text);
  if (!r.ok) throw new SecretError('tampered', ESCROW);
  return r.value;
}

/**
 * The rows to store for these plain secrets: each under the machine key, plus the escrow under the backup
 * key (from `backup.key` and `backup.kdf` among them; no escrow without both).
 */
export function sealedRows(mk: MachineKey, plain: Record<string, string>): [string, string][] {
  const rows: [string, string][] = Object.entries(plain)
    .filter(([k]) => k !== ESCROW)
    .map(([k, v]) => [k, wrapSecret(mk, k, v)]);
  const keyB64 = plain['backup.key'];
  const kdf = plain['backup.kdf'] ? parseJsonWith(kdfParamsSchema, plain['backup.kdf']) : null;
  if (keyB64 && kdf?.ok) {
    const values = Object.fromEntries(Object.entries(plain).filter(([k]) => k !== ESCROW));
    rows.push([ESCROW, wrapEscrow(Buffer.from(keyB64, 'base64'), kdf.value, values)]);
  }
  return rows;
}

/** Stores rows from `sealedRows` in the write's transaction, each replacing the row of its key. */
export async function putSealedRows(w: WriteCtx, rows: [string, string][]): Promise<void> {
  for (const [key, value] of rows)
    await w.trx
      .insertInto('secrets')
      .values({ key, value, created_at: w.now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
}

export interface ProtectResult {
  /** 'unavailable': some secret is wrapped under another PC's machine key and no escrow could open it */
  state: 'ok' | 'unavailable';
  /** rows written (plain values wrapped, foreign ones re-wrapped from the escrow) */
  rewritten: number;
}

/**
 * Brings the secrets of a database (the live one at boot, a restored one before it goes live) under this
 * PC's machine key, in one transaction: plain rows (databases and backups from before wrapping) are wrapped;
 * rows under another PC's key are taken from the escrow when `backupKey` (from the restore's passphrase)
 * opens it. Deleted plain values are overwritten (secure_delete); when plain values were wrapped, the file is
 * then rebuilt (VACUUM, unless `compact` is false: the caller writes a fresh copy itself), since pages freed
 * before, while secure_delete was off (it always was before the keys were wrapped), can still hold a plain
 * key that no UPDATE reaches; in WAL mode the WAL is then checkpointed and truncated. Throws SecretError 'tampered' for an envelope that
 * is not what it claims.
 */
export function protectSecrets(
  raw: RawDb,
  mk: MachineKey,
  backupKey: Buffer | null = null,
  opts: { compact?: boolean } = {},
): ProtectResult {
  const rows = raw.prepare('SELECT key, value FROM secrets').all() as { key: string; value: string }[];
  if (rows.length === 0) return { state: 'ok', rewritten: 0 };
  const plain: Record<string, string> = {};
  const foreign: string[] = [];
  let needsWrite = false;
  let hadPlain = false;
  let escrow: string | null = null;
  for (const r of rows) {
    if (r.key === ESCROW) {
      escrow = r.value;
      continue;
    }
    if (!looksWrapped(r.value)) {
      plain[r.key] = r.value;
      needsWrite = hadPlain = true;
      continue;
    }
    try {
      plain[r.key] = unwrapSecret(mk, r.key, r.value);
    } catch (e) {
      if (!(e instanceof SecretError) || e.kind !== 'foreign') throw e;
      foreign.push(r.key);
    }
  }
  if (foreign.length && escrow && backupKey) {
    const values = unwrapEscrow(backupKey, escrow);
    if (values) {
      for (const k of foreign) if (values[k] !== undefined) plain[k] = values[k];
      foreign.splice(0, foreign.length, ...foreign.filter((k) => values[k] === undefined));
      needsWrite = true;
    }
  }
  if (foreign.length) {
    // what can be wrapped is; the rest stays as it is (another PC's envelopes are no plain keys)
    for (const k of foreign) delete plain[k];
  }
  if (!escrow && plain['backup.key']) needsWrite = true;
  if (!needsWrite) return { state: foreign.length ? 'unavailable' : 'ok', rewritten: 0 };
  const out = sealedRows(mk, plain).filter(([k]) => !(k === ESCROW && foreign.length));
  const secure = raw.pragma('secure_delete', { simple: true }) as number;
  raw.pragma('secure_delete = ON');
  try {
    raw.transaction(() => {
      const up = raw.prepare(
        'INSERT INTO secrets (key, value, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      const at = new Date().toISOString();
      for (const [k, v] of out) up.run(k, v, at);
    })();
    if (hadPlain && opts.compact !== false) {
      try {
        raw.exec('VACUUM');
      } catch (e) {
        // (a full disk: VACUUM needs room for a second copy) the keys are wrapped already; never fatal
        log.warn('keys: the database could not be rebuilt after wrapping its plain keys', e);
      }
    }
  } finally {
    raw.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
  if (raw.pragma('journal_mode', { simple: true }) === 'wal') raw.pragma('wal_checkpoint(TRUNCATE)');
  return { state: foreign.length ? 'unavailable' : 'ok', rewritten: out.length };
}

/** What the app knows about its keys after boot (AppContext.keys). */
export interface KeyRing {
  machine: MachineKey;
  /** 'unavailable': this database's keys were wrapped on another PC (see protectSecrets) */
  state: ProtectResult['state'];
}

/** A secret's plain value; null when the row does not exist. The clerk's message when it cannot be opened. */
export async function getSecret(ctx: AppContext, name: SecretName): Promise<string | null> {
  const row = await ctx.opened.db
    .selectFrom('secrets')
    .select('value')
    .where('key', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return unwrapSecret(ctx.keys.machine, name, row.value);
  } catch (e) {
    if (e instanceof SecretError)
      throw e.kind === 'foreign'
        ? new AppError('KEYS_UNAVAILABLE', 'keys.errors.unavailable')
        : new AppError('KEYS_DAMAGED', 'keys.errors.damaged');
    throw e;
  }
}
