/**
 * Real processes killed with SIGKILL at awkward moments: while records are saved (30 times), during a backup
 * and during a restore. Afterwards the database must be whole (integrity_check ok) and hold every committed
 * record, and a restore must have left either the old or the new database, never a mix.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillRealistic } from '../../../bench/backup-data';
import { bootApp } from '../../../electron/app/boot';
import { BACKUP_FOLDER } from '../../../electron/services/backup/format';
import { onAppStarted, startBackup } from '../../../electron/services/backup/service';
import { makeTestApp, TEST_SETUP } from '../../fixtures/app';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-crash-'));
const node = process.execPath;
// The children run from an esbuild bundle (as the shipped command line does), built once here, rather than
// through tsx, which compiled the TypeScript again in each of the ~50 children. The bundle sits inside the
// project so that its external packages resolve; the backup worker is bundled beside the CLI, where
// electron/services/jobs/thread.ts looks for it.
const bundleDir = path.resolve('node_modules', '.cache', `daftar-ikm-crash-${process.pid}`);
const CLI = path.join(bundleDir, 'cli.mjs');
const WRITER = path.join(bundleDir, 'child-writer.mjs');

beforeAll(async () => {
  await build({
    entryPoints: {
      cli: 'electron/cli/main.ts',
      'child-writer': 'test/unit/backup/child-writer.ts',
      'backup-worker': 'electron/services/backup/worker.ts',
    },
    outdir: bundleDir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}, 60_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

function start(
  args: string[],
  env: Record<string, string> = {},
): { proc: ChildProcess; lines: string[]; wait: (re: RegExp) => Promise<string> } {
  const proc = spawn(node, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (d: Buffer) => {
    for (const l of d.toString().split('\n').filter(Boolean)) {
      lines.push(l);
      for (const w of [...waiters])
        if (w.re.test(l)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(l);
        }
    }
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const wait = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const hit = lines.find((l) => re.test(l));
      if (hit) return resolve(hit);
      waiters.push({ re, resolve });
      proc.once('exit', (code) => reject(new Error(`exited ${code} before ${re}: ${lines.join('\n')}`)));
    });
  return { proc, lines, wait };
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(file: string): { integrity: string; names: Set<string>; count: number } {
  const raw = new Database(file);
  try {
    const integrity = raw.pragma('integrity_check', { simple: true }) as string;
    const rows = raw.prepare('SELECT name FROM businesses').all() as { name: string }[];
    return { integrity, names: new Set(rows.map((r) => r.name)), count: rows.length };
  } finally {
    raw.close();
  }
}

describe('a process killed while records are being saved', () => {
  it('keeps every committed record and a whole database, 30 times over', async () => {
    const seed = await makeTestApp({ dataDir: path.join(tmp, 'writer') });
    await seed.close();
    const dataDir = path.join(tmp, 'writer');
    const committed = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const c = start([WRITER, dataDir]);
      await c.wait(/^COMMITTED /);
      await sleep(50 + Math.floor(Math.random() * 400));
      await kill(c.proc);
      for (const l of c.lines) {
        const m = /^COMMITTED (\d+)$/.exec(l);
        if (m) committed.add(Number(m[1]));
      }
      // restart: the app opens the database as after a power cut
      const app = await bootApp({ dataDir, appVersion: '0.0.0-test' });
      if (!app.ok) throw new Error(app.error.detail);
      const ok = app.ctx.opened.raw.pragma('integrity_check', { simple: true });
      const ids = new Set(
        (app.ctx.opened.raw.prepare('SELECT id FROM businesses').all() as { id: number }[]).map((r) => r.id),
      );
      await app.close();
      expect(ok, `iteration ${i}`).toBe('ok');
      const missing = [...committed].filter((id) => !ids.has(id));
      expect(missing, `iteration ${i}: committed but missing`).toEqual([]);
    }
    expect(committed.size).toBeGreaterThan(30);
  }, 300_000);
});

describe('a process killed during backup and during restore', () => {
  const bigDir = path.join(tmp, 'big');
  const stick = path.join(tmp, 'stick');
  let goodBackup = '';
  let newCount = 0;

  beforeAll(async () => {
    const app = await makeTestApp({ dataDir: bigDir });
    await app.call('business:create', {
      name: 'Usaha BARU dari cadangan',
      ownerName: 'Sri',
      villageName: 'Ajung',
    });
    fillRealistic(app.ctx.opened.raw, 10_000);
    mkdirSync(stick, { recursive: true });
    goodBackup = (await (await startBackup(app.ctx, { target: stick })).done).file;
    newCount = (app.ctx.opened.raw.prepare('SELECT count(*) AS n FROM businesses').get() as { n: number }).n;
    await app.close();
  }, 180_000);

  it('killed during backup: the database is whole, earlier backups untouched, the next backup succeeds', async () => {
    const sha = createHash('sha256').update(readFileSync(goodBackup)).digest('hex');
    for (const phase of ['snapshot', 'write', 'write', 'verify']) {
      const c = start([CLI, 'backup', '--to', stick, '--data-dir', bigDir]);
      await c.wait(new RegExp(`fase=${phase}`)).catch(() => undefined);
      if (phase === 'write') await sleep(Math.floor(Math.random() * 150));
      await kill(c.proc);
      const r = check(path.join(bigDir, 'daftar-ikm.sqlite'));
      expect(r.integrity).toBe('ok');
      expect(r.count).toBe(newCount);
      expect(createHash('sha256').update(readFileSync(goodBackup)).digest('hex')).toBe(sha);
      // anything named *.dikm on the stick is complete: it verifies
      for (const f of readdirSync(path.join(stick, BACKUP_FOLDER)).filter((n) => n.endsWith('.dikm'))) {
        const v = start([CLI, 'verify', path.join(stick, BACKUP_FOLDER, f)], {
          DAFTAR_IKM_BACKUP_PASSPHRASE: TEST_SETUP.backupPassphrase,
        });
        const code = await new Promise<number | null>((res) => v.proc.once('exit', res));
        expect(code, `${f} after a kill in ${phase}: ${v.lines.join(' | ')}`).toBe(0);
      }
    }
    const after = start([CLI, 'backup', '--to', stick, '--data-dir', bigDir]);
    const code = await new Promise<number | null>((res) => after.proc.once('exit', res));
    expect(code, after.lines.join('\n')).toBe(0);
    expect(readdirSync(path.join(stick, BACKUP_FOLDER)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  }, 300_000);

  it('killed at every step of a restore (and at random moments): the old or the new database, whole', async () => {
    // The "old" office: a small register with its own marker record.
    const oldDir = path.join(tmp, 'old-pristine');
    const o = await makeTestApp({ dataDir: oldDir });
    await o.call('business:create', {
      name: 'Usaha LAMA sebelum pulih',
      ownerName: 'Darmi',
      villageName: 'Kalisat',
    });
    await o.close();
    const steps = ['safety-copied', 'staged', 'old-closed', 'swapped', 'random', 'random', 'random'];
    const outcomes: string[] = [];
    for (const step of steps) {
      const dataDir = path.join(tmp, `restore-${outcomes.length}`);
      cpSync(oldDir, dataDir, { recursive: true });
      const env: Record<string, string> = { DAFTAR_IKM_BACKUP_PASSPHRASE: TEST_SETUP.backupPassphrase };
      if (step !== 'random') env.DAFTAR_IKM_FAULT_RESTORE_PAUSE_MS = '400';
      const c = start([CLI, 'restore', '--from', goodBackup, '--data-dir', dataDir, '--yes'], env);
      if (step === 'random') {
        await c.wait(/fase=/);
        await sleep(Math.floor(Math.random() * 1500));
      } else await c.wait(new RegExp(`restore-step ${step}`));
      await kill(c.proc);
      // Restart as the app does: leftovers cleaned, database opened.
      const app = await bootApp({ dataDir, appVersion: '0.0.0-test' });
      if (!app.ok) throw new Error(`${step}: ${app.error.detail}`);
      await onAppStarted(app.ctx);
      await app.close();
      const r = check(path.join(dataDir, 'daftar-ikm.sqlite'));
      expect(r.integrity, step).toBe('ok');
      const isOld = r.names.has('Usaha LAMA sebelum pulih') && r.count === 1;
      const isNew = r.names.has('Usaha BARU dari cadangan') && r.count === newCount;
      expect(isOld || isNew, `${step}: a mix (${r.count} rows)`).toBe(true);
      expect(existsSync(path.join(dataDir, 'daftar-ikm.restore.sqlite')), step).toBe(false);
      outcomes.push(`${step}:${isOld ? 'old' : 'new'}`);
    }
    // Before the rename the old database stays; after it, the new one.
    expect(outcomes.slice(0, 4)).toEqual([
      'safety-copied:old',
      'staged:old',
      'old-closed:old',
      'swapped:new',
    ]);
  }, 300_000);
});
