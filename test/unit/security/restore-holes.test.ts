/**
 * Issue 10, holes 2 and 3 and the refused-restore safety copy (hole 7), through the real services, real
 * backups and the real worker threads.
 *   - a stored letter path is never followed outside letters/ (letter:read, letter:print), symlinks refused;
 *   - a backup whose database holds such a path is refused at the check, before anything live changes;
 *   - numbers are never issued twice after restoring an older backup;
 *   - a restore refused after its safety copy leaves no copy behind.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawOf } from '../../../electron/app/context';
import { resolveStoredFile, storedPathProblem, UnsafePathError } from '../../../electron/app/safe-path';
import { startBackup } from '../../../electron/services/backup/service';
import { highWaterFileOf, readHighWater } from '../../../electron/services/backup/high-water';
import { envelopeOf, makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { issueLetter } from '../letters/fixtures';

const PASS = TEST_SETUP.backupPassphrase;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-holes-'));
let app: TestApp;

async function backupTo(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  return (await (await startBackup(app.ctx, { target: dir })).done).file;
}

const register = (name: string) =>
  app.call('business:create', { name, ownerName: 'Sri Wahyuni', villageName: 'Ajung' });
const seqOf = (nr: string) => Number(nr.split('-').at(-1));

beforeAll(async () => {
  app = await makeTestApp({ now: () => new Date() });
});
afterAll(async () => {
  await app.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe('stored paths are never trusted (hole 2)', () => {
  it('the syntax check refuses escapes, absolute paths, other folders, NUL and backslashes', () => {
    for (const bad of [
      '../../../../etc/passwd',
      'letters/../../../etc/passwd',
      '/etc/passwd',
      'letters/2026/../../x.pdf',
      'C:/Windows/win.ini',
      'letters\\..\\x.pdf',
      'letters/2026/a\u0000.pdf',
      'exports/x.pdf',
      'letters',
      'letters/',
      'letters/./x.pdf',
    ])
      expect(storedPathProblem(bad, 'letters'), bad).not.toBeNull();
    for (const good of [
      'letters/2026/surat-2026-00001.pdf',
      'letters/2026/cetak-massal-2026-03-12-ab12cd34.pdf',
    ])
      expect(storedPathProblem(good, 'letters'), good).toBeNull();
  });

  it('letter:read and letter:print refuse a file_path of ../../../../etc/passwd', async () => {
    const l = await issueLetter(app, 'uji jalur');
    // the good path reads
    const ok = await app.call('letter:read', { id: l.id });
    expect(Buffer.from(ok.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    rawOf(app.ctx)
      .prepare('UPDATE letters SET file_path = ? WHERE id = ?')
      .run('../../../../etc/passwd', l.id);
    const e = await envelopeOf(app.call('letter:read', { id: l.id }));
    expect(e.message).toBe('letters.errors.fileUnsafe');
    const printed: string[] = [];
    app.ctx.platform.printer = { print: async (f) => void printed.push(f) };
    const e2 = await envelopeOf(app.call('letter:print', { id: l.id }));
    expect(e2.message).toBe('letters.errors.fileUnsafe');
    expect(printed).toEqual([]);
    app.ctx.platform.printer = null;
    rawOf(app.ctx).prepare('UPDATE letters SET file_path = ? WHERE id = ?').run(l.filePath, l.id);
  });

  it('a letter file replaced by a symlink (even to a file inside letters/) is refused', async () => {
    const l = await issueLetter(app, 'uji symlink');
    const abs = path.join(app.dataDir, l.filePath!);
    unlinkSync(abs);
    symlinkSync('/etc/passwd', abs);
    const e = await envelopeOf(app.call('letter:read', { id: l.id }));
    expect(e.message).toBe('letters.errors.fileUnsafe');
    expect(() => resolveStoredFile(app.dataDir, l.filePath, 'letters')).toThrow(UnsafePathError);
  });

  it('a backup whose database holds such a path is refused at the check; nothing live changes', async () => {
    const l = await issueLetter(app, 'uji cadangan');
    rawOf(app.ctx)
      .prepare('UPDATE letters SET file_path = ? WHERE id = ?')
      .run('../../../../etc/passwd', l.id);
    const dir = path.join(tmp, 'crafted');
    const file = await backupTo(dir);
    rawOf(app.ctx).prepare('UPDATE letters SET file_path = ? WHERE id = ?').run(l.filePath, l.id);
    const e = await envelopeOf(app.call('backup:restoreCheck', { file, passphrase: PASS }));
    expect(e.code).toBe('BAD_BACKUP');
    expect(e.message).toBe('backup.errors.unsafePaths');
    // the staged copy is gone, and no safety copy was taken
    expect(existsSync(app.ctx.dbFile.replace(/\.sqlite$/, '.restore.sqlite'))).toBe(false);
    expect(existsSync(path.join(app.dataDir, 'backups', 'sebelum-pulih'))).toBe(false);
  });
});

describe('numbers are never issued twice after restoring an older backup (hole 3)', () => {
  beforeAll(async () => {
    // a register of its own: the letter tests above inserted businesses beside the counter
    await app.cleanup();
    app = await makeTestApp({ now: () => new Date() });
  });
  it('register N, back up, register more, restore the older backup, register one: above every number issued', async () => {
    const first: string[] = [];
    for (let i = 0; i < 3; i++) first.push((await register(`Usaha Lama ${i}`)).registrationNumber);
    const older = await backupTo(path.join(tmp, 'older'));
    const later: string[] = [];
    for (let i = 0; i < 4; i++) later.push((await register(`Usaha Baru ${i}`)).registrationNumber);
    const highest = Math.max(...[...first, ...later].map(seqOf));
    const plan = await app.call('backup:restoreCheck', { file: older, passphrase: PASS });
    await app.call('backup:restoreApply', { planId: plan.planId });
    await app.call('auth:login', {
      username: TEST_SETUP.admin.username,
      password: TEST_SETUP.admin.password,
    });
    // the later businesses are gone with the restore, their numbers are not
    const next = await register('Usaha Sesudah Pulih');
    expect(seqOf(next.registrationNumber)).toBe(highest + 1);
    expect([...first, ...later]).not.toContain(next.registrationNumber);
    expect(readHighWater(app.dataDir)[`registration:${new Date().getFullYear()}`]).toBe(highest);
  });

  it('a restart after a crash between the swap and the raise raises the counters (boot reconciles)', async () => {
    const year = new Date().getFullYear();
    const before = seqOf((await register('Usaha Sebelum Mulai Ulang')).registrationNumber);
    // the file says a higher number was issued (as if the database had been swapped and not yet raised)
    writeFileSync(
      highWaterFileOf(app.dataDir),
      JSON.stringify({
        version: 1,
        updatedAt: new Date().toISOString(),
        marks: { [`registration:${year}`]: before + 10 },
      }),
    );
    await app.close();
    const again = await makeTestApp({ dataDir: app.dataDir, setUp: false });
    // the database alone would answer before + 1; the file says before + 10 were issued
    rawOf(again.ctx).prepare('SELECT 1').get();
    const v = rawOf(again.ctx)
      .prepare("SELECT value FROM sequences WHERE name = 'registration' AND year = ?")
      .get(year) as { value: number };
    expect(v.value).toBe(before + 10);
    app = Object.assign(again, { cleanup: app.cleanup, dataDir: app.dataDir });
    app.close = again.close;
    await app.call('auth:login', {
      username: TEST_SETUP.admin.username,
      password: TEST_SETUP.admin.password,
    });
  });

  it('a damaged marks file is set aside, never trusted', async () => {
    writeFileSync(highWaterFileOf(tmp), '{"version":1,"marks":{"registration:2026":"lots"}}');
    expect(readHighWater(tmp)).toEqual({});
    expect(readdirSync(tmp).some((f) => f.startsWith('nomor-tertinggi.json.rusak-'))).toBe(true);
  });
});

describe('a refused restore leaves no safety copy behind (hole 7)', () => {
  it('refused after the safety copy (the database is busy): the copy is removed', async () => {
    const dir = path.join(app.dataDir, 'backups', 'sebelum-pulih');
    const copies = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite')) : []);
    const before = copies();
    const file = await backupTo(path.join(tmp, 'busy'));
    const plan = await app.call('backup:restoreCheck', { file, passphrase: PASS });
    // a second connection holding a read transaction keeps the live database in WAL mode: the swap is refused
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(app.ctx.dbFile);
    other.prepare('BEGIN').run();
    other.prepare('SELECT count(*) FROM businesses').get();
    try {
      const e = await envelopeOf(app.call('backup:restoreApply', { planId: plan.planId }));
      expect(e.message).toBe('backup.errors.dbBusy');
    } finally {
      other.prepare('COMMIT').run();
      other.close();
    }
    expect(copies()).toEqual(before);
  });
});
