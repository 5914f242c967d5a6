/**
 * Issue 10, hole 6: when this PC's machine key cannot be opened any more (the OS refuses to decrypt it after
 * a Windows profile reset; the fallback key file is missing or damaged), the app still starts, says the keys
 * are unavailable, and an administrator gets them back with the backup passphrase from the escrow in the
 * database (backup:recoverKeys), wrapped under the new machine key, without restoring anything. A wrong
 * passphrase changes nothing and says so. Only Electron's safeStorage is a stand-in (Electron's own API).
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineKeyId, safeStorageKeyStore, type SafeStorageLike } from '../../../electron/app/machine-key';
import { ESCROW, getSecret } from '../../../electron/services/secrets';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';
import { secretRows } from '../../fixtures/secrets';

const PASS = TEST_SETUP.backupPassphrase;
const ADMIN = { username: 'siti', password: 'rahasia-kalisat' };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function audits(app: TestApp, action: string): number {
  return (
    app.ctx.opened.raw.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as {
      n: number;
    }
  ).n;
}

/** An OS protection stand-in: XOR with a per-"account" byte, so the blob is not the plain text. */
const osStore: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};
/**
 * The same account after a profile reset: DPAPI has a new master key, so it no longer decrypts what it
 * encrypted before (it throws, as Electron does), only what it encrypts from now on.
 */
const resetProfile: SafeStorageLike = {
  ...osStore,
  encryptString: (s) => Buffer.concat([Buffer.from('BARU:'), osStore.encryptString(s)]),
  decryptString: (b) => {
    if (!b.subarray(0, 5).equals(Buffer.from('BARU:')))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return osStore.decryptString(b.subarray(5));
  },
};

interface Old {
  dir: string;
  keyB64: string;
  pem: string;
}

async function setUpRegister(store: SafeStorageLike | null): Promise<Old & { kid: string }> {
  const app = await makeTestApp({ setUp: false });
  const dir = app.dataDir;
  await app.close();
  dirs.push(dir, `${dir}-kunci`);
  const again = await makeTestApp({
    dataDir: dir,
    ...(store ? { platform: { keyStore: safeStorageKeyStore(store, dir)! } } : {}),
  });
  try {
    return {
      dir,
      keyB64: (await getSecret(again.ctx, 'backup.key'))!,
      pem: (await getSecret(again.ctx, 'signing.privateKey'))!,
      kid: again.ctx.keys.machine.id,
    };
  } finally {
    await again.close();
  }
}

async function bootAgain(dir: string, store: SafeStorageLike | null): Promise<TestApp> {
  return makeTestApp({
    dataDir: dir,
    setUp: false,
    ...(store ? { platform: { keyStore: safeStorageKeyStore(store, dir)! } } : {}),
  });
}

describe('the machine key cannot be opened any more', () => {
  let old: Old & { kid: string };
  let app: TestApp;
  beforeAll(async () => {
    old = await setUpRegister(osStore);
    // the Windows profile was reset: the stored key no longer decrypts
    app = await bootAgain(old.dir, resetProfile);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('the app starts, says so in app:info, keeps the old key aside, and backups and letters refuse with a message', async () => {
    expect(app.ctx.keys.state).toBe('unavailable');
    expect(app.ctx.keys.machine.id).not.toBe(old.kid);
    expect((await app.call('app:info')).keysUnavailable).toBe(true);
    // the unreadable key is kept aside, never deleted (the OS's keyring may only be locked)
    expect(readdirSync(old.dir).filter((n) => n.startsWith('kunci-mesin.bin.tidak-terbaca-'))).toHaveLength(
      1,
    );
    await app.call('auth:login', ADMIN);
    const r = await app.dispatch('letter:issue', {
      businessId: insertBusiness(app),
      purpose: 'uji kunci hilang',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'KEYS_UNAVAILABLE', message: 'keys.errors.unavailable' },
    });
  });

  it('a wrong passphrase changes nothing and says so in the field; an operator may not try; the input is checked', async () => {
    const before = secretRows(app.ctx.dbFile);
    const wrong = await app.dispatch('backup:recoverKeys', { passphrase: 'bukan frasa yang benar' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { passphrase: 'keys.errors.wrongPassphrase' } },
    });
    expect(secretRows(app.ctx.dbFile)).toEqual(before);
    expect(app.ctx.keys.state).toBe('unavailable');
    expect(audits(app, 'keys_recover_failed')).toBe(1);
    expect(await app.dispatch('backup:recoverKeys', { passphrase: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await app.dispatch('backup:recoverKeys', { passphrase: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await app.dispatch('backup:recoverKeys', { passphrase: PASS, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const user = app.ctx.session.user!;
    app.ctx.session.user = { ...user, role: 'operator' };
    try {
      expect(await app.dispatch('backup:recoverKeys', { passphrase: PASS })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      app.ctx.session.user = user;
    }
    expect(secretRows(app.ctx.dbFile)).toEqual(before);
  });

  it('the backup passphrase brings the same keys back under the new machine key; letters sign again; it lasts', async () => {
    await app.call('backup:recoverKeys', { passphrase: PASS });
    expect(app.ctx.keys.state).toBe('ok');
    expect((await app.call('app:info')).keysUnavailable).toBe(false);
    expect(await getSecret(app.ctx, 'backup.key')).toBe(old.keyB64);
    expect(await getSecret(app.ctx, 'signing.privateKey')).toBe(old.pem);
    const rows = secretRows(app.ctx.dbFile);
    expect(Object.keys(rows)).toContain(ESCROW);
    for (const [k, v] of Object.entries(rows)) {
      expect(v.startsWith('{"v":1,'), k).toBe(true);
      if (k !== ESCROW) expect((JSON.parse(v) as { kid: string }).kid).toBe(app.ctx.keys.machine.id);
    }
    expect(audits(app, 'keys_recover')).toBe(1);
    const l = await app.call('letter:issue', { businessId: insertBusiness(app), purpose: 'uji kunci pulih' });
    expect(l.number).toBeTruthy();
    // nothing left to recover
    expect(await app.dispatch('backup:recoverKeys', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'keys.errors.notNeeded' },
    });
    // the next start opens the new key (the reset profile's OS protection keeps it now)
    const id = app.ctx.keys.machine.id;
    await app.close();
    app = await bootAgain(old.dir, resetProfile);
    expect(app.ctx.keys.state).toBe('ok');
    expect(app.ctx.keys.machine.id).toBe(id);
  }, 60_000);
});

describe('the fallback key file is damaged or missing', () => {
  for (const [what, lose] of [
    ['damaged', (f: string) => writeFileSync(f, 'rusak')],
    ['missing', (f: string) => rmSync(f)],
  ] as const) {
    it(`${what}: the keys are unavailable until the passphrase recovers them`, async () => {
      const old = await setUpRegister(null);
      lose(path.join(`${old.dir}-kunci`, 'kunci-mesin.key'));
      const app = await bootAgain(old.dir, null);
      try {
        expect(app.ctx.keys.state).toBe('unavailable');
        expect(machineKeyId(app.ctx.keys.machine.key)).not.toBe(old.kid);
        await app.call('auth:login', ADMIN);
        await app.call('backup:recoverKeys', { passphrase: PASS });
        expect(await getSecret(app.ctx, 'backup.key')).toBe(old.keyB64);
      } finally {
        await app.close();
      }
    }, 60_000);
  }
});
