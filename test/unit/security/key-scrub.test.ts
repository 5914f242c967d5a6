/**
 * Issue 10, hole 6, the copies made before the keys were wrapped: a data folder as an older version left it
 * (plain keys in the live database and in its automatic snapshots, safety and pre-migration copies) is
 * started, and then no file under the data folder holds a plain key, in any form, anywhere in its bytes;
 * the snapshot still restores on this PC, with its keys. A copy that cannot be rewritten is left as it was
 * and the start goes on.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { machineKeyId, type MachineKey } from '../../../electron/app/machine-key';
import { scrubCopy } from '../../../electron/services/backup/scrub-keys';
import { autoDirOf, listAuto, localSnapshot } from '../../../electron/services/backup/snapshot';
import { getSecret, wrapSecret } from '../../../electron/services/secrets';
import { makeTestApp } from '../../fixtures/app';
import { issueLetter } from '../letters/fixtures';
import { putPlainSecrets } from '../../fixtures/secrets';

const ADMIN = { username: 'siti', password: 'rahasia-kalisat' };
const mode = (p: string) => statSync(p).mode & 0o777;
const cleanups: string[] = [];
afterAll(() => {
  for (const d of cleanups) rmSync(d, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : e.isFile() ? [p] : [];
  });
}

function plainRows(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT key, value FROM secrets').all() as { key: string; value: string }[])
      .filter((r) => !r.value.startsWith('{"v":'))
      .map((r) => r.key);
  } finally {
    db.close();
  }
}

describe('copies of the database made before the keys were wrapped', () => {
  it('are rewritten at start with their keys wrapped: no plain key byte left in the data folder; a snapshot still restores', async () => {
    const old = await makeTestApp();
    const dir = old.dataDir;
    cleanups.push(dir, `${dir}-kunci`);
    const keyB64 = (await getSecret(old.ctx, 'backup.key'))!;
    const pem = (await getSecret(old.ctx, 'signing.privateKey'))!;
    const kdf = (await getSecret(old.ctx, 'backup.kdf'))!;
    const pub = (await getSecret(old.ctx, 'signing.publicKey'))!;
    const pemLine = pem.split('\n')[1]!;
    const der = Buffer.from(pemLine, 'base64');
    // every form a key can take on disk: base64, raw bytes, the PEM body, its DER and the bare ed25519 seed
    const needles: [string, Buffer][] = [
      ['backup key (base64)', Buffer.from(keyB64)],
      ['backup key (raw)', Buffer.from(keyB64, 'base64')],
      ['signing key (PEM body)', Buffer.from(pemLine)],
      ['signing key (DER)', der],
      ['signing key (seed)', der.subarray(der.length - 32)],
    ];
    const leaks = (files: string[]) =>
      files.flatMap((f) => {
        const bytes = readFileSync(f);
        return needles.filter(([, n]) => bytes.includes(n)).map(([what]) => `${what} in ${f}`);
      });

    // the database as the app before the key wrap left it: plain values, no escrow
    const raw = old.ctx.opened.raw;
    putPlainSecrets(raw, { kdf, keyB64, pem, pub });
    // SQLite reuses freed space without wiping it (secure_delete was never on): a row deleted back then
    // left its bytes in the file, where no UPDATE of the rows still there reaches them
    raw
      .prepare('INSERT INTO secrets (key, value, created_at) VALUES (?, ?, ?)')
      .run('signing.privateKey.lama', `${'-'.repeat(9000)}${pem}\n${keyB64}`, '2025-12-01T00:00:00.000Z');
    raw.prepare(`DELETE FROM secrets WHERE key = 'signing.privateKey.lama'`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    // and its copies: two automatic snapshots, a restore's safety copy, a pre-migration copy (WAL mode)
    const auto = autoDirOf(dir);
    const daily = await localSnapshot({
      dbFile: old.ctx.dbFile,
      autoDir: auto,
      kind: 'harian',
      name: 'harian-2026-01-01.sqlite',
    });
    const dayOne = new Date('2026-01-01T08:00:00.000Z');
    utimesSync(daily.file, dayOne, dayOne);
    await localSnapshot({
      dbFile: old.ctx.dbFile,
      autoDir: auto,
      kind: 'keluar',
      name: 'keluar-20260101-170000.sqlite',
    });
    await localSnapshot({
      dbFile: old.ctx.dbFile,
      autoDir: path.join(dir, 'backups', 'sebelum-pulih'),
      kind: 'keluar',
      name: 'sebelum-pulih-20260101-120000.sqlite',
    });
    mkdirSync(path.join(dir, 'backups', 'pre-migration'), { recursive: true });
    await raw.backup(path.join(dir, 'backups', 'pre-migration', 'pre-migration-v14-2026-01-01.sqlite'));
    // a copy that cannot be read as a database: left as it was, and the start goes on
    const broken = path.join(auto, 'keluar-20251231-170000.sqlite');
    writeFileSync(broken, 'bukan basis data, hanya teks yang rusak');
    await old.close();
    expect(leaks(allFiles(dir)).length).toBeGreaterThan(4);

    const again = await makeTestApp({ dataDir: dir, setUp: false });
    try {
      expect(again.ctx.keys.state).toBe('ok');
      expect(leaks(allFiles(dir))).toEqual([]);
      expect(readFileSync(broken, 'utf8')).toBe('bukan basis data, hanya teks yang rusak');
      for (const f of allFiles(path.join(dir, 'backups')).filter(
        (f) => f.endsWith('.sqlite') && f !== broken,
      )) {
        expect(plainRows(f), f).toEqual([]);
        if (process.platform !== 'win32') expect(mode(f), f).toBe(0o600);
      }
      expect(allFiles(dir).filter((f) => f.endsWith('.bersih'))).toEqual([]);
      // the snapshot keeps its date in the restore list
      expect(listAuto(auto).find((a) => a.name === daily.name)?.createdAt).toBe(dayOne.toISOString());

      // and restores on this PC, keys and all
      await again.call('auth:login', ADMIN);
      const plan = await again.call('backup:restoreLocalCheck', { name: daily.name });
      await again.call('backup:restoreApply', { planId: plan.planId });
      expect(again.ctx.keys.state).toBe('ok');
      expect(await getSecret(again.ctx, 'backup.key')).toBe(keyB64);
      expect(await getSecret(again.ctx, 'signing.privateKey')).toBe(pem);
      await again.call('auth:login', ADMIN);
      const l = await issueLetter(again, 'uji pulih salinan otomatis');
      expect(l.number).toBeTruthy();
    } finally {
      await again.close();
    }
  }, 60_000);

  it('a copy whose keys cannot be wrapped (a damaged envelope) loses its plain keys instead; a clean one is not touched', async () => {
    const app = await makeTestApp();
    cleanups.push(app.dataDir, `${app.dataDir}-kunci`);
    const key = Buffer.alloc(32, 3);
    const mk: MachineKey = { id: machineKeyId(key), key, kind: 'file' };
    const snap = await localSnapshot({
      dbFile: app.ctx.dbFile,
      autoDir: autoDirOf(app.dataDir),
      kind: 'keluar',
      name: 'keluar-20260102-170000.sqlite',
    });
    const before = readFileSync(snap.file);
    expect(scrubCopy(snap.file, mk)).toBe('clean');
    expect(readFileSync(snap.file).equals(before)).toBe(true);

    const db = new Database(snap.file);
    const env = JSON.parse(wrapSecret(mk, 'signing.publicKey', 'publik')) as { tag: string };
    db.prepare(`UPDATE secrets SET value = ? WHERE key = 'signing.publicKey'`).run(
      JSON.stringify({ ...env, tag: Buffer.alloc(16).toString('base64') }),
    );
    db.prepare(`UPDATE secrets SET value = 'cmFoYXNpYS1sYW1h' WHERE key = 'backup.key'`).run();
    db.close();
    expect(scrubCopy(snap.file, mk)).toBe('stripped');
    expect(plainRows(snap.file)).toEqual([]);
    expect(readFileSync(snap.file).includes(Buffer.from('cmFoYXNpYS1sYW1h'))).toBe(false);
    await app.cleanup();
  });
});
