/**
 * Registry benchmarks (issue 3): search and list at 1,000,000 and 30,000 businesses, insert rate, size.
 *
 *   npm run bench -- registry
 *
 * Search: ≥ 200 realistic queries sampled from the register itself (fragments of business and owner names,
 * products, desa, whole NIKs and NIK prefixes, registration numbers and their sequence, misspellings,
 * two-word queries, 1–2 letters), each through `listBusinesses` (what the `business:list` handler calls, input
 * parsed by the channel's schema, first window of 100 rows and the count). The floor replays exactly the SQL
 * statements each search ran, on bare better-sqlite3 prepared statements: the difference is the service's
 * own work (reading the query, the typo lookup's edit distances, mapping rows).
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import os from 'node:os';
import { applyPragmas, type RawDb } from '../db/connection';
import { listBusinesses, observeStatements } from '../electron/services/business-search';
import { businessListSchema, type BusinessListInput } from '../shared/schemas/business-search';
import { ensureRegistry, rng, type Size } from './generate';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface Sample {
  kind: string;
  query: string;
}

/** A misspelling a clerk makes: a letter dropped, doubled, swapped or replaced by its neighbour vowel. */
function misspell(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const k = r();
  if (k < 0.35) return word.slice(0, i) + word.slice(i + 1); // keripik → kripik
  if (k < 0.55) return word.slice(0, i) + word[i] + word.slice(i); // mebel → mebell
  if (k < 0.75) return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  const vowels = 'aeiou';
  const c = word[i]!;
  return (
    word.slice(0, i) + (vowels.includes(c) ? vowels[(vowels.indexOf(c) + 1) % 5] : 'a') + word.slice(i + 1)
  );
}

/** Realistic queries, taken from random records of the register (deterministic). */
export function sampleQueries(raw: RawDb, count: number, seed = 7): Sample[] {
  const r = rng(seed);
  const max = (raw.prepare('SELECT max(id) AS m FROM businesses').get() as { m: number }).m;
  const row = raw.prepare(
    `SELECT b.name, b.products, b.village_name, b.registration_number, o.name AS owner, o.nik
     FROM businesses b JOIN owners o ON o.id = b.owner_id WHERE b.id >= ? ORDER BY b.id LIMIT 1`,
  );
  const nikRow = raw.prepare(`SELECT nik FROM owners WHERE id >= ? AND nik IS NOT NULL ORDER BY id LIMIT 1`);
  const words = (s: string) => s.split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  const out: Sample[] = [];
  const kinds: [string, number][] = [
    ['name-fragment', 22],
    ['owner', 14],
    ['product', 10],
    ['desa', 8],
    ['nik', 10],
    ['nik-prefix', 3],
    ['regno', 6],
    ['regno-seq', 4],
    ['typo', 13],
    ['two-words', 6],
    ['short', 4],
  ];
  const total = kinds.reduce((a, [, w]) => a + w, 0);
  while (out.length < count) {
    const b = row.get(1 + Math.floor(r() * max)) as {
      name: string;
      products: string | null;
      village_name: string;
      registration_number: string;
      owner: string;
      nik: string | null;
    };
    let x = r() * total;
    const kind = kinds.find(([, w]) => (x -= w) < 0)![0];
    const nameWords = words(b.name);
    let q = '';
    switch (kind) {
      case 'name-fragment': {
        const w = nameWords[Math.floor(r() * nameWords.length)] ?? b.name;
        // a whole word, or the middle of one ("ripik"), or the start of the name as typed so far
        const k = r();
        q =
          k < 0.4
            ? w
            : k < 0.7
              ? w.slice(1, Math.max(4, w.length - 1))
              : b.name.slice(0, 6 + Math.floor(r() * 6));
        break;
      }
      case 'owner': {
        const ws = words(b.owner);
        q = (ws[Math.floor(r() * ws.length)] ?? b.owner).toLowerCase();
        break;
      }
      case 'product':
        q = (b.products ?? b.name)
          .split(',')[0]!
          .split(' ')
          .slice(0, 1 + Math.floor(r() * 2))
          .join(' ');
        break;
      case 'desa':
        q = b.village_name;
        break;
      case 'nik': {
        const n = (nikRow.get(1 + Math.floor(r() * max * 0.9)) as { nik: string } | undefined)?.nik;
        q = n ?? '3509274508850003';
        break;
      }
      case 'nik-prefix': {
        const n =
          (nikRow.get(1 + Math.floor(r() * max * 0.9)) as { nik: string } | undefined)?.nik ??
          '3509274508850003';
        q = n.slice(0, 10);
        break;
      }
      case 'regno':
        q = r() < 0.7 ? b.registration_number : b.registration_number.toLowerCase();
        break;
      case 'regno-seq':
        q = r() < 0.5 ? b.registration_number.slice(-5) : b.registration_number.slice(-10);
        break;
      case 'typo': {
        const pool = [...nameWords, ...words(b.products ?? '')].filter((w) => w.length >= 5);
        q = misspell((pool[Math.floor(r() * pool.length)] ?? 'keripik').toLowerCase(), r);
        break;
      }
      case 'two-words': {
        const p = (b.products ?? b.name).split(' ')[0]!;
        q = `${p} ${words(b.owner)[0] ?? ''}`.trim();
        break;
      }
      case 'short':
        q = b.name.slice(0, 1 + Math.floor(r() * 2));
        break;
    }
    out.push({ kind, query: q });
  }
  return out;
}

function open(file: string): RawDb {
  const raw = new Database(file);
  applyPragmas(raw);
  return raw;
}

interface Recorded {
  sql: string;
  params: unknown[];
  kind: 'all' | 'get';
}

function timeSearches(raw: RawDb, samples: Sample[]) {
  const service: number[] = [];
  const floor: number[] = [];
  const byKind: Record<string, number[]> = {};
  const recorded: Recorded[][] = [];
  // warm-up pass: the page cache, the statement cache; records the statements each search runs
  for (const s of samples) {
    const rec: Recorded[] = [];
    observeStatements((sql, params, kind) => rec.push({ sql, params, kind }));
    listBusinesses(raw, businessListSchema.parse({ query: s.query, limit: 100 }));
    observeStatements(null);
    recorded.push(rec);
  }
  const floorStmts = recorded.map((rec) => rec.map((x) => ({ ...x, stmt: raw.prepare(x.sql) })));
  for (let pass = 0; pass < 2; pass++) {
    samples.forEach((s, i) => {
      const input: BusinessListInput = { query: s.query, limit: 100 };
      const t0 = performance.now();
      listBusinesses(raw, businessListSchema.parse(input));
      const ms = performance.now() - t0;
      service.push(ms);
      (byKind[s.kind] ??= []).push(ms);
      const t1 = performance.now();
      for (const x of floorStmts[i]!) {
        if (x.kind === 'all') x.stmt.all(...x.params);
        else x.stmt.get(...x.params);
      }
      floor.push(performance.now() - t1);
    });
  }
  return { service, floor, byKind };
}

/**
 * The list through the service, and its floor: the statements that call ran, replayed on bare prepared
 * statements (recorded once per input).
 */
function timeList(
  raw: RawDb,
  inputs: BusinessListInput[],
  runs = 15,
): { service: number[]; floor: number[] } {
  const service: number[] = [];
  const floor: number[] = [];
  const replays = inputs.map((input) => {
    const rec: Recorded[] = [];
    observeStatements((sql, params, kind) => rec.push({ sql, params, kind }));
    listBusinesses(raw, businessListSchema.parse(input)); // also warms the caches
    observeStatements(null);
    return rec.map((x) => ({ ...x, stmt: raw.prepare(x.sql) }));
  });
  for (let k = 0; k < runs; k++)
    inputs.forEach((input, i) => {
      const t0 = performance.now();
      listBusinesses(raw, businessListSchema.parse(input));
      service.push(performance.now() - t0);
      const t1 = performance.now();
      for (const x of replays[i]!) {
        if (x.kind === 'all') x.stmt.all(...x.params);
        else x.stmt.get(...x.params);
      }
      floor.push(performance.now() - t1);
    });
  return { service, floor };
}

async function measure(
  size: Size,
  suffix: string,
  log: (m: string) => void,
): Promise<Record<string, number>> {
  const built = await ensureRegistry(size, log);
  const raw = open(built.file);
  const f: Record<string, number> = {};
  // the machine is shared: the 1-minute load average when this size started, to read the figures by
  f[`registry.load_avg_${suffix}`] = os.loadavg()[0]!;
  f[`registry.db_mb_${suffix}`] = statSync(built.file).size / 2 ** 20;
  f[suffix === '1m' ? 'registry.insert_per_s' : `registry.insert_per_s_${suffix}`] = built.insertPerS;

  const samples = sampleQueries(raw, 240);
  const s = timeSearches(raw, samples);
  f[`registry.search_p95_ms_${suffix}`] = percentile(s.service, 95);
  f[`registry.search_p50_ms_${suffix}`] = percentile(s.service, 50);
  f[`registry.search_max_ms_${suffix}`] = Math.max(...s.service);
  f[`registry.search_p95_ms_${suffix}_floor`] = percentile(s.floor, 95);
  f[`registry.search_p50_ms_${suffix}_floor`] = percentile(s.floor, 50);
  f[`registry.search_queries_${suffix}`] = samples.length;
  for (const [kind, xs] of Object.entries(s.byKind))
    log(
      `  search ${suffix} ${kind.padEnd(14)} p50 ${percentile(xs, 50).toFixed(2)} ms  p95 ${percentile(xs, 95).toFixed(2)} ms  (${xs.length / 2} queries)`,
    );
  const worst = samples
    .map((x, i) => ({ q: x.query, ms: Math.max(s.service[i]!, s.service[i + samples.length]!) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  log(`  slowest: ${worst.map((w) => `"${w.q}" ${w.ms.toFixed(1)} ms`).join(', ')}`);

  // The first page of the list: no filter (newest first), then with filters, then each sort order.
  const busiest = raw
    .prepare(`SELECT village_code AS c FROM businesses GROUP BY village_code ORDER BY count(*) DESC LIMIT 1`)
    .get() as { c: string };
  const first = timeList(raw, [{ limit: 100 }]);
  const filtered = timeList(raw, [
    { villageCode: busiest.c, limit: 100 },
    { kbliCode: '10794', status: ['aktif'], limit: 100 },
    { bpsScale: 'sedang', sort: 'name', direction: 'asc', limit: 100 },
    { villageCode: busiest.c, status: ['aktif', 'musiman'], sort: 'name', direction: 'asc', limit: 100 },
  ]);
  const sorts = timeList(
    raw,
    (['registrationNumber', 'name', 'village', 'registrationDate'] as const).flatMap((sort) =>
      (['asc', 'desc'] as const).map((direction) => ({ sort, direction, limit: 100 })),
    ),
    5,
  );
  const deep = timeList(
    raw,
    [{ sort: 'name', direction: 'asc', limit: 100, offset: Math.floor(built.n / 2), withTotal: false }],
    5,
  );
  f[`registry.list_first_page_ms_${suffix}`] = percentile(first.service, 95);
  f[`registry.list_first_page_ms_${suffix}_floor`] = percentile(first.floor, 95);
  f[`registry.list_first_page_filtered_ms_${suffix}`] = percentile(filtered.service, 95);
  f[`registry.list_first_page_filtered_ms_${suffix}_floor`] = percentile(filtered.floor, 95);
  f[`registry.list_first_page_sorted_ms_${suffix}`] = percentile(sorts.service, 95);
  f[`registry.list_first_page_sorted_ms_${suffix}_floor`] = percentile(sorts.floor, 95);
  f[`registry.list_window_middle_ms_${suffix}`] = percentile(deep.service, 95);
  f[`registry.list_window_middle_ms_${suffix}_floor`] = percentile(deep.floor, 95);
  raw.close();
  return f;
}

export async function run(): Promise<Record<string, number>> {
  const log = (m: string) => process.stdout.write(`${m}\n`);
  // REGISTRY_SIZES=30k limits a run to the sizes named (while iterating); the issue's figures need both.
  const sizes = (process.env.REGISTRY_SIZES ?? '30k,1m').split(',') as Size[];
  let out: Record<string, number> = {};
  for (const size of sizes) out = { ...out, ...(await measure(size, size, log)) };
  return out;
}
