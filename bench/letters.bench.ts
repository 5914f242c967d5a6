/**
 * Letters benchmark (`npm run bench -- letters`).
 *
 * - letters.single_*: from the request (`letter:issue` through the real dispatcher, schema, services,
 *   transaction, signing, pdfkit, file write with SHA-256) to the saved PDF, one after another.
 * - letters.batch_1000_*: 1,000 letters as one PDF through the batch service (numbers reserved in one
 *   transaction, rendered by worker threads on both cores, merged, recorded), run in its own plain `node`
 *   process from bundles, as the app ships (bench/letters-batch-child.ts); peak resident memory of that whole
 *   process (main + workers) sampled every 20 ms.
 * - letters.floor_*: the bare library on the same machine in the same run: a pdfkit A4 page with the same
 *   embedded TTF subset (bytes registered per document, the usual pdfkit use), 20 lines of text and a vector
 *   QR of the same length, to a Buffer.
 */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { insertBusinesses } from './letters-data';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { regularFontFile } from '../electron/services/letters/fonts';
import { makeTestApp, TEST_SETUP } from '../test/fixtures/app';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = { 'letters.load_avg_1m_start': os.loadavg()[0]! };
  const dataFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

  // ---- batch of 1,000 as one PDF: the app as it ships (bundled main and worker, plain node) ----
  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
  // beside the bundled child, where the app's bundles find their workers (electron/services/jobs/thread.ts)
  const workerFile = path.join(dataFolder, 'letters-worker.mjs');
  const childFile = path.join(dataFolder, 'letters-batch-child.mjs');
  await bundle('electron/services/letters/worker.ts', workerFile);
  await bundle('bench/letters-batch-child.ts', childFile);
  const child = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', childFile], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DAFTAR_IKM_FONTS_DIR: path.resolve('build/fonts'),
      },
      maxBuffer: 1 << 20,
    })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { seconds: number; peakMb: number; beforeMb: number; workers: number };
  out['letters.batch_1000_s'] = child.seconds;
  out['letters.batch_1000_peak_mb'] = child.peakMb;
  out['letters.batch_1000_rss_before_mb'] = child.beforeMb;
  out['letters.batch_workers'] = child.workers;
  out['letters.cpus'] = os.availableParallelism();
  process.stdout.write(`batch done\n`);

  // ---- single letters through the real services (dispatcher → saved PDF) ----
  const now = () => new Date(2026, 2, 12, 9, 0);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-bench-letters-'));
  const first = await makeTestApp({ now, dataDir });
  const ids = insertBusinesses(first, 120, '2026-03-10');
  await first.cleanup();
  const app = await makeTestApp({ now, dataDir, setUp: false });
  await app.call('auth:login', { username: TEST_SETUP.admin.username, password: TEST_SETUP.admin.password });
  try {
    for (let i = 0; i < 5; i++) await app.call('letter:issue', { businessId: ids[i]!, purpose: 'pemanasan' });
    const single: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await app.call('letter:issue', {
        businessId: ids[10 + i]!,
        purpose: 'persyaratan mengikuti pelatihan',
      });
      single.push(performance.now() - s);
    }
    single.sort((a, b) => a - b);
    out['letters.single_p50_ms'] = pct(single, 50);
    out['letters.single_p95_ms'] = pct(single, 95);
    process.stdout.write(`single done\n`);
  } finally {
    await app.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // ---- floor: the bare library in its own plain node process: single page, then 1,000 one after another ----
  const floorFile = path.join(dataFolder, 'letters-floor-child.mjs');
  await bundle('bench/letters-floor-child.ts', floorFile);
  const floor = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', floorFile, regularFontFile()], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as Record<string, number>;
  for (const [k, v] of Object.entries(floor)) out[`letters.floor_${k}`] = v;
  out['letters.load_avg_1m_end'] = os.loadavg()[0]!;
  return out;
}
