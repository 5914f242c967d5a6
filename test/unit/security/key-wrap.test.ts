/**
 * Issue 10, hole 6: "the backup passphrase protects nothing from whoever can read the data folder". The
 * secrets are AES-256-GCM envelopes under a machine key kept outside the database (electron/app/machine-key.ts,
 * electron/services/secrets.ts); snapshots hold no plain key; the passphrase can be changed, old backups
 * staying readable with the old one. Our crypto and backup code run for real; only Electron's safeStorage is
 * a stand-in (it is Electron's API and there is no Electron here).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp } from '../../../electron/app/boot';
import { readConfig } from '../../../electron/app/config';
import {
  fileKeyStore,
  machineKeyId,
  openMachineKey,
  safeStorageKeyStore,
  type MachineKey,
  type SafeStorageLike,
} from '../../../electron/app/machine-key';
import { startBackup } from '../../../electron/services/backup/job';
import { localSnapshot } from '../../../electron/services/backup/snapshot';
import {
  ESCROW,
  getSecret,
  protectSecrets,
  SecretError,
  unwrapSecret,
  wrapSecret,
} from '../../../electron/services/secrets';
import { envelopeOf, makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { withTestApp } from '../../fixtures/app-hooks';
import { insertBusiness, issueLetter } from '../letters/fixtures';
import { putPlainSecrets, secretRows } from '../../fixtures/secrets';

const PASS = TEST_SETUP.backupPassphrase;
const ADMIN = { username: 'siti', password: 'rahasia-kalisat' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-keywrap-'));
const mode = (p: string) => statSync(p).mode & 0o777;

function mk(): MachineKey {
  const key = Buffer.alloc(32, 7);
  return { id: machineKeyId(key), key, kind: 'file' };
}

/** the plain values that must never be on disk */
async function plainSecrets(app: TestApp) {
  const keyB64 = (await getSecret(app.ctx, 'backup.key'))!;
  const pem = (await getSecret(app.ctx, 'signing.privateKey'))!;
  // the PEM's base64 body (one line of it is enough to be a leak)
  const pemLine = pem.split('\n')[1]!;
  return { keyB64, pem, pemLine };
}

function holds(file: string, s: string): boolean {
  return readFileSync(file).includes(Buffer.from(s, 'utf8'));
}

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe('envelopes', () => {
  it('wrap and unwrap; a changed byte, a moved envelope or another machine key is refused', () => {
    const k = mk();
    const env = wrapSecret(k, 'backup.key', 'rahasia');
    expect(env).not.toContain('rahasia');
    expect(JSON.parse(env)).toMatchObject({ v: 1, kek: 'machine', kid: k.id });
    expect(unwrapSecret(k, 'backup.key', env)).toBe('rahasia');
    // the same envelope under another row's name
    expect(() => unwrapSecret(k, 'signing.privateKey', env)).toThrow(SecretError);
    // one flipped bit of the ciphertext, the tag, or the shape
    const e = JSON.parse(env) as { ct: string; tag: string };
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0]! ^= 1;
      return b.toString('base64');
    };
    for (const bad of [
      JSON.stringify({ ...e, ct: flip(e.ct) }),
      JSON.stringify({ ...e, tag: flip(e.tag) }),
      JSON.stringify({ ...e, extra: 1 }),
      '{"v":1,"kek":"machine"}',
      'bukan amplop',
    ]) {
      const err = (() => {
        try {
          unwrapSecret(k, 'backup.key', bad);
        } catch (x) {
          return x;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(SecretError);
      expect((err as SecretError).kind).toBe('tampered');
    }
    // under another PC's key: told apart from tampering
    const other = { ...k, key: Buffer.alloc(32, 9), id: machineKeyId(Buffer.alloc(32, 9)) };
    expect(() => unwrapSecret(other, 'backup.key', env)).toThrow(
      expect.objectContaining({ kind: 'foreign' }) as Error,
    );
  });

  it('the fallback key file is 0600 in a 0700 folder beside the data folder, and is reused', () => {
    const dir = path.join(tmp, 'fallback-kunci');
    const first = openMachineKey(fileKeyStore(dir));
    expect(openMachineKey(fileKeyStore(dir)).id).toBe(first.id);
    if (process.platform !== 'win32') {
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.join(dir, 'kunci-mesin.key'))).toBe(0o600);
    }
    expect(app.ctx.keys.machine.kind).toBe('file');
    expect(existsBeside(app.dataDir)).toBe(true);
  });

  it("Electron's safeStorage (a stand-in) keeps the machine key encrypted by the OS; no keyring: the fallback", () => {
    const fake = fakeSafeStorage();
    const dir = path.join(tmp, 'os-data');
    mkdirSync(dir, { recursive: true });
    const store = safeStorageKeyStore(fake, dir)!;
    expect(store.kind).toBe('os');
    const k = openMachineKey(store);
    const blob = readFileSync(path.join(dir, 'kunci-mesin.bin'));
    expect(blob.includes(Buffer.from(k.key.toString('base64')))).toBe(false);
    expect(openMachineKey(safeStorageKeyStore(fake, dir)!).id).toBe(k.id);
    // another account / PC: the OS cannot decrypt it; a new key is made, the old blob kept aside
    const stranger: SafeStorageLike = {
      ...fake,
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(openMachineKey(safeStorageKeyStore(stranger, dir)!).id).not.toBe(k.id);
    if (process.platform === 'linux') {
      expect(safeStorageKeyStore({ ...fake, getSelectedStorageBackend: () => 'basic_text' }, dir)).toBeNull();
    }
    expect(safeStorageKeyStore({ ...fake, isEncryptionAvailable: () => false }, dir)).toBeNull();
  });
});

function existsBeside(dataDir: string): boolean {
  try {
    return statSync(path.join(`${dataDir}-kunci`, 'kunci-mesin.key')).isFile();
  } catch {
    return false;
  }
}

/** An OS protection stand-in: XOR with a per-"account" byte, so the blob is not the plain text. */
function fakeSafeStorage(): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  };
}

describe('stored keys', () => {
  it('set-up stores only envelopes; letters are signed and backups made with the wrapped keys', async () => {
    const rows = secretRows(app.ctx.dbFile);
    expect(Object.keys(rows).sort()).toEqual([
      ESCROW,
      'backup.kdf',
      'backup.key',
      'signing.privateKey',
      'signing.publicKey',
    ]);
    for (const v of Object.values(rows)) expect(v.startsWith('{"v":1,')).toBe(true);
    const { keyB64, pem } = await plainSecrets(app);
    expect(Buffer.from(keyB64, 'base64')).toHaveLength(32);
    expect(pem).toContain('PRIVATE KEY');
    const l = await issueLetter(app, 'uji kunci terbungkus');
    expect(l.number).toBeTruthy();
  });

  it('plain keys of an older database are wrapped at start, in one go, and leave no trace in the file', async () => {
    const old = await makeTestApp();
    const dir = old.dataDir;
    try {
      const { keyB64, pem, pemLine } = await plainSecrets(old);
      const kdf = (await getSecret(old.ctx, 'backup.kdf'))!;
      const pub = (await getSecret(old.ctx, 'signing.publicKey'))!;
      // the database as the app before this change left it: plain values, no escrow
      const raw = old.ctx.opened.raw;
      putPlainSecrets(raw, { kdf, keyB64, pem, pub });
      await old.close();
      expect(holds(old.ctx.dbFile, keyB64)).toBe(true);

      const again = await makeTestApp({ dataDir: dir, setUp: false });
      try {
        expect(again.ctx.keys.state).toBe('ok');
        const rows = secretRows(again.ctx.dbFile);
        expect(Object.keys(rows)).toContain(ESCROW);
        for (const v of Object.values(rows)) expect(v.startsWith('{"v":1,')).toBe(true);
        expect(await getSecret(again.ctx, 'backup.key')).toBe(keyB64);
        expect(await getSecret(again.ctx, 'signing.privateKey')).toBe(pem);
        // overwritten, not just unlinked: the old bytes are gone from the database file and its WAL
        for (const f of [again.ctx.dbFile, `${again.ctx.dbFile}-wal`])
          if (statSafe(f)) {
            expect(holds(f, keyB64)).toBe(false);
            expect(holds(f, pemLine)).toBe(false);
          }
        await again.call('auth:login', ADMIN);
        const l = await issueLetter(again, 'uji setelah migrasi kunci');
        expect(l.number).toBeTruthy();
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-kunci`, { recursive: true, force: true });
    }
  });

  it('an automatic snapshot holds envelopes only: no plain key anywhere in its bytes', async () => {
    const { keyB64, pemLine } = await plainSecrets(app);
    const snap = await localSnapshot({
      dbFile: app.ctx.dbFile,
      autoDir: path.join(app.dataDir, 'backups', 'auto'),
      kind: 'keluar',
      name: 'keluar-20260101-000000.sqlite',
    });
    const rows = secretRows(snap.file);
    expect(Object.keys(rows).length).toBeGreaterThanOrEqual(5);
    for (const [k, v] of Object.entries(rows)) {
      expect(v.startsWith('{"v":1,'), k).toBe(true);
      expect(v).not.toContain(keyB64);
    }
    expect(holds(snap.file, keyB64)).toBe(false);
    expect(holds(snap.file, Buffer.from(keyB64, 'base64').toString('hex'))).toBe(false);
    expect(holds(snap.file, pemLine)).toBe(false);
    if (process.platform !== 'win32') expect(mode(snap.file)).toBe(0o600);
  });

  it('the database copied to another PC starts, and says to restore with the passphrase', async () => {
    const other = path.join(tmp, 'pc-lain');
    mkdirSync(other, { recursive: true });
    await app.ctx.opened.raw.backup(path.join(other, path.basename(app.ctx.dbFile)));
    const config = { ...readConfig(), scryptN: 1 << 10, keyDir: path.join(tmp, 'pc-lain-kunci') };
    const booted = await bootApp({ dataDir: other, appVersion: '0.0.0-test', config });
    expect(booted.ok).toBe(true);
    if (!booted.ok) return;
    try {
      expect(booted.ctx.keys.state).toBe('unavailable');
      // the envelopes of the first PC are left as they are (no plain key written, nothing lost)
      for (const v of Object.values(secretRows(booted.ctx.dbFile)))
        expect(v.startsWith('{"v":1,')).toBe(true);
      const login = await booted.dispatch('auth:login', ADMIN);
      expect(login.ok).toBe(true);
      const s = path.join(tmp, 'stick-pc-lain');
      mkdirSync(s, { recursive: true });
      const r = await booted.dispatch('backup:start', { target: s });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'KEYS_UNAVAILABLE', message: 'keys.errors.unavailable' },
      });
    } finally {
      await booted.close();
    }
  });

  it('a changed envelope in the database is refused with the damaged-key message, not used', async () => {
    await withTestApp(async (copy) => {
      const raw = copy.ctx.opened.raw;
      const v = (
        raw.prepare(`SELECT value FROM secrets WHERE key = 'signing.privateKey'`).get() as { value: string }
      ).value;
      const e = JSON.parse(v) as { ct: string };
      const b = Buffer.from(e.ct, 'base64');
      b[3]! ^= 0x10;
      raw
        .prepare(`UPDATE secrets SET value = ? WHERE key = 'signing.privateKey'`)
        .run(JSON.stringify({ ...e, ct: b.toString('base64') }));
      const r = await copy.dispatch('letter:issue', {
        businessId: insertBusiness(copy),
        purpose: 'uji rusak',
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'KEYS_DAMAGED', message: 'keys.errors.damaged' } });
      expect(() => protectSecrets(raw, copy.ctx.keys.machine)).toThrow(SecretError);
    });
  });
});

function statSafe(f: string) {
  try {
    return statSync(f);
  } catch {
    return null;
  }
}

describe('changing the backup passphrase', () => {
  it('new backups use the new passphrase; an old backup still restores with the old one, on another PC too', async () => {
    const stick = path.join(tmp, 'stick-ganti');
    mkdirSync(stick, { recursive: true });
    const before = await (await startBackup(app.ctx, { target: stick })).done;
    const NEW = 'kopi robusta sidomulyo 27';

    // admin only, with the admin's password (not the old passphrase: a forgotten one can be replaced)
    const wrongPw = await envelopeOf(
      app.call('backup:changePassphrase', {
        password: 'salah',
        newPassphrase: NEW,
        newPassphraseConfirm: NEW,
      }),
    );
    expect(wrongPw.code).toBe('VALIDATION');
    const short = await envelopeOf(
      app.call('backup:changePassphrase', {
        password: ADMIN.password,
        newPassphrase: 'pendek',
        newPassphraseConfirm: 'pendek',
      }),
    );
    expect(short.code).toBe('VALIDATION');
    const keyBefore = await getSecret(app.ctx, 'backup.key');
    await app.call('backup:changePassphrase', {
      password: ADMIN.password,
      newPassphrase: NEW,
      newPassphraseConfirm: NEW,
    });
    expect(await getSecret(app.ctx, 'backup.key')).not.toBe(keyBefore);
    for (const v of Object.values(secretRows(app.ctx.dbFile))) expect(v.startsWith('{"v":1,')).toBe(true);
    const audit = app.ctx.opened.raw
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'backup_passphrase_change'`)
      .get() as { n: number };
    expect(audit.n).toBe(1);

    const after = await (await startBackup(app.ctx, { target: stick })).done;
    const check = (file: string, passphrase: string) =>
      app.dispatch('backup:restoreCheck', { file, passphrase });
    expect(await check(before.file, PASS)).toMatchObject({ ok: true });
    expect(await check(before.file, NEW)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await check(after.file, NEW)).toMatchObject({ ok: true });
    expect(await check(after.file, PASS)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await app.call('backup:restoreDiscard');

    // each one restores on a new PC (another machine key) with its own passphrase, keys and all
    for (const [file, passphrase] of [
      [before.file, PASS],
      [after.file, NEW],
    ] as const) {
      await withTestApp({ setUp: false }, async (fresh) => {
        const plan = await fresh.call('backup:restoreCheck', { file, passphrase });
        await fresh.call('backup:restoreApply', { planId: plan.planId });
        expect(fresh.ctx.keys.state).toBe('ok');
        expect(fresh.ctx.keys.machine.id).not.toBe(app.ctx.keys.machine.id);
        await fresh.call('auth:login', ADMIN);
        const l = await issueLetter(fresh, 'uji pulih di PC lain');
        expect(l.number).toBeTruthy();
        // and its next backup opens with the passphrase of the backup it came from
        const s2 = path.join(tmp, `stick-${passphrase.length}`);
        mkdirSync(s2, { recursive: true });
        const again = await (await startBackup(fresh.ctx, { target: s2 })).done;
        expect(await fresh.dispatch('backup:restoreCheck', { file: again.file, passphrase })).toMatchObject({
          ok: true,
        });
        await fresh.call('backup:restoreDiscard');
      });
    }
  }, 120_000);

  it('only an administrator may change it', async () => {
    const r = await app.dispatch('backup:changePassphrase', {
      password: ADMIN.password,
      newPassphrase: 'x'.repeat(12),
      newPassphraseConfirm: 'x'.repeat(12),
    });
    expect(r.ok).toBe(true);
    const user = app.ctx.session.user!;
    app.ctx.session.user = { ...user, role: 'operator' };
    try {
      const denied = await app.dispatch('backup:changePassphrase', {
        password: ADMIN.password,
        newPassphrase: 'y'.repeat(12),
        newPassphraseConfirm: 'y'.repeat(12),
      });
      expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      app.ctx.session.user = user;
    }
  });
});
