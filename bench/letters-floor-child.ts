/**
 * The floor of the letters benchmark, in its own plain `node` process: a bare pdfkit A4 page with the
 * embedded TTF subset, 20 lines and a vector QR; 100 timed singles, then 1,000 one after another with the
 * process's peak resident memory. Prints one JSON line of figures.
 */
import { readFileSync } from 'node:fs';
import { bareLetter } from './letters-data';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ttf = readFileSync(process.argv[2]!);
const qrText = `IKM1.${'A'.repeat(118)}.${'B'.repeat(86)}`;
for (let i = 0; i < 10; i++) await bareLetter(ttf, qrText);
const single: number[] = [];
for (let i = 0; i < 100; i++) {
  const s = performance.now();
  await bareLetter(ttf, qrText);
  single.push(performance.now() - s);
}
single.sort((a, b) => a - b);
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
for (let i = 0; i < 1000; i++) await bareLetter(ttf, qrText);
const seconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify({
    single_p50_ms: pct(single, 50),
    single_p95_ms: pct(single, 95),
    sequential_1000_s: seconds,
    sequential_1000_peak_mb: peak / 2 ** 20,
    sequential_1000_rss_before_mb: before / 2 ** 20,
  })}\n`,
);
