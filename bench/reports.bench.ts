/**
 * Reports benchmark (issue 12): `reports.summary_ms_1m`, the reports page's first view (every breakdown, no
 * filter) at 1,000,000 businesses, as `report:summary` computes it (reports/summary.ts over report_counts,
 * labels included): the median of 15 calls after one warm-up, and the first call alone.
 *
 * The floor (`reports.summary_ms_1m_floor`) is bare better-sqlite3 running the same aggregate statement (the
 * all-time rows) with no labels. For context, `reports.groupby_ms_1m` is what the counts table saves: the seven GROUP BYs
 * over the live businesses themselves (covering partial indexes where they exist).
 *
 * Uses the registry benchmark's cached 1M database (bench/data/registry-1m.sqlite, built by
 * `node --import tsx bench/generate.ts 1m`), migrated in place to the latest schema (the backfill of
 * report_counts runs once).
 *
 *   npm run bench -- reports
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { REPORT_COUNTS_BACKFILL, reportCountsTriggers } from '../db/migrations/013_report_counts';
import { reportSummary } from '../electron/services/reports/summary';
import { ensureRegistry } from './generate';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function openMigrated1m(): Promise<Database.Database> {
  const file = path.join(here, 'data', 'registry-1m.sqlite');
  if (!existsSync(file)) await ensureRegistry('1m');
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  if ((raw.pragma('user_version', { simple: true }) as number) < LATEST_SCHEMA_VERSION) {
    const t = performance.now();
    process.stdout.write('migrating the 1M database to the latest schema (report_counts backfill)…\n');
    await migrate(raw);
    process.stdout.write(`  ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  // a database migrated by an earlier draft of (unreleased) migration 013: its counts rebuilt as 015 makes them
  if (!raw.prepare(`SELECT 1 FROM report_counts WHERE month = '*' LIMIT 1`).get()) {
    process.stdout.write('rebuilding report_counts as the current migration 013 makes them…\n');
    raw.transaction(() => {
      for (const tr of ['business_insert', 'business_delete', 'business_update', 'owner_sex'])
        raw.exec(`DROP TRIGGER IF EXISTS report_counts_${tr}`);
      raw.exec('DELETE FROM report_counts');
      raw.exec(reportCountsTriggers());
      raw.exec(REPORT_COUNTS_BACKFILL);
    })();
  }
  return raw;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Record<string, number>> {
  const raw = await openMigrated1m();
  const load = os.loadavg()[0]!;
  let t = performance.now();
  const first = reportSummary(raw, {});
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    reportSummary(raw, {});
    times.push(performance.now() - t);
  }
  const floorTimes: number[] = [];
  const s1 = raw.prepare(
    `SELECT dim, key, sum(n) AS n FROM report_counts WHERE dim IN ('village', 'kbli', 'industry', 'business',
      'bps', 'status', 'sex', 'year') AND month = '*' GROUP BY dim, key HAVING sum(n) > 0`,
  );
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    s1.all();
    floorTimes.push(performance.now() - t);
  }
  // what the counts table saves: grouping the businesses themselves
  const live = 'archived_at IS NULL AND merged_into_id IS NULL';
  t = performance.now();
  for (const col of ['village_code', 'kbli_code', 'industry_class', 'business_class', 'bps_scale', 'status'])
    raw.prepare(`SELECT ${col}, count(*) FROM businesses WHERE ${live} GROUP BY 1`).all();
  raw
    .prepare(`SELECT substr(registration_date, 1, 4), count(*) FROM businesses WHERE ${live} GROUP BY 1`)
    .all();
  const groupBy = performance.now() - t;
  const filtered = (() => {
    const v = first.tables.village[0]?.key;
    const ts: number[] = [];
    for (let i = 0; i < 9; i++) {
      t = performance.now();
      reportSummary(raw, { from: '2020-01', to: '2024-12', village: v });
      ts.push(performance.now() - t);
    }
    return median(ts);
  })();
  const rows = (raw.prepare('SELECT count(*) AS n FROM report_counts').get() as { n: number }).n;
  raw.close();
  process.stdout.write(`total ${first.total}, report_counts rows ${rows}, load ${load.toFixed(2)}\n`);
  return {
    'reports.summary_ms_1m': median(times),
    'reports.summary_first_ms_1m': firstMs,
    'reports.summary_ms_1m_floor': median(floorTimes),
    'reports.summary_filtered_ms_1m': filtered,
    'reports.groupby_ms_1m': groupBy,
    'reports.counts_rows_1m': rows,
    'reports.load_avg_1m': load,
  };
}
