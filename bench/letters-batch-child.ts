/**
 * The batch part of the letters benchmark, bundled and run in its own plain `node` process (no tsx), so its
 * memory figure is the app's as it ships: an office with 1,200 businesses, closed and opened again, printing
 * 1,000 letters as one PDF with the bundled worker. Prints one JSON line of figures.
 *
 * `node letters-batch-child.mjs prepare DIR` builds the register in DIR; `node letters-batch-child.mjs DIR`
 * then opens it in a fresh process (as the app starts on an ordinary day, without the first run's set-up and
 * migration in its memory) and prints the batch. Without arguments it does both in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { runBatchToEnd } from '../electron/services/letters/batch';
import { batchStartSchema } from '../shared/schemas/letter';
import { makeTestApp, TEST_SETUP } from '../test/fixtures/app';
import { insertBusinesses } from './letters-data';

const now = () => new Date(2026, 2, 12, 9, 0);
const [a1, a2] = process.argv.slice(2);
if (a1 === 'prepare') {
  const first = await makeTestApp({ now, dataDir: a2! });
  const ids = insertBusinesses(first, 1000, '2026-03-10');
  await first.cleanup();
  writeFileSync(path.join(a2!, 'bench-ids.json'), JSON.stringify(ids));
  process.exit(0);
}
if (!a1) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-bench-batch-'));
  try {
    const self = fileURLToPath(import.meta.url);
    execFileSync(process.execPath, [self, 'prepare', dir], { stdio: 'inherit' });
    execFileSync(process.execPath, [...process.execArgv, self, dir], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
const dataDir = a1;
{
  const ids = JSON.parse(readFileSync(path.join(dataDir, 'bench-ids.json'), 'utf8')) as number[];
  const app = await makeTestApp({ now, dataDir, setUp: false });
  await app.call('auth:login', { username: TEST_SETUP.admin.username, password: TEST_SETUP.admin.password });
  await app.call('letter:issue', { businessId: ids[0]!, purpose: 'pemanasan' });
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const done = await runBatchToEnd(
    app.ctx,
    batchStartSchema.parse({ businessIds: ids, purpose: 'bantuan alat', output: 'single' }),
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await app.cleanup();
  if (done.status !== 'done' || done.rendered !== 1000) throw new Error(`batch: ${JSON.stringify(done)}`);
  process.stdout.write(
    `${JSON.stringify({ seconds, peakMb: peak / 2 ** 20, beforeMb: base / 2 ** 20, workers: 1 })}\n`,
  );
}
