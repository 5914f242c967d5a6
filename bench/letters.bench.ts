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
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { execFileSync } from 'node:child_process';
import { insertBusinesses } from './letters-data';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { regularFontFile } from '../electron/services/letters/fonts';
import { makeTestApp, TEST_SETUP } from '../test/fixtures/app';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The floor: a bare pdfkit A4 page, embedded TTF subset, 20 lines, a vector QR. */
async function bareLetter(ttf: Buffer, qrText: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, margin: 70 });
  doc.registerFont('R', ttf);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.font('R').fontSize(11.5);
  for (let i = 0; i < 20; i++)
    doc.text(
      `Baris ${i + 1}: Yang bertanda tangan di bawah ini Camat Kalisat, Kabupaten Jember, menerangkan bahwa`,
    );
  const qr = QRCode.create(qrText, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = 85 / n;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.data[r * n + c]) doc.rect(70 + c * cell, 600 + r * cell, cell, cell);
  doc.fill('black');
  doc.end();
  return done;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const qrText = `IKM1.${'A'.repeat(118)}.${'B'.repeat(86)}`;
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
  const workerFile = path.join(dataFolder, 'letters-worker.mjs');
  const childFile = path.join(dataFolder, 'letters-batch-child.mjs');
  await bundle('electron/services/letters/worker.ts', workerFile);
  await bundle('bench/letters-batch-child.ts', childFile);
  const child = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', childFile], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DAFTAR_IKM_LETTERS_WORKER: workerFile,
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
    for (let i = 0; i < 5; i++) await app.call('letter:issue', { businessId: ids[i], purpose: 'pemanasan' });
    const single: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await app.call('letter:issue', { businessId: ids[10 + i], purpose: 'persyaratan mengikuti pelatihan' });
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

  // ---- floor: the bare library, single page, then 1,000 one after another ----
  // the TTF bytes read once; pdfkit parses them for every document, as a bare pdfkit user would
  const fonts = readFileSync(regularFontFile());
  for (let i = 0; i < 10; i++) await bareLetter(fonts, qrText);
  const floor: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = performance.now();
    await bareLetter(fonts, qrText);
    floor.push(performance.now() - s);
  }
  floor.sort((a, b) => a - b);
  out['letters.floor_single_p50_ms'] = pct(floor, 50);
  out['letters.floor_single_p95_ms'] = pct(floor, 95);
  global.gc?.();
  const floorBase = process.memoryUsage().rss;
  let peak = floorBase;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) await bareLetter(fonts, qrText);
  out['letters.floor_sequential_1000_s'] = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  out['letters.floor_sequential_1000_peak_mb'] = peak / 2 ** 20;
  out['letters.floor_sequential_1000_rss_before_mb'] = floorBase / 2 ** 20;
  return out;
}
