/**
 * KBLI search latency (issue 11 item 10): `kbli:search` is in the KbliPicker's typing path (debounced 150 ms),
 * so one call must stay far below a frame.
 *
 *   npm run bench -- kbli
 *
 * A mix of what clerks type (everyday product words, two-word queries, code prefixes, one or two letters,
 * words that occur inside other words), each parsed by the channel's schema and answered by `searchKbli`,
 * both versions, 30 rows, 40 rounds. The floor reads every row of the table once with a bare better-sqlite3
 * prepared statement: the most any search of this ~1,000-row table has to read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { searchKbli } from '../electron/services/kbli';
import { kbliSearchSchema } from '../shared/schemas/refdata';

export const KBLI_QUERY_MIX = [
  'keripik',
  'kerupuk',
  'tahu tempe',
  'tahu',
  'tape',
  'arang',
  'wingko',
  'vco',
  'sangkar burung',
  'kopi bubuk',
  'batik tulis',
  'tenun',
  'gerabah',
  'anyaman bambu',
  'jamu',
  'dodol',
  'emping',
  'bakpia',
  'mebel kayu',
  'minyak kelapa',
  'industri',
  'k',
  'ke',
  'pengolahan dan pengawetan',
  '1079',
  '10794',
  '3',
  'sepatu kulit',
  'sabun',
  'bordir',
];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-bench-kbli-'));
  const opened = openDatabase(path.join(dir, 'kbli.sqlite'));
  try {
    await migrate(opened.raw);
    const rounds = 40;
    // warm-up: statement caches, JIT
    for (const q of KBLI_QUERY_MIX) searchKbli(opened.raw, kbliSearchSchema.parse({ query: q }));
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of KBLI_QUERY_MIX) {
        const t0 = performance.now();
        searchKbli(opened.raw, kbliSearchSchema.parse({ query: q }));
        times.push(performance.now() - t0);
      }
    }
    const scan = opened.raw.prepare('SELECT * FROM kbli');
    const floor: number[] = [];
    for (let r = 0; r < rounds * KBLI_QUERY_MIX.length; r++) {
      const t0 = performance.now();
      scan.all();
      floor.push(performance.now() - t0);
    }
    return {
      'kbli.search_p50_ms': percentile(times, 50),
      'kbli.search_p95_ms': percentile(times, 95),
      'kbli.search_max_ms': Math.max(...times),
      'kbli.floor_full_scan_p50_ms': percentile(floor, 50),
      'kbli.floor_full_scan_p95_ms': percentile(floor, 95),
    };
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
