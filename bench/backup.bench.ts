/**
 * Backup benchmarks (issue 4): a verified, compressed, encrypted backup of a 1 GB realistic register against
 * a plain copy + fsync of the same file to the same folder in the same run, the bytes written, a restore into
 * a fresh data folder, and peak memory. The measurement runs in a child process (bench/backup-measure.ts) so
 * its peak RSS is the backup's own. Floors: SQLite's backup API, integrity_check and zstd -1 alone.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { realisticDataDir } from './backup-data';

export async function run(): Promise<Record<string, number>> {
  const mb = Number(process.env.DAFTAR_IKM_BENCH_BACKUP_MB ?? 1024);
  const { dataDir } = await realisticDataDir(`backup-${mb}mb`, mb);
  // The shipped worker is a bundle (scripts/build-node.mjs); measure that, not a tsx-compiled one.
  const worker = path.resolve('bench', 'data', 'backup-worker.mjs');
  const measure = path.resolve('bench', 'data', 'backup-measure.mjs');
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    format: 'esm' as const,
    packages: 'external' as const,
    logLevel: 'warning' as const,
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  };
  // The measuring process is bundled too, so its memory is the app's, not a TypeScript loader's.
  await build({ ...common, entryPoints: ['bench/backup-measure.ts'], outfile: measure });
  await build({
    ...common,
    entryPoints: ['electron/services/backup/worker.ts'],
    outfile: worker,
  });
  const r = spawnSync(process.execPath, [measure, dataDir], {
    env: { ...process.env, DAFTAR_IKM_BACKUP_WORKER: worker },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`backup-measure failed (${r.status})`);
  const line = r.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Record<string, number>;
}
