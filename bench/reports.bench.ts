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
 * Permit coverage and activity participation (`report:coverage`, loaded after the first view):
 * `reports.coverage_ms_1m`, the unfiltered call as reports/coverage.ts computes it (permit states by
 * `permit_state`, the businesses with a permit in force, permits issued, activities and participants), the
 * median of 9 after one warm-up; `reports.coverage_filtered_ms_1m` with a period and a desa; the floor
 * (`reports.coverage_ms_1m_floor`) is the same SQL statements, as the service ran them, replayed on bare
 * prepared statements. Data: a copy of the register (bench/data/reports-coverage-<size>.sqlite, cached) with
 * the permits benchmark's seeded permits (about 1.5 per business, 45 % with none) and seeded activities
 * (one per 200 businesses, 1–3 days over 2019–2026, 20 participants each, 3 % withdrawn, 2 % cancelled).
 *
 *   npm run bench -- reports
 *
 * DAFTAR_IKM_BENCH_REPORTS_SIZE=1k|30k runs the same code on a smaller register (figures named `…_1k`,
 * `…_30k`), to check the benchmark without the 1M database.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import {
  REPORT_COUNTS_BACKFILL_LATEST as REPORT_COUNTS_BACKFILL,
  reportCountsTriggers,
} from '../db/migrations/017_reports_rule_coverage';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { applyPragmas } from '../db/connection';
import { observeCoverage, reportCoverage } from '../electron/services/reports/coverage';
import { reportSummary, SUMMARY_DIMS } from '../electron/services/reports/summary';
import { ACTIVITY_TYPES } from '../shared/records/activity';
import { DATA_DIR, ensureRegistry, rng, SIZES, type Size } from './generate';
import { addPermits, BENCH_TODAY } from './permits.bench';
import { median, medianMs } from './timing';

const SIZE: Size = (() => {
  const s = process.env.DAFTAR_IKM_BENCH_REPORTS_SIZE ?? '1m';
  if (!(s in SIZES))
    throw new Error(`DAFTAR_IKM_BENCH_REPORTS_SIZE: one of ${Object.keys(SIZES).join(', ')}`);
  return s as Size;
})();
const COVERAGE_VERSION = 1;

const here = path.dirname(fileURLToPath(import.meta.url));

export async function openMigrated1m(size: Size = '1m'): Promise<Database.Database> {
  const file = path.join(here, 'data', `registry-${size}.sqlite`);
  if (!existsSync(file)) await ensureRegistry(size);
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

/** Seeded activities over the register's businesses: what the participation counts read. */
function addActivities(raw: Database.Database): number {
  const ids = raw.prepare('SELECT id FROM businesses ORDER BY id').pluck().all() as number[];
  const r = rng(20261203);
  const now = new Date().toISOString();
  const act = raw.prepare(
    `INSERT INTO activities (uuid, type, title, organiser, funding, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, 'disperindag', 'apbd', ?, ?, ?)`,
  );
  const day = raw.prepare('INSERT OR IGNORE INTO activity_days (activity_id, day) VALUES (?, ?)');
  const part = raw.prepare(
    `INSERT INTO activity_participants (uuid, activity_id, business_id, attendee_name, attendee_role, archived_at,
       created_at, updated_at) VALUES (?, ?, ?, 'Peserta', 'pemilik', ?, ?, ?)`,
  );
  const n = Math.max(1, Math.floor(ids.length / 200));
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const type = ACTIVITY_TYPES[Math.floor(r() * ACTIVITY_TYPES.length)]!;
      const a = act.run(
        randomUUID(),
        type,
        `Kegiatan ${i}`,
        r() < 0.02 ? now : null,
        now,
        now,
      ).lastInsertRowid;
      const start = Date.UTC(2019, 0, 1) + Math.floor(r() * 8 * 365) * 86_400_000;
      const days = 1 + Math.floor(r() * 3);
      for (let d = 0; d < days; d++) day.run(a, new Date(start + d * 86_400_000).toISOString().slice(0, 10));
      const seen = new Set<number>();
      for (let k = 0; k < 20; k++) {
        const b = ids[Math.floor(r() * ids.length)]!;
        if (seen.has(b)) continue;
        seen.add(b);
        part.run(randomUUID(), a, b, r() < 0.03 ? now : null, now, now);
      }
    }
  })();
  return n;
}

/** The register of the run's size with permits and activities added (cached beside it). */
async function openCoverageDb(): Promise<Database.Database> {
  const file = path.join(DATA_DIR, `reports-coverage-${SIZE}.sqlite`);
  const meta = `${file}.json`;
  const fresh =
    existsSync(file) &&
    existsSync(meta) &&
    (JSON.parse(readFileSync(meta, 'utf8')) as { version: number; schema: number }).version ===
      COVERAGE_VERSION &&
    (JSON.parse(readFileSync(meta, 'utf8')) as { version: number; schema: number }).schema ===
      LATEST_SCHEMA_VERSION;
  if (!fresh) {
    const src = await openMigrated1m(SIZE);
    src.close();
    mkdirSync(DATA_DIR, { recursive: true });
    rmSync(file, { force: true });
    const from = new Database(path.join(DATA_DIR, `registry-${SIZE}.sqlite`), { readonly: true });
    await from.backup(file);
    from.close();
    const raw = new Database(file);
    applyPragmas(raw);
    raw.pragma('synchronous = OFF');
    process.stdout.write('adding permits and activities for the coverage figures…\n');
    const permits = addPermits(raw);
    const activities = addActivities(raw);
    raw.exec('ANALYZE');
    raw.close();
    writeFileSync(
      meta,
      JSON.stringify({ version: COVERAGE_VERSION, schema: LATEST_SCHEMA_VERSION, permits, activities }),
    );
  }
  const raw = new Database(file);
  applyPragmas(raw);
  return raw;
}

function coverageFigures(raw: Database.Database, village: string | undefined): Record<string, number> {
  const seen: { sql: string; params: unknown[] }[] = [];
  observeCoverage((sql, params) => seen.push({ sql, params }));
  const first = reportCoverage(raw, {}, BENCH_TODAY);
  observeCoverage(null);
  const time = (fn: () => unknown) => medianMs(fn, 9, 1);
  const ms = time(() => reportCoverage(raw, {}, BENCH_TODAY));
  const bare = seen.map((s) => ({ st: raw.prepare(s.sql), params: s.params }));
  const floor = time(() => {
    for (const b of bare) b.st.all(...b.params);
  });
  const filtered = time(() => reportCoverage(raw, { from: '2020-01', to: '2024-12', village }, BENCH_TODAY));
  process.stdout.write(
    `coverage: ${first.total} businesses, ${first.permits.withPermit} with a permit in force, ` +
      `${first.activities.everTookPart} ever took part\n`,
  );
  return {
    [`reports.coverage_ms_${SIZE}`]: ms,
    [`reports.coverage_ms_${SIZE}_floor`]: floor,
    [`reports.coverage_filtered_ms_${SIZE}`]: filtered,
  };
}

export async function run(): Promise<Record<string, number>> {
  const raw = await openMigrated1m(SIZE);
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
    `SELECT dim, key, sum(n) AS n FROM report_counts WHERE ${SUMMARY_DIMS} AND month = '*' GROUP BY dim, key
      HAVING sum(n) > 0`,
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
  const village = first.tables.village[0]?.key;
  raw.close();
  process.stdout.write(`total ${first.total}, report_counts rows ${rows}, load ${load.toFixed(2)}\n`);
  const cov = await openCoverageDb();
  const coverage = coverageFigures(cov, village);
  cov.close();
  return {
    [`reports.summary_ms_${SIZE}`]: median(times),
    [`reports.summary_first_ms_${SIZE}`]: firstMs,
    [`reports.summary_ms_${SIZE}_floor`]: median(floorTimes),
    [`reports.summary_filtered_ms_${SIZE}`]: filtered,
    [`reports.groupby_ms_${SIZE}`]: groupBy,
    [`reports.counts_rows_${SIZE}`]: rows,
    ...coverage,
    [`reports.load_avg_${SIZE}`]: load,
  };
}
