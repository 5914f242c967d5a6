/**
 * Permit worklists at 1,000,000 businesses and 1,500,000 permits (issue 8 item 8).
 *
 *   npm run bench -- permits
 *
 * Data: the registry generator's 1M database (bench/generate.ts) with permits added by a seeded generator:
 * about 45 % of businesses hold none, the others one to five of distinct types (NIB and halal valid while the
 * business runs; P-IRT, BPOM, SKU, merek … with issue dates over eight years and their validity), inserted
 * through the real schema (triggers on). Cached as bench/data/permits-1m.sqlite. Generating the registry takes
 * about half an hour on a loaded 2-core machine: with DAFTAR_IKM_BENCH_REGISTRY=<a registry-1m.sqlite of an
 * earlier schema> that file is copied (SQLite backup API) and migrated instead.
 *
 * Figures (median of 30 after 5 warm-ups), each with its floor = exactly the SQL statements the service ran,
 * replayed on bare better-sqlite3 prepared statements:
 * - permits.worklist_ms_1m: the 90-day worklist's first page (50 rows) with its count, as `permit:worklist`;
 * - permits.worklist_village_ms_1m: the same filtered by one desa;
 * - permits.no_permit_count_ms_1m: the "no permit at all" count; permits.no_permit_page_ms_1m its first page;
 * - permits.no_permit_count_naive_ms_1m: the same count as NOT EXISTS over businesses (why the gap table).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPragmas, type RawDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import {
  observeWorklistStatements,
  permitGapCount,
  permitWorklist,
} from '../electron/services/permits/worklists';
import { permitWorklistSchema, type PermitWorklistInput } from '../shared/schemas/permit';
import { DATA_DIR, ensureRegistry, rng, villagesOf } from './generate';
import { medianMs } from './timing';

/** The day the generated dates are relative to (and the worklists are asked for). */
export const BENCH_TODAY = '2026-12-02';
const PERMITS_VERSION = 1;
const TARGET_PERMITS = 1_500_000;

function addYears(iso: string, n: number): string {
  return `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;
}

/**
 * A lean 1,000,000-business register when no generated one is at hand (bench/generate.ts needs about half an
 * hour on this loaded machine, most of it filling the search index): the columns the worklists read — desa of
 * Jember from the region table with a Zipf-like spread, KBLI codes (about 40 % food, division 10–11),
 * registration dates, 1 % archived — through the real schema and its triggers. The worklists never touch the
 * search index, so their figures are the same on either register.
 */
function addBusinesses(raw: RawDb, log: (m: string) => void): void {
  log('adding 1,000,000 businesses (lean register)…');
  const villages = villagesOf(raw);
  const kbli = ['10794', '10710', '10761', '10793', '11040', '13134', '16291', '31001', '25920', '14111'];
  const r = rng(20260312);
  const now = new Date().toISOString();
  const owner = raw.prepare(`INSERT INTO owners (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)`);
  const biz = raw.prepare(
    `INSERT INTO businesses (uuid, registration_number, registration_date, name, owner_id, village_name,
       village_code, kbli_code, kbli_version, status, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2020', 'aktif', ?, ?, ?)`,
  );
  for (let i = 0; i < 1_000_000;) {
    raw.transaction(() => {
      for (let k = 0; k < 50_000; k++, i++) {
        const o = owner.run(randomUUID(), `Pemilik ${i}`, now, now).lastInsertRowid;
        const v = villages[Math.floor(villages.length * r() ** 2)]!;
        const year = 2010 + Math.floor(r() * 17);
        const day = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
        biz.run(
          randomUUID(),
          `IKM-350927-${year}-${String(i).padStart(7, '0')}`,
          day,
          `Usaha ${i}`,
          o,
          v.name,
          v.code,
          kbli[Math.floor(kbli.length * r())]!,
          r() < 0.01 ? now : null,
          now,
          now,
        );
      }
    })();
  }
}

/** Adds the permits to a migrated registry: one transaction per 50,000 rows, triggers on. */
export function addPermits(raw: RawDb): number {
  const types = raw.prepare('SELECT id, code, default_valid_years AS years FROM permit_types').all() as {
    id: number;
    code: string;
    years: number | null;
  }[];
  const t = (c: string) => types.find((x) => x.code === c)!;
  const ids = raw.prepare('SELECT id, kbli_code FROM businesses ORDER BY id').all() as {
    id: number;
    kbli_code: string | null;
  }[];
  const ins = raw.prepare(
    `INSERT INTO permits (uuid, business_id, type_id, number, number_key, issuer, issue_date, valid_until,
       while_operating, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const r = rng(20261202);
  const base = Date.UTC(2018, 11, 2);
  const span = Date.UTC(2026, 11, 2) - base;
  const dayOf = () => new Date(base + Math.floor(r() * span)).toISOString().slice(0, 10);
  const now = new Date().toISOString();
  let n = 0;
  let i = 0;
  const perBusiness = TARGET_PERMITS / ids.length;
  while (i < ids.length) {
    const tx = raw.transaction(() => {
      for (let k = 0; k < 20_000 && i < ids.length; k++, i++) {
        const b = ids[i]!;
        if (r() < 0.45) continue;
        const food = b.kbli_code !== null && b.kbli_code >= '10' && b.kbli_code < '12';
        // 55 % hold some: on average perBusiness / 0.55 ≈ 2.7 of distinct types
        const want = Math.max(1, Math.min(5, Math.round((perBusiness / 0.55) * (0.4 + r() * 1.2))));
        const pool = [
          'nib',
          food ? 'pirt' : 'sku',
          food ? (r() < 0.3 ? 'bpom' : 'halal') : 'iumk',
          'hki',
          'sku',
          'halal',
        ];
        const chosen = [...new Set(pool.slice(0, want + 1))].slice(0, want);
        for (const code of chosen) {
          const ty = t(code);
          const issued = dayOf();
          const whileOp = code === 'nib' || code === 'halal' || ty.years === null;
          const until = whileOp ? null : addYears(issued, ty.years ?? 1);
          const num = `${code.toUpperCase()}${b.id}${n}`;
          ins.run(randomUUID(), b.id, ty.id, num, num, issued, until, whileOp ? 1 : 0, now, now);
          n++;
        }
      }
    });
    tx();
  }
  return n;
}

async function ensurePermitsDb(log: (m: string) => void): Promise<string> {
  const file = path.join(DATA_DIR, 'permits-1m.sqlite');
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { version: number; schema: number };
    if (m.version === PERMITS_VERSION && m.schema === LATEST_SCHEMA_VERSION) return file;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  rmSync(file, { force: true });
  const source = process.env.DAFTAR_IKM_BENCH_REGISTRY;
  const t0 = performance.now();
  if (source && existsSync(source)) {
    log(`copying ${source} (SQLite backup API)…`);
    const src = new Database(source, { readonly: true });
    await src.backup(file);
    src.close();
  } else if (process.env.DAFTAR_IKM_BENCH_FULL === '1') {
    const reg = await ensureRegistry('1m', log);
    copyFileSync(reg.file, file);
  }
  const raw = new Database(file);
  applyPragmas(raw);
  raw.pragma('synchronous = OFF');
  log('migrating…');
  await migrate(raw);
  if ((raw.prepare('SELECT count(*) FROM businesses').pluck().get() as number) === 0) addBusinesses(raw, log);
  log('adding permits…');
  const t1 = performance.now();
  const n = addPermits(raw);
  const insertS = (performance.now() - t1) / 1000;
  raw.exec('ANALYZE');
  raw.close();
  writeFileSync(
    meta,
    JSON.stringify(
      {
        version: PERMITS_VERSION,
        schema: LATEST_SCHEMA_VERSION,
        permits: n,
        insertPerS: n / insertS,
        seconds: (performance.now() - t0) / 1000,
      },
      null,
      2,
    ),
  );
  log(`  ${n.toLocaleString('en')} permits in ${insertS.toFixed(0)} s`);
  return file;
}

/** The median of `reps` calls after 5 warm-ups. */
const time = (fn: () => unknown, reps = 30): number => medianMs(fn, reps, 5);

/** The service's figure and its floor: the statements it ran, replayed on bare prepared statements. */
function withFloor(raw: RawDb, input: PermitWorklistInput): { ms: number; floor: number; total: number } {
  const q = permitWorklistSchema.parse(input);
  const seen: { sql: string; params: unknown[] }[] = [];
  observeWorklistStatements((sql, params) => seen.push({ sql, params }));
  const page = permitWorklist(raw, q, BENCH_TODAY);
  observeWorklistStatements(null);
  const ms = time(() => permitWorklist(raw, q, BENCH_TODAY));
  const bare = seen.map((s) => ({ st: raw.prepare(s.sql), params: s.params }));
  const floor = time(() => {
    for (const b of bare) b.st.all(...b.params);
  });
  return { ms, floor, total: page.total };
}

export async function run(): Promise<Record<string, number>> {
  const log = (m: string) => void process.stdout.write(`${m}\n`);
  const file = await ensurePermitsDb(log);
  const raw = new Database(file, { readonly: true });
  applyPragmas(raw);
  const permits = raw.prepare('SELECT count(*) FROM permits').pluck().get() as number;
  const businesses = raw.prepare('SELECT count(*) FROM businesses').pluck().get() as number;
  log(
    `${businesses.toLocaleString('en')} businesses, ${permits.toLocaleString('en')} permits; load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const village = raw
    .prepare(
      `SELECT b_village FROM permits WHERE b_village IS NOT NULL GROUP BY b_village ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;

  const due = withFloor(raw, { kind: 'due' });
  log(`due: ${due.total} rows`);
  const dueVillage = withFloor(raw, { kind: 'due', villageCode: village });
  const nonePage = withFloor(raw, { kind: 'none', sort: 'name' });
  const noneQ = permitWorklistSchema.parse({ kind: 'none' }) as Parameters<typeof permitGapCount>[1];
  const countSt = raw.prepare('SELECT count(*) AS n FROM permit_gap_none');
  const noneCount = time(() => permitGapCount(raw, noneQ));
  const noneCountFloor = time(() => countSt.get());
  const naive = raw.prepare(
    `SELECT count(*) FROM businesses b WHERE b.archived_at IS NULL AND b.merged_into_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM permits p WHERE p.business_id = b.id AND p.archived_at IS NULL AND p.revoked_at IS NULL)`,
  );
  const naiveMs = time(() => naive.get(), 3);
  const load = os.loadavg()[0]!;
  raw.close();
  return {
    'permits.worklist_ms_1m': due.ms,
    'permits.worklist_floor_ms_1m': due.floor,
    'permits.worklist_rows_1m': due.total,
    'permits.worklist_village_ms_1m': dueVillage.ms,
    'permits.worklist_village_floor_ms_1m': dueVillage.floor,
    'permits.no_permit_count_ms_1m': noneCount,
    'permits.no_permit_count_floor_ms_1m': noneCountFloor,
    'permits.no_permit_page_ms_1m': nonePage.ms,
    'permits.no_permit_page_floor_ms_1m': nonePage.floor,
    'permits.no_permit_rows_1m': nonePage.total,
    'permits.no_permit_count_naive_ms_1m': naiveMs,
    'permits.permits_1m': permits,
    'permits.load_avg': load,
  };
}
