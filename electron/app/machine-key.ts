/**
 * The machine key (issue 10, hole 6): 32 random bytes that wrap every row of `secrets` (keys.ts). It is kept
 * outside the SQLite file, so a copy of the database, of an automatic snapshot or of the data folder alone
 * does not open the backup key or the letter-signing key.
 *
 * Where it is kept depends on the host (passed to bootApp as `platform.keyStore`):
 *  - Electron with the OS's protection (`safeStorage`: DPAPI on Windows, the Secret Service keyring on Linux,
 *    the Keychain on macOS): the key, encrypted by the OS for this user account, in `kunci-mesin.bin` in the
 *    data folder. Useless on another PC or under another account.
 *  - otherwise (browser mode, the command line, Electron on Linux without a keyring, where safeStorage would
 *    use a fixed built-in key): the key in a file of its own, 0600 in a 0700 folder BESIDE the data folder
 *    (`<data folder>-kunci`, or `DAFTAR_IKM_KEY_DIR`). That protects a copy of the data folder or of a
 *    snapshot made on its own; it does not protect against someone who can read the whole user account.
 *
 * Plain Node: never imports electron (the Electron adapter gets `safeStorage` passed in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncFile } from '../services/backup/fsutil';
import { log } from './log';

export const MACHINE_KEY_BYTES = 32;

export interface MachineKeyStore {
  /** 'os': protected by the OS for this account (safeStorage); 'file': a key file beside the data folder */
  readonly kind: 'os' | 'file';
  /** where the key is kept (the log, the About page) */
  readonly where: string;
  /** the stored key; null when none is stored yet; throws when one is stored but cannot be read here */
  load(): Buffer | null;
  save(key: Buffer): void;
  /** moves an unreadable stored key aside (kept, never deleted: the OS's keyring may only be locked) */
  setAside(): void;
}

export interface MachineKey {
  /** names the key in each envelope, so "wrapped on another PC" is told apart from "altered" */
  readonly id: string;
  readonly key: Buffer;
  readonly kind: MachineKeyStore['kind'];
}

export function machineKeyId(key: Buffer): string {
  return createHash('sha256').update('daftar-ikm/machine-key-id\0').update(key).digest('hex').slice(0, 16);
}

function writePrivate(file: string, data: Buffer | string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
  const tmp = `${file}.baru`;
  writeFileSync(tmp, data, { mode: 0o600 });
  if (process.platform !== 'win32') chmodSync(tmp, 0o600);
  fsyncFile(tmp);
  renameSync(tmp, file);
  fsyncDir(dir);
}

function setAsideFile(file: string): void {
  if (!existsSync(file)) return;
  const aside = `${file}.tidak-terbaca-${Date.now()}`;
  renameSync(file, aside);
  log.warn(`machine key: ${file} could not be read here; kept as ${aside}`);
}

/** The key kept in `file` (base64 once `read` has decoded the file), null when there is none yet. */
function loadKey(file: string, read: () => string, damaged: string): Buffer | null {
  if (!existsSync(file)) return null;
  const key = Buffer.from(read(), 'base64');
  if (key.length !== MACHINE_KEY_BYTES) throw new Error(damaged);
  return key;
}

/** The fallback: the key (base64) in `<dir>/kunci-mesin.key`, 0600 in a 0700 folder outside the data folder. */
export function fileKeyStore(dir: string): MachineKeyStore {
  const file = path.join(dir, 'kunci-mesin.key');
  return {
    kind: 'file',
    where: file,
    load: () => loadKey(file, () => readFileSync(file, 'utf8').trim(), `machine key file ${file} is damaged`),
    save(key) {
      writePrivate(file, key.toString('base64'));
    },
    setAside: () => setAsideFile(file),
  };
}

/** The part of Electron's `safeStorage` used here (mocked in tests; Electron's own code is not ours). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring (a fixed built-in key: no protection) */
  getSelectedStorageBackend?(): string;
}

/**
 * The OS-protected store (Electron's safeStorage), or null when the OS offers no real protection here: then
 * the caller falls back to `fileKeyStore`.
 */
export function safeStorageKeyStore(ss: SafeStorageLike, dataDir: string): MachineKeyStore | null {
  if (!ss.isEncryptionAvailable()) return null;
  if (process.platform === 'linux') {
    const backend = ss.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  const file = path.join(dataDir, 'kunci-mesin.bin');
  return {
    kind: 'os',
    where: file,
    load: () => loadKey(file, () => ss.decryptString(readFileSync(file)), `machine key ${file} is damaged`),
    save(key) {
      writePrivate(file, ss.encryptString(key.toString('base64')));
    },
    setAside: () => setAsideFile(file),
  };
}

/** The folder of the fallback key file: `DAFTAR_IKM_KEY_DIR`, else beside the data folder. */
export function defaultKeyDir(dataDir: string, configured: string | null): string {
  return configured ? path.resolve(configured) : `${path.resolve(dataDir)}-kunci`;
}

/**
 * The machine key from its store; a new one when none is stored yet, or when the stored one cannot be read
 * here (then the database's envelopes name a key this PC does not have: keys.ts says so instead of failing).
 */
export function openMachineKey(store: MachineKeyStore): MachineKey {
  let key: Buffer | null = null;
  try {
    key = store.load();
  } catch (e) {
    log.warn(`machine key: cannot read ${store.where}`, e);
    store.setAside();
  }
  if (!key) {
    key = randomBytes(MACHINE_KEY_BYTES);
    store.save(key);
    log.info(`machine key: new key kept in ${store.where} (${store.kind})`);
  }
  return { id: machineKeyId(key), key, kind: store.kind };
}
