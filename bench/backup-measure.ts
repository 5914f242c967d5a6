/**
 * One measurement run of bench/backup.bench.ts, in its own process so the peak memory is the backup's own
 * (not the data generator's): two backups and a restore, sampled for the peak; the bare-library floors run
 * after that, outside the peak. Prints one JSON line of figures.
 *
 *   node --import tsx bench/backup-measure.ts <dataDir>
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  fsyncSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { bootApp } from '../electron/app/boot';
import { applyRestore, checkRestore, startBackup } from '../electron/services/backup/service';
import { TEST_SETUP } from '../test/fixtures/app';

const dataDir = process.argv[2]!;
const dbFile = path.join(dataDir, 'daftar-ikm.sqlite');
const out = path.resolve('bench', 'data', 'backup-out');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);

const secs = async (f: () => Promise<unknown> | unknown) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

function copyFsync(): void {
  const to = path.join(out, 'copy.sqlite');
  copyFileSync(dbFile, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  rmSync(to);
}

const note = (what: string) =>
  process.stderr.write(
    `rss ${what}: now ${Math.round(process.memoryUsage.rss() / 1048576)} MB, peak ${Math.round(peak / 1048576)} MB\n`,
  );
note('start');
const app = await bootApp({ dataDir, appVersion: '0.1.0' });
if (!app.ok) throw new Error(app.error.detail);
const login = await app.dispatch('auth:login', { username: 'siti', password: TEST_SETUP.admin.password });
if (!login.ok) throw new Error('login');

// Warm the page cache once so the copy and the backup read the database the same way.
copyFsync();
note('booted');
const copies: number[] = [];
const backups: number[] = [];
let bytes = 0;
let file = '';
for (let i = 0; i < 3; i++) {
  copies.push(await secs(copyFsync));
  rmSync(path.join(out, 'Daftar-IKM-Cadangan'), { recursive: true, force: true });
  backups.push(
    await secs(async () => {
      const r = await (await startBackup(app.ctx, { target: out })).done;
      bytes = r.bytes;
      file = r.file;
    }),
  );
}
note('after backups');
const dbBytes = statSync(dbFile).size;

// Restore into a fresh data folder (another PC): check (decrypt, verify, integrity_check) + swap.
const fresh = path.join(out, 'fresh');
mkdirSync(fresh, { recursive: true });
const app2 = await bootApp({ dataDir: fresh, appVersion: '0.1.0' });
if (!app2.ok) throw new Error(app2.error.detail);
const restore = await secs(async () => {
  const plan = await checkRestore(app2.ctx, { file, passphrase: TEST_SETUP.backupPassphrase });
  await applyRestore(app2.ctx, plan.planId);
});
await app2.close();
note('after restore');
clearInterval(sampler);
const appPeak = peak;

// Floors: the bare libraries doing each stage alone, same run.
const snap = path.join(out, 'floor-snapshot.sqlite');
const src = new Database(dbFile, { readonly: true });
const floorBackupApi = await secs(() => src.backup(snap, { progress: () => 8192 }));
src.close();
const chk = new Database(snap, { readonly: true });
const floorIntegrity = await secs(() => chk.pragma('integrity_check'));
const floorQuick = await secs(() => chk.pragma('quick_check'));
chk.close();
const floorZstd = await secs(() =>
  pipeline(
    createReadStream(snap, { highWaterMark: 1 << 20 }),
    zlib.createZstdCompress({
      chunkSize: 1 << 20,
      params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 },
    }),
    new Writable({ write: (_c, _e, cb) => cb() }),
  ),
);
rmSync(snap, { force: true });

await app.close();
rmSync(out, { recursive: true, force: true });

const copy = Math.min(...copies);
const backup = Math.min(...backups);
process.stdout.write(
  JSON.stringify({
    'backup.ratio_vs_copy_1gb': backup / copy,
    'backup.bytes_ratio': bytes / dbBytes,
    'backup.restore_1gb_s': restore,
    'backup.peak_mb': appPeak / 1048576,
    'backup.db_mb': dbBytes / 1048576,
    'backup.backup_1gb_s': backup,
    'backup.copy_fsync_1gb_s': copy,
    'backup.floor_backup_api_s': floorBackupApi,
    'backup.floor_integrity_check_s': floorIntegrity,
    'backup.floor_quick_check_s': floorQuick,
    'backup.floor_zstd1_s': floorZstd,
    // how busy the shared machine was (1-minute load average at the end)
    'backup.load_avg_1gb': os.loadavg()[0]!,
  }) + '\n',
);
process.exit(0);
