/**
 * The reports page's numbers (issue 12 item 7), from `report_counts` (migration 015, kept by triggers): one
 * query sums the rows per dimension and key — the all-time rows (month '*') for the first view, the months'
 * rows for a period — and labels come from the region and KBLI tables. At 1,000,000 businesses the first view
 * reads a few thousand index rows instead of grouping the businesses eight times (reports.summary_ms_1m).
 *
 * To add a breakdown: a dimension in the latest migration's `keys` (017's `keys017`; a new migration that rebuilds the triggers), a
 * table name in `REPORT_TABLES`, its labels here. Permit coverage and activity participation are heavier and
 * come from `report:coverage` (coverage.ts), loaded after this first view.
 */
import idBusiness from '../../../renderer/locales/id/business.json';
import idSize from '../../../renderer/locales/id/sizeclass.json';
import type { RawDb } from '../../../db/connection';
import { pp7RuleOf } from '../../../db/queries/pp7-class';
import { pp7Pick, type BusinessClass, type Pp7Rule } from '../../../shared/domain/size-class';
import {
  REPORT_TABLES,
  type ReportFilter,
  type ReportRow,
  type ReportSummary,
  type ReportTable,
} from '../../../shared/schemas/report';

const STATUS = idBusiness.business.status as Record<string, string>;
const INDUSTRY = idSize.sizeClass.industry as Record<string, string>;
const BUSINESS = idSize.sizeClass.business as Record<string, string>;
const BPS = idSize.sizeClass.bps as Record<string, string>;
/** a record without the data a scheme needs is its own bucket ("Tidak diketahui"), never a class */
const UNKNOWN = idSize.sizeClass.unknownBucket;
const SEX: Record<string, string> = { L: 'Laki-laki', P: 'Perempuan', '-': 'Tidak diketahui' };

/** no period: the all-time rows (month '*', a few per desa and key); a period: the months' rows */
function where(f: ReportFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!f.from && !f.to) parts.push(`month = '*'`);
  else {
    parts.push('month >= ?', 'month <= ?');
    params.push(f.from ?? '0000-00', f.to ?? '9999-99');
  }
  if (f.village) {
    parts.push('village = ?');
    params.push(f.village);
  }
  return { sql: parts.join(' AND '), params };
}

/** The report's businesses (live, registered in the period, in the desa): the page's total. */
export function reportTotal(raw: RawDb, f: ReportFilter): number {
  const w = where(f);
  const r = raw
    .prepare(`SELECT coalesce(sum(n), 0) AS n FROM report_counts WHERE dim = 'status' AND ${w.sql}`)
    .get(...w.params) as { n: number };
  return r.n;
}

export function villageLabel(raw: RawDb, key: string): string {
  if (key.startsWith('~')) return key.slice(1);
  const r = raw.prepare('SELECT name FROM regions WHERE code = ?').get(key) as { name: string } | undefined;
  return r?.name ?? key;
}

function kbliTitles(raw: RawDb, version: string, codes: string[]): Map<string, string> {
  const m = new Map<string, string>();
  if (!codes.length) return m;
  const rows = raw
    .prepare(`SELECT code, title FROM kbli WHERE version = ? AND code IN (${codes.map(() => '?').join(',')})`)
    .all(version, ...codes) as { code: string; title: string }[];
  for (const r of rows) m.set(r.code, r.title);
  return m;
}

/**
 * A `pp7` key (`<class by capital>|<class by sales>`, `-` for a missing figure; migration 017) → the class
 * under the office's rule, `-` when neither figure is filled in.
 */
export function pp7KeyClass(key: string, rule: Pp7Rule): string {
  const [c, t] = key.split('|').map((x) => (x && x !== '-' ? (x as BusinessClass) : null)) as [
    BusinessClass | null,
    BusinessClass | null,
  ];
  return pp7Pick(c ?? null, t ?? null, rule) ?? '-';
}

const byCount = (a: ReportRow, b: ReportRow) => b.n - a.n || a.label.localeCompare(b.label);

/**
 * The aggregate the first view runs (the benchmark's floor runs it bare). The PP 7/2021 rows are the pairs
 * of classes (`pp7`), mapped to the office's rule here: a change of rule needs no recount.
 */
export const SUMMARY_DIMS = `dim IN ('village', 'kbli', 'industry', 'pp7', 'bps', 'status', 'sex', 'year')`;

export function reportSummary(raw: RawDb, f: ReportFilter): ReportSummary {
  const t0 = performance.now();
  const w = where(f);
  const rule = pp7RuleOf(raw);
  const business = new Map<string, number>();
  const sums = raw
    .prepare(
      `SELECT dim, key, sum(n) AS n FROM report_counts WHERE ${SUMMARY_DIMS} AND ${w.sql}
        GROUP BY dim, key HAVING sum(n) > 0`,
    )
    .all(...w.params) as { dim: string; key: string; n: number }[];
  const tables = Object.fromEntries(REPORT_TABLES.map((t) => [t, [] as ReportRow[]])) as Record<
    ReportTable,
    ReportRow[]
  >;
  const kbli: { version: string; code: string; n: number }[] = [];
  for (const s of sums) {
    switch (s.dim) {
      case 'village':
        tables.village.push({ key: s.key, label: villageLabel(raw, s.key), n: s.n });
        break;
      case 'kbli': {
        const [version, code] = s.key.split(':') as [string, string];
        kbli.push({ version, code, n: s.n });
        break;
      }
      case 'industry':
        tables.industry.push({ key: s.key, label: INDUSTRY[s.key] ?? UNKNOWN.industry, n: s.n });
        break;
      case 'pp7': {
        const k = pp7KeyClass(s.key, rule);
        business.set(k, (business.get(k) ?? 0) + s.n);
        break;
      }
      case 'bps':
        tables.bps.push({ key: s.key, label: BPS[s.key] ?? UNKNOWN.bps, n: s.n });
        break;
      case 'status':
        tables.status.push({ key: s.key, label: STATUS[s.key] ?? s.key, n: s.n });
        break;
      case 'sex':
        tables.sex.push({ key: s.key, label: SEX[s.key] ?? s.key, n: s.n });
        break;
      case 'year':
        tables.year.push({ key: s.key, label: s.key, n: s.n });
        break;
    }
  }
  for (const [key, n] of business) tables.business.push({ key, label: BUSINESS[key] ?? UNKNOWN.business, n });
  const total = tables.status.reduce((a, r) => a + r.n, 0);
  tables.year.sort((a, b) => a.key.localeCompare(b.key));

  // KBLI 2020 as recorded; KBLI 2025 as recorded plus 2020 codes that map one to one (kbli_map)
  const t2020 = kbliTitles(
    raw,
    '2020',
    kbli.filter((k) => k.version === '2020').map((k) => k.code),
  );
  const map = new Map<string, string>();
  const c2020 = kbli.filter((k) => k.version === '2020').map((k) => k.code);
  if (c2020.length) {
    const rows = raw
      .prepare(
        `SELECT code_2020, code_2025 FROM kbli_map WHERE kind = 'one_to_one' AND code_2020 IN (${c2020.map(() => '?').join(',')})`,
      )
      .all(...c2020) as { code_2020: string; code_2025: string }[];
    for (const r of rows) map.set(r.code_2020, r.code_2025);
  }
  const in2025 = new Map<string, number>();
  let unmapped = 0;
  let none = 0;
  for (const k of kbli) {
    if (k.version === '2020') {
      tables.kbli2020.push({ key: k.code, label: t2020.get(k.code) ?? '', n: k.n });
      const to = map.get(k.code);
      if (to) in2025.set(to, (in2025.get(to) ?? 0) + k.n);
      else unmapped += k.n;
    } else if (k.version === '2025' && k.code !== '-') in2025.set(k.code, (in2025.get(k.code) ?? 0) + k.n);
    else none += k.n;
  }
  const t2025 = kbliTitles(raw, '2025', [...in2025.keys()]);
  tables.kbli2025 = [...in2025].map(([code, n]) => ({ key: code, label: t2025.get(code) ?? '', n }));
  if (unmapped)
    tables.kbli2025.push({ key: 'unmapped', label: 'KBLI 2020 tanpa padanan satu-satu', n: unmapped });
  if (none) {
    tables.kbli2020.push({ key: '-', label: 'Belum diisi', n: none });
    tables.kbli2025.push({ key: '-', label: 'Belum diisi', n: none });
  }
  for (const t of ['village', 'kbli2020', 'kbli2025'] as const) tables[t].sort(byCount);
  const order = (keys: string[]) => (a: ReportRow, b: ReportRow) =>
    (keys.indexOf(a.key) + 1 || 99) - (keys.indexOf(b.key) + 1 || 99);
  tables.industry.sort(order(Object.keys(INDUSTRY)));
  tables.business.sort(order(Object.keys(BUSINESS)));
  tables.bps.sort(order(Object.keys(BPS)));
  tables.status.sort(order(Object.keys(STATUS)));
  tables.sex.sort(order(['L', 'P', '-']));

  return {
    filter: {
      from: f.from ?? null,
      to: f.to ?? null,
      village: f.village ?? null,
      villageLabel: f.village ? villageLabel(raw, f.village) : null,
    },
    total,
    tables,
    pp7Rule: rule,
    ms: performance.now() - t0,
  };
}
