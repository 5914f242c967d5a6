/**
 * Permit coverage and activity participation on the reports page (issue 12 item 7), served by
 * `report:coverage` after the first view (the summary stays on report_counts and fast).
 *
 * Which businesses: the report's — live, registered in the period, in the desa (the page's total).
 * Which dates:
 * - a permit's state (berlaku / segera berakhir / kedaluwarsa / dicabut / tanpa tanggal) is reckoned on the
 *   report's date by the permits' own rule, `permitState` (shared/validators/permit.ts), asked once per distinct
 *   (revoked_at, while_operating, valid_until) — SQLite groups the permits (`permits_coverage`, migration 017),
 *   and the in-force groups decide the "with a permit in force" count (`countWithPermit`: a plain range when
 *   they are one, else a set of keys); per business and type the current permit
 *   is the one the Izin page shows (`is_current`, permits/record.ts `refreshCurrent`); archived permits are
 *   never counted.
 * - "issued in the period" counts permits by their issue date and "activities held" by their days, whatever
 *   the business's registration date: the kabupaten counts facilitation by the year it happened
 *   (domain.md §3.3, the "tahun fasilitasi" of each service table and the year of each pelatihan).
 * - a participant counts unless withdrawn (`activity_participants.archived_at IS NULL`, the same rule as the
 *   business list's "took part in activity" filter, business-search.ts); cancelled (archived) activities do
 *   not count.
 */
import { ACTIVITY_TYPES } from '../../../shared/records/activity';
import type {
  ActivityParticipationRow,
  PermitCoverageRow,
  ReportCoverage,
  ReportFilter,
} from '../../../shared/schemas/report';
import { permitState, type PermitState } from '../../../shared/validators/permit';
import idActivities from '../../../renderer/locales/id/activities.json';
import type { RawDb } from '../../../db/connection';
import { observedStatements } from '../../../db/queries/observed-statements';
import { reportTotal } from './summary';

const ACTIVITY_LABEL = idActivities.activities.type as Record<string, string>;
const IN_FORCE: PermitState[] = ['berlaku', 'segera_berakhir'];

/** The columns `permitState` reads, as one key (the in-force set is passed back to SQLite as these keys). */
const STATE_KEY = `coalesce(p.revoked_at, '') || '|' || p.while_operating || '|' || coalesce(p.valid_until, '')`;

/** The first and last day of the period, or null when it is open on that side. */
export function periodDays(f: ReportFilter): { from: string | null; to: string | null } {
  return { from: f.from ? `${f.from}-01` : null, to: f.to ? `${f.to}-31` : null };
}

interface Where {
  sql: string[];
  params: unknown[];
}

/** A desa's report key (`3509…` or `~name`) on a businesses alias. */
function villageWhere(w: Where, village: string | undefined, b: string): void {
  if (!village) return;
  if (village.startsWith('~')) {
    w.sql.push(`${b}.village_code IS NULL AND ${b}.village_name = ?`);
    w.params.push(village.slice(1));
  } else {
    w.sql.push(`${b}.village_code = ?`);
    w.params.push(village);
  }
}

function dateWhere(w: Where, col: string, d: { from: string | null; to: string | null }): void {
  if (d.from) {
    w.sql.push(`${col} >= ?`);
    w.params.push(d.from);
  }
  if (d.to) {
    w.sql.push(`${col} <= ?`);
    w.params.push(d.to);
  }
}

/** The report's businesses on alias `b`: live, registered in the period, in the desa. */
function businessWhere(f: ReportFilter, b = 'b'): Where {
  const w: Where = { sql: [`${b}.archived_at IS NULL`, `${b}.merged_into_id IS NULL`], params: [] };
  dateWhere(w, `${b}.registration_date`, periodDays(f));
  villageWhere(w, f.village, b);
  return w;
}

/**
 * The current, live permits of the report's businesses. Without a period or a typed desa name the permit
 * rows' own copies of the business state (b_live, b_village) answer, with no join to businesses.
 */
function currentPermits(f: ReportFilter): { from: string; where: Where } {
  const w: Where = { sql: ['p.is_current = 1', 'p.archived_at IS NULL', 'p.b_live = 1'], params: [] };
  if (f.from || f.to || f.village?.startsWith('~')) {
    const b = businessWhere(f);
    return {
      from: 'permits p JOIN businesses b ON b.id = p.business_id',
      where: { sql: [...w.sql, ...b.sql], params: b.params },
    };
  }
  if (f.village) {
    w.sql.push('p.b_village = ?');
    w.params.push(f.village);
  }
  return { from: 'permits p', where: w };
}

const AND = (w: Where) => w.sql.join(' AND ');

const statements = observedStatements((raw, sql) => raw.prepare(sql));
/** Observes the statements (the benchmark replays them on bare better-sqlite3 for its floor). */
export const observeCoverage = statements.observe;
const all = statements.all;

/**
 * Businesses with at least one current permit in force. permitState decides which groups are in force; when
 * they are exactly "not revoked, and while operating or valid until a date on or after a cut-off" (what
 * permitState answers today) the count is that plain condition over `permits_coverage_business` (a range,
 * no string built per permit); otherwise the in-force groups go back as a JSON set of keys.
 */
function countWithPermit(
  raw: RawDb,
  cur: { from: string; where: Where },
  groups: { revoked_at: string | null; wo: number; valid_until: string | null }[],
  states: { st: PermitState }[],
): number {
  const inForce = groups.map((_, i) => IN_FORCE.includes(states[i]!.st));
  const dated = groups
    .filter((g, i) => inForce[i] && !g.revoked_at && g.wo !== 1 && g.valid_until)
    .map((g) => g.valid_until!);
  const cut = dated.length ? dated.reduce((a, b) => (a < b ? a : b)) : '9999-12-31';
  const plain = groups.every(
    (g, i) => inForce[i] === (!g.revoked_at && (g.wo === 1 || (!!g.valid_until && g.valid_until >= cut))),
  );
  if (plain)
    return all<{ n: number }>(
      raw,
      `SELECT count(DISTINCT p.business_id) AS n FROM ${cur.from} WHERE ${AND(cur.where)}
         AND p.revoked_at IS NULL AND (p.while_operating = 1 OR p.valid_until >= ?)`,
      [...cur.where.params, cut],
    )[0]!.n;
  const keys = groups
    .filter((_, i) => inForce[i])
    .map((g) => `${g.revoked_at ?? ''}|${g.wo}|${g.valid_until ?? ''}`);
  return all<{ n: number }>(
    raw,
    `SELECT count(DISTINCT p.business_id) AS n FROM ${cur.from} WHERE ${AND(cur.where)}
       AND ${STATE_KEY} IN (SELECT value FROM json_each(?))`,
    [...cur.where.params, JSON.stringify(keys)],
  )[0]!.n;
}

export function reportCoverage(raw: RawDb, f: ReportFilter, today: string): ReportCoverage {
  const t0 = performance.now();
  const total = reportTotal(raw, f);
  const days = periodDays(f);

  // ── permits ──
  const cur = currentPermits(f);
  // the state of each distinct (revoked, while operating, valid until) by permitState itself: a few thousand
  // groups instead of a JS call per permit
  const groups = all<{
    type_id: number;
    revoked_at: string | null;
    wo: number;
    valid_until: string | null;
    n: number;
  }>(
    raw,
    `SELECT p.type_id AS type_id, p.revoked_at AS revoked_at, p.while_operating AS wo, p.valid_until AS valid_until,
       count(*) AS n FROM ${cur.from} WHERE ${AND(cur.where)} GROUP BY 1, 2, 3, 4`,
    cur.where.params,
  );
  const states: { type_id: number; st: PermitState; n: number }[] = [];
  let anyInForce = false;
  for (const g of groups) {
    const st = permitState(
      { revokedAt: g.revoked_at, whileOperating: g.wo === 1, validUntil: g.valid_until },
      today,
    );
    states.push({ type_id: g.type_id, st, n: g.n });
    if (IN_FORCE.includes(st)) anyInForce = true;
  }
  const withPermit = anyInForce ? countWithPermit(raw, cur, groups, states) : 0;
  const issuedW: Where = { sql: ['p.archived_at IS NULL', 'p.b_live = 1'], params: [] };
  dateWhere(issuedW, 'p.issue_date', days);
  let issuedFrom = 'permits p';
  if (f.village?.startsWith('~')) {
    issuedFrom = 'permits p JOIN businesses b ON b.id = p.business_id';
    villageWhere(issuedW, f.village, 'b');
  } else if (f.village) {
    issuedW.sql.push('p.b_village = ?');
    issuedW.params.push(f.village);
  }
  const issued = all<{ type_id: number; n: number }>(
    raw,
    `SELECT p.type_id AS type_id, count(*) AS n FROM ${issuedFrom} WHERE ${AND(issuedW)} GROUP BY p.type_id`,
    issuedW.params,
  );
  const types = all<{ id: number; code: string; short_name: string; name: string; archived: number }>(
    raw,
    'SELECT id, code, short_name, name, archived_at IS NOT NULL AS archived FROM permit_types ORDER BY sort, id',
    [],
  );
  const rows = new Map<number, PermitCoverageRow>(
    types.map((t) => [
      t.id,
      {
        typeId: t.id,
        code: t.code,
        shortName: t.short_name,
        name: t.name,
        inForce: 0,
        endingSoon: 0,
        expired: 0,
        revoked: 0,
        issuedInPeriod: 0,
      },
    ]),
  );
  for (const s of states) {
    const r = rows.get(s.type_id);
    if (!r) continue;
    if (IN_FORCE.includes(s.st)) r.inForce += s.n;
    if (s.st === 'segera_berakhir') r.endingSoon += s.n;
    if (s.st === 'kedaluwarsa') r.expired += s.n;
    if (s.st === 'dicabut') r.revoked += s.n;
  }
  for (const s of issued) {
    const r = rows.get(s.type_id);
    if (r) r.issuedInPeriod = s.n;
  }
  // an archived type shows only while something is still counted under it
  const byType = types
    .map((t) => rows.get(t.id)!)
    .filter(
      (r, i) =>
        !types[i]!.archived || r.inForce + r.expired + r.revoked + r.issuedInPeriod + r.endingSoon > 0,
    );

  // ── activities ──
  const heldW: Where = { sql: ['a.archived_at IS NULL'], params: [] };
  const dayW: Where = { sql: ['d.activity_id = a.id'], params: [] };
  dateWhere(dayW, 'd.day', days);
  heldW.sql.push(`EXISTS (SELECT 1 FROM activity_days d WHERE ${AND(dayW)})`);
  heldW.params.push(...dayW.params);
  const held = f.village
    ? []
    : all<{ type: string; n: number }>(
        raw,
        `SELECT a.type AS type, count(*) AS n FROM activities a WHERE ${AND(heldW)} GROUP BY a.type`,
        heldW.params,
      );
  const partW: Where = { sql: ['p.archived_at IS NULL', ...heldW.sql], params: [...heldW.params] };
  villageWhere(partW, f.village, 'b');
  const parts = all<{ type: string; activities: number; businesses: number; participants: number }>(
    raw,
    `SELECT a.type AS type, count(DISTINCT a.id) AS activities, count(DISTINCT p.business_id) AS businesses,
       count(*) AS participants
     FROM activity_participants p JOIN activities a ON a.id = p.activity_id JOIN businesses b ON b.id = p.business_id
     WHERE ${AND(partW)} GROUP BY a.type`,
    partW.params,
  );
  const act: ActivityParticipationRow[] = ACTIVITY_TYPES.map((type) => {
    const p = parts.find((x) => x.type === type);
    return {
      type,
      label: ACTIVITY_LABEL[type] ?? type,
      activities: f.village ? (p?.activities ?? 0) : (held.find((x) => x.type === type)?.n ?? 0),
      businesses: p?.businesses ?? 0,
      participants: p?.participants ?? 0,
    };
  });
  const bw = businessWhere(f);
  const ever = all<{ n: number }>(
    raw,
    `SELECT count(DISTINCT p.business_id) AS n FROM activity_participants p
       JOIN activities a ON a.id = p.activity_id JOIN businesses b ON b.id = p.business_id
     WHERE p.archived_at IS NULL AND a.archived_at IS NULL AND ${AND(bw)}`,
    bw.params,
  )[0]!.n;

  return {
    total,
    permits: { withPermit, withoutPermit: Math.max(0, total - withPermit), byType },
    activities: { everTookPart: ever, neverTookPart: Math.max(0, total - ever), byType: act },
    asOf: today,
    ms: performance.now() - t0,
  };
}
