/**
 * Letters benchmark (`npm run bench -- letters`).
 *
 * - letters.single_*: from the request (`letter:issue` through the real dispatcher, schema, services,
 *   transaction, signing, pdfkit, file write with SHA-256) to the saved PDF, one after another.
 * - letters.batch_1000_*: 1,000 letters as one PDF through the batch service (numbers reserved in one
 *   transaction, rendered by worker threads on both cores, merged, recorded); peak resident memory of the
 *   whole process (main + workers) sampled every 20 ms.
 * - letters.floor_*: the bare library on the same machine in the same run: a pdfkit A4 page with the same
 *   embedded TTF subset (bytes registered per document, the usual pdfkit use), 20 lines of text and a vector
 *   QR of the same length, to a Buffer.
 */
import os from 'node:os';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { rawOf } from '../electron/app/context';
import { batchWorkerCount, runBatchToEnd } from '../electron/services/letters/batch';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { regularFontFile } from '../electron/services/letters/fonts';
import { batchStartSchema } from '../shared/schemas/letter';
import { makeTestApp, TEST_SETUP, type TestApp } from '../test/fixtures/app';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function insertBusinesses(app: TestApp, n: number, date: string): number[] {
  const raw = rawOf(app.ctx);
  const now = new Date().toISOString();
  const owner = raw.prepare(
    `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, address_street, rt, rw, village_name, created_at, updated_at)
     VALUES (?, ?, ?, 'P', '1980-05-04', 'Jember', 'Dusun Krajan', '002', '005', 'Kalisat', ?, ?)`,
  );
  const biz = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name, status,
       products, kbli_code, kbli_version, address_street, rt, rw, year_started, workers_male, workers_female,
       investment, capital, annual_turnover, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Kalisat', 'aktif', 'Keripik tempe, rempeyek kacang', '10794', '2020', 'Dusun Krajan',
       '002', '005', 2015, 2, 4, 150000000, 120000000, 300000000, ?, ?)`,
  );
  const ids: number[] = [];
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const o = owner.run(
        `bo-${i}`,
        `35092744058${String(i).padStart(5, '0')}`,
        `Pemilik Usaha ${i + 1}`,
        now,
        now,
      );
      const b = biz.run(
        `bb-${i}`,
        `IKM-350927-2026-${String(i + 1).padStart(5, '0')}`,
        date,
        `Usaha Keripik Nomor ${i + 1}`,
        o.lastInsertRowid,
        now,
        now,
      );
      ids.push(Number(b.lastInsertRowid));
    }
  })();
  return ids;
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
  let peak = 0;

  // The batch workers as they ship: the bundled letters-worker.mjs (from source they would load tsx, about
  // 70 MB each), built here into bench/data.
  const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'letters-worker.mjs');
  await build({
    entryPoints: ['electron/services/letters/worker.ts'],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  process.env.DAFTAR_IKM_LETTERS_WORKER = workerFile;

  // An office with 1,200 registered businesses, closed and opened again: the memory figures start from an
  // ordinary day's start, not from the first-run migration that loads the region list.
  const now = () => new Date(2026, 2, 12, 9, 0);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-bench-letters-'));
  const first = await makeTestApp({ now, dataDir });
  const ids = insertBusinesses(first, 1200, '2026-03-10');
  await first.cleanup();
  const app = await makeTestApp({ now, dataDir, setUp: false });
  await app.call('auth:login', { username: TEST_SETUP.admin.username, password: TEST_SETUP.admin.password });
  try {
    // warm-up: the first letter parses the fonts and compiles the code paths
    for (let i = 0; i < 5; i++) await app.call('letter:issue', { businessId: ids[i], purpose: 'pemanasan' });

    // ---- batch of 1,000 as one PDF, worker threads (first, so the memory figure is the batch's own) ----
    global.gc?.();
    const base = process.memoryUsage().rss;
    peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let t0 = performance.now();
    const done = await runBatchToEnd(
      app.ctx,
      batchStartSchema.parse({
        businessIds: ids.slice(200, 1200),
        purpose: 'bantuan alat',
        output: 'single',
      }),
    );
    out['letters.batch_1000_s'] = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (done.status !== 'done' || done.rendered !== 1000) throw new Error(`batch: ${JSON.stringify(done)}`);
    out['letters.batch_1000_peak_mb'] = peak / 2 ** 20;
    out['letters.batch_1000_rss_before_mb'] = base / 2 ** 20;
    out['letters.batch_workers'] = batchWorkerCount();
    out['letters.cpus'] = os.availableParallelism();
    process.stdout.write(`batch done\n`);

    // ---- single letters through the real services ----
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
    peak = floorBase;
    const sampler2 = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    t0 = performance.now();
    for (let i = 0; i < 1000; i++) await bareLetter(fonts, qrText);
    out['letters.floor_sequential_1000_s'] = (performance.now() - t0) / 1000;
    clearInterval(sampler2);
    out['letters.floor_sequential_1000_peak_mb'] = peak / 2 ** 20;
    out['letters.floor_sequential_1000_rss_before_mb'] = floorBase / 2 ** 20;
  } finally {
    await app.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
