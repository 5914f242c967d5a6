import type { Statement } from 'better-sqlite3';
import type { RawDb } from '../../../db/connection';
import { DUE } from '../../../db/migrations/010_permits';
import { observedStatements } from '../../../db/queries/observed-statements';
import type {
  PermitCounts,
  PermitWorklistPage,
  PermitWorklistQuery,
  PermitWorklistRow,
} from '../../../shared/schemas/permit';
import { DUE_DAYS, addDays, permitState } from '../../../shared/validators/permit';

/**
 * The Izin page's worklists (issue 8 item 2), on better-sqlite3 with cached statements (they run at
 * 1,000,000 businesses and 1,500,000 permits):
 * - `due` (ends within 90 days) and `expired` (ended): a range of `valid_until` on the partial index of
 *   current, unrevoked, dated permits of live businesses (`permits_due*`, migration 010), per desa or KBLI
 *   through the copies of the business's desa and KBLI on the permit; count and first page read the index;
 * - `none` (no permit at all) and `food` (KBLI 10–11 without P-IRT/BPOM): counted on their gap tables (kept by
 *   triggers); rows by walking the order's live-business index and testing the held-permit counters when many
 *   pass (the first page is found after a few dozen rows), else collected from the gap table and sorted.
 * Pages are LIMIT/OFFSET windows of at most 200 rows.
 */

const cache = new WeakMap<RawDb, Map<string, Statement>>();
function stmt(raw: RawDb, sql: string): Statement {
  let m = cache.get(raw);
  if (!m) cache.set(raw, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size > 200) m.clear();
    s = raw.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

const statements = observedStatements(stmt);
/** The benchmark records the statements a worklist ran, to replay them on bare better-sqlite3 (its floor). */
export const observeWorklistStatements = statements.observe;
const all = statements.all;
function count(raw: RawDb, sql: string, params: unknown[]): number {
  return statements.get<{ n: number }>(raw, sql, params).n;
}

interface Filter {
  where: string[];
  params: unknown[];
}

function kbliFilter(col: string, code: string | undefined, f: Filter): void {
  if (!code) return;
  if (code.length === 5) {
    f.where.push(`${col} = ?`);
    f.params.push(code);
  } else {
    f.where.push(`${col} >= ? AND ${col} < ?`);
    f.params.push(code, `${code}:`);
  }
}

function dueFilter(q: PermitWorklistQuery, today: string): Filter {
  const f: Filter = { where: [DUE], params: [] };
  if (q.kind === 'due') {
    f.where.push('valid_until >= ? AND valid_until <= ?');
    f.params.push(today, addDays(today, DUE_DAYS));
  } else {
    f.where.push('valid_until < ?');
    f.params.push(today);
  }
  if (q.villageCode) {
    f.where.push('b_village = ?');
    f.params.push(q.villageCode);
  }
  kbliFilter('b_kbli', q.kbliCode, f);
  return f;
}

function gapFilter(q: PermitWorklistQuery, alias: string): Filter {
  const f: Filter = { where: [], params: [] };
  if (q.villageCode) {
    f.where.push(`${alias}.village_code = ?`);
    f.params.push(q.villageCode);
  }
  kbliFilter(`${alias}.kbli_code`, q.kbliCode, f);
  return f;
}

const where = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');

interface Row {
  business_id: number;
  business_name: string;
  registration_number: string;
  village_name: string;
  kbli_code: string | null;
  owner_name: string;
  permit_id: number | null;
  type_short: string | null;
  number: string | null;
  valid_until: string | null;
  revoked_at: string | null;
  while_operating: number | null;
}

function toRow(r: Row, today: string): PermitWorklistRow {
  return {
    businessId: r.business_id,
    businessName: r.business_name,
    registrationNumber: r.registration_number,
    villageName: r.village_name,
    kbliCode: r.kbli_code,
    ownerName: r.owner_name,
    permitId: r.permit_id,
    typeShortName: r.type_short,
    number: r.number,
    validUntil: r.valid_until,
    state:
      r.permit_id === null
        ? null
        : permitState(
            { revokedAt: r.revoked_at, whileOperating: r.while_operating === 1, validUntil: r.valid_until },
            today,
          ),
  };
}

function duePage(raw: RawDb, q: PermitWorklistQuery, today: string): PermitWorklistPage {
  const f = dueFilter(q, today);
  const d = q.direction === 'desc' ? 'DESC' : 'ASC';
  const order =
    q.sort === 'village' ? `b_village ${d}, valid_until ${d}, id ${d}` : `valid_until ${d}, id ${d}`;
  const total = count(raw, `SELECT count(*) AS n FROM permits ${where(f.where)}`, f.params);
  const ids = `SELECT id FROM permits ${where(f.where)} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const rows = all<Row>(
    raw,
    `SELECT b.id AS business_id, b.name AS business_name, b.registration_number, b.village_name, b.kbli_code,
        o.name AS owner_name, p.id AS permit_id, t.short_name AS type_short, p.number, p.valid_until,
        p.revoked_at, p.while_operating
     FROM (${ids}) w CROSS JOIN permits p ON p.id = w.id CROSS JOIN businesses b ON b.id = p.business_id
       CROSS JOIN owners o ON o.id = b.owner_id CROSS JOIN permit_types t ON t.id = p.type_id
     ORDER BY ${order.replace(/(b_village|valid_until|id)/g, 'p.$1')}`,
    [...f.params, q.limit, q.offset],
  );
  return { kind: q.kind, total, items: rows.map((r) => toRow(r, today)) };
}

const GAP = {
  none: { table: 'permit_gap_none', held: 'b.permits_held = 0' },
  food: {
    table: 'permit_gap_food',
    held: "b.food_permits_held = 0 AND b.kbli_code >= '10' AND b.kbli_code < '12'",
  },
} as const;

const SORT_INDEX = {
  name: 'businesses_live_name',
  village: 'businesses_live_village',
  registration: 'businesses_live_regdate',
} as const;

/** How many live businesses have no permit (none) / no P-IRT or BPOM (food), by desa and KBLI. */
export function permitGapCount(raw: RawDb, q: PermitWorklistQuery & { kind: 'none' | 'food' }): number {
  const gf = gapFilter(q, 'g');
  return count(raw, `SELECT count(*) AS n FROM ${GAP[q.kind].table} g ${where(gf.where)}`, gf.params);
}

function gapPage(raw: RawDb, q: PermitWorklistQuery & { kind: 'none' | 'food' }): PermitWorklistPage {
  const g = GAP[q.kind];
  const gf = gapFilter(q, 'g');
  const total = permitGapCount(raw, q);
  const d = q.direction === 'desc' ? 'DESC' : 'ASC';
  const sort = q.sort === 'name' || q.sort === 'village' ? q.sort : 'registration';
  const order =
    sort === 'name'
      ? `b.name COLLATE NOCASE ${d}, b.id ${d}`
      : sort === 'village'
        ? `b.village_name COLLATE NOCASE ${d}, b.name COLLATE NOCASE ${d}, b.id ${d}`
        : `b.registration_date ${d}, b.registration_number ${d}`;
  const everyone = count(raw, 'SELECT count(*) AS n FROM businesses', []);
  let ids: string;
  let params: unknown[];
  if (total * 20 > everyone) {
    // many pass: walk the order's index of live businesses, test the counters
    const bf = gapFilter(q, 'b');
    ids = `SELECT b.id FROM businesses b INDEXED BY ${SORT_INDEX[sort]}
      ${where(['b.archived_at IS NULL AND b.merged_into_id IS NULL', g.held, ...bf.where])}
      ORDER BY ${order} LIMIT ? OFFSET ?`;
    params = [...bf.params, q.limit, q.offset];
  } else {
    ids = `SELECT b.id FROM ${g.table} g CROSS JOIN businesses b ON b.id = g.business_id ${where(gf.where)}
      ORDER BY ${order} LIMIT ? OFFSET ?`;
    params = [...gf.params, q.limit, q.offset];
  }
  const rows = all<Row>(
    raw,
    `SELECT b.id AS business_id, b.name AS business_name, b.registration_number, b.village_name, b.kbli_code,
        o.name AS owner_name, NULL AS permit_id, NULL AS type_short, NULL AS number, NULL AS valid_until,
        NULL AS revoked_at, NULL AS while_operating
     FROM (${ids}) w CROSS JOIN businesses b ON b.id = w.id CROSS JOIN owners o ON o.id = b.owner_id
     ORDER BY ${order}`,
    params,
  );
  return { kind: q.kind, total, items: rows.map((r) => toRow(r, '')) };
}

export function permitWorklist(raw: RawDb, q: PermitWorklistQuery, today: string): PermitWorklistPage {
  if (q.kind === 'none' || q.kind === 'food') return gapPage(raw, { ...q, kind: q.kind });
  return duePage(raw, q, today);
}

/** The four counts (home page, the Izin page's tabs). */
export function permitCounts(raw: RawDb, today: string): PermitCounts {
  const due = dueFilter({ kind: 'due' } as PermitWorklistQuery, today);
  const expired = dueFilter({ kind: 'expired' } as PermitWorklistQuery, today);
  return {
    due: count(raw, `SELECT count(*) AS n FROM permits ${where(due.where)}`, due.params),
    expired: count(raw, `SELECT count(*) AS n FROM permits ${where(expired.where)}`, expired.params),
    none: count(raw, 'SELECT count(*) AS n FROM permit_gap_none', []),
    food: count(raw, 'SELECT count(*) AS n FROM permit_gap_food', []),
  };
}
