/**
 * `npm run bench [-- area ...]`: runs the benchmark modules in bench/*.bench.ts (or only the named areas) and
 * merges their figures into bench/results.json, one flat object of named figures. Each module exports
 * `run(): Promise<Record<string, number>>`; names are `<area>.<figure>` (e.g. registry.search_p95_ms_1m).
 * Areas: activities, backup, letters, registry, ui (ui.bench.ts: the browser mode in Chromium; it builds the app first and
 * writes ui.* and app.* figures).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'results.json');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => ({ area: f.replace(/\.bench\.ts$/, ''), file: path.join(here, f) }))
  .filter((m) => wanted.length === 0 || wanted.includes(m.area));

const results: Record<string, number | string> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number | string>)
  : {};

for (const m of modules) {
  process.stdout.write(`\n== ${m.area} ==\n`);
  const mod = (await import(pathToFileURL(m.file).href)) as { run: () => Promise<Record<string, number>> };
  const t0 = performance.now();
  const figures = await mod.run();
  for (const [k, v] of Object.entries(figures)) {
    results[k] = Math.round(v * 1000) / 1000;
    process.stdout.write(`${k} = ${results[k]}\n`);
  }
  process.stdout.write(`(${m.area}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}

results['machine.cpus'] = os.cpus().length;
results['machine.cpu_model'] = os.cpus()[0]?.model ?? 'unknown';
results['machine.mem_gb'] = Math.round(os.totalmem() / 2 ** 30);
results['machine.node'] = process.version;
const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(resultsFile, JSON.stringify(sorted, null, 2) + '\n');
process.stdout.write(`\nwrote ${path.relative(process.cwd(), resultsFile)}\n`);
