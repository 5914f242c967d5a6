// Over 400 lines on purpose: one search box, one planner: NIK, registration number, trigram and similar-spelling paths share their cached statements and the list window's paging.
import type { Statement } from 'better-sqlite3';
import { distance } from 'fastest-levenshtein';
import type { RawDb } from '../../db/connection';
import { syncSearchIndex } from '../../db/queries/search-index';
import { pp7ClassBySettingSql, pp7ClassSql, pp7RuleOf } from '../../db/queries/pp7-class';
import { DEFAULT_PP7_RULE, type Pp7Rule } from '../../shared/domain/size-class';
import {
  LIST_COUNT_CAP,
  SEARCH_COUNT_CAP,
  type BusinessListPage,
  type BusinessListQuery,
  type BusinessListRow,
  type SearchMode,
} from '../../shared/schemas/business-search';
import { maskNik } from '../../shared/validators/nik';

/**
 * The registry list and its one search box (`business:list`). Reads go straight to better-sqlite3 with
 * cached prepared statements: the list is the screen a clerk lives in, and at 1,000,000 businesses the cost of
 * re-preparing a query per call (Kysely) shows.
 *
 * How a query is read:
 * - 16 digits → the owner's NIK, an indexed equality on owners.nik;
 * - `IKM-…` → a registration-number prefix on its unique index; other digits → NIK prefix or the 5-digit
 *   sequence of a registration number (expression index), else digits anywhere in NIK/registration number;
 * - 1–2 characters → business names starting with them (NOCASE index, name order);
 * - words of ≥ 3 characters → the trigram FTS index (each word anywhere in name, owner, products, brand,
 *   desa; all words must match), newest first or in the chosen order. When that finds fewer than
 *   FUZZY_BELOW, each word is also looked up among the words the register uses (`search_vocab`, itself
 *   trigram-indexed) and words within a small edit distance are searched as well ("kripik" → "keripik",
 *   "sambal" → "sambel"); those results follow the exact ones, marked `similar`.
 * Filters join the FTS result on rowid; MATCH is never mixed with range scans. Every query has a LIMIT.
 */

/** Fewer exact matches than this: look for similar spellings too. */
export const FUZZY_BELOW = 10;
/** A word used this often in the register is not treated as a typo when the search found something. */
const KNOWN_WORD = 3;
/** How many similar spellings of one word are searched at most. */
const MAX_VARIANTS = 6;

const LIVE = 'b.archived_at IS NULL AND b.merged_into_id IS NULL';

/** the PP 7/2021 class under the office's rule (settings), not the stored "larger" column */
const BUSINESS_CLASS = pp7ClassBySettingSql('b');

const COLUMNS = `b.id, b.uuid, b.registration_number, b.registration_date, b.name, o.name AS owner_name,
  o.nik AS owner_nik, b.village_name, b.village_code, b.status, b.products, b.kbli_code, b.industry_class,
  ${BUSINESS_CLASS} AS business_class, b.bps_scale, b.archived_at, b.merged_into_id`;

interface Row {
  id: number;
  uuid: string;
  registration_number: string;
  registration_date: string;
  name: string;
  owner_name: string;
  owner_nik: string | null;
  village_name: string;
  village_code: string | null;
  status: string;
  products: string | null;
  kbli_code: string | null;
  industry_class: string | null;
  business_class: string | null;
  bps_scale: string | null;
  archived_at: string | null;
  merged_into_id: number | null;
}

function toRow(r: Row, similar: boolean): BusinessListRow {
  return {
    id: r.id,
    uuid: r.uuid,
    registrationNumber: r.registration_number,
    registrationDate: r.registration_date,
    name: r.name,
    ownerName: r.owner_name,
    ownerNikMasked: maskNik(r.owner_nik),
    villageName: r.village_name,
    villageCode: r.village_code,
    status: r.status,
    products: r.products,
    kbliCode: r.kbli_code,
    industryClass: r.industry_class,
    businessClass: r.business_class,
    bpsScale: r.bps_scale,
    archived: r.archived_at !== null,
    merged: r.merged_into_id !== null,
    similar,
    districtName: null,
  };
}

/**
 * Names each row's kecamatan from its desa code (`35.09.27.2001` → `35.09.27`): the list shows it beside a
 * desa outside the office's own kecamatan. One lookup of the page's distinct codes, not one per row.
 */
function nameDistricts(raw: RawDb, items: BusinessListRow[]): void {
  const codes = [...new Set(items.map((i) => i.villageCode?.slice(0, 8)).filter((c): c is string => !!c))];
  if (!codes.length) return;
  const names = new Map(
    all<{ code: string; display_name: string }>(
      raw,
      `SELECT code, display_name FROM regions WHERE code IN (${codes.map(() => '?').join(',')})`,
      codes,
    ).map((r) => [r.code, r.display_name]),
  );
  for (const i of items) i.districtName = (i.villageCode && names.get(i.villageCode.slice(0, 8))) ?? null;
}

// ── prepared statements, cached per connection ──────────────────────────────────────────────────────────

const statementCache = new WeakMap<RawDb, Map<string, Statement>>();

type StatementObserver = (sql: string, params: unknown[], kind: 'all' | 'get') => void;
let observer: StatementObserver | null = null;
/** The benchmark records the statements a search ran, to replay them on bare better-sqlite3 (its floor). */
export function observeStatements(fn: StatementObserver | null): void {
  observer = fn;
}
function all<T>(raw: RawDb, sql: string, params: unknown[]): T[] {
  observer?.(sql, params, 'all');
  return stmt(raw, sql).all(...params) as T[];
}
function get<T>(raw: RawDb, sql: string, params: unknown[]): T {
  observer?.(sql, params, 'get');
  return stmt(raw, sql).get(...params) as T;
}

function stmt(raw: RawDb, sql: string): Statement {
  let m = statementCache.get(raw);
  if (!m) statementCache.set(raw, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    if (m.size > 400) m.clear();
    s = raw.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

// ── reading the query ───────────────────────────────────────────────────────────────────────────────────

export interface ParsedQuery {
  mode: SearchMode;
  /** nik: the 16 digits; registration: the upper-cased prefix; digits: the digits; prefix: the text */
  value: string;
  /** text mode: the words of ≥ 3 characters, lower case */
  words: string[];
}

/** Words as the index sees them: lower case, split on anything that is not a letter or digit. */
export function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function parseQuery(q: string | undefined): ParsedQuery {
  const text = (q ?? '').trim();
  if (!text) return { mode: 'list', value: '', words: [] };
  const compact = text.replace(/[\s.]/g, '');
  if (/^\d{16}$/.test(compact)) return { mode: 'nik', value: compact, words: [] };
  if (/^ikm[-\s]?\d/i.test(text))
    return {
      mode: 'registration',
      value: text
        .toUpperCase()
        .replace(/\s+/g, '-')
        .replace(/^IKM-?/, 'IKM-'),
      words: [],
    };
  // a halal (ID…) or BPOM (MD…/ML…) number: searched among permit numbers
  if (/^(?:id|md|ml)\s?\d{6,}$/i.test(compact))
    return { mode: 'digits', value: compact.toUpperCase(), words: [] };
  if (/^[\d\s.-]+$/.test(text) && /\d/.test(text))
    return { mode: 'digits', value: text.replace(/[\s.]/g, ''), words: [] };
  const words = queryWords(text);
  const long = words.filter((w) => w.length >= 3);
  if (long.length === 0) return { mode: 'prefix', value: words.join(' ') || text.toLowerCase(), words: [] };
  return { mode: 'text', value: text, words: [...new Set(long)] };
}

/** An FTS5 string literal (a phrase of trigrams for the trigram tokenizer). */
const phrase = (w: string) => `"${w.replace(/"/g, '""')}"`;

// ── the SQL around a source of ids ──────────────────────────────────────────────────────────────────────

interface Built {
  where: string[];
  params: unknown[];
}

/**
 * The filters as SQL. The PP 7/2021 class is compared under the office's `rule` as a plain expression
 * (`pp7ClassSql`), so each rule reads its own partial index (migrations 004 and 016); the expression that
 * reads the setting itself (`pp7ClassBySettingSql`) cannot use an index.
 */
function filters(input: BusinessListQuery, rule: Pp7Rule): Built {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeArchived) where.push(LIVE);
  if (input.villageCode) {
    where.push('b.village_code = ?');
    params.push(input.villageCode);
  } else if (input.villageName) {
    where.push('b.village_name = ? COLLATE NOCASE');
    params.push(input.villageName);
  }
  if (input.kbliCode) {
    if (input.kbliCode.length === 5) {
      where.push('b.kbli_code = ?');
      params.push(input.kbliCode);
    } else {
      // a prefix: every code from 105 to 105: (the character after 9)
      where.push('b.kbli_code >= ? AND b.kbli_code < ?');
      params.push(input.kbliCode, `${input.kbliCode}:`);
    }
  }
  if (input.status?.length) {
    where.push(`b.status IN (${input.status.map(() => '?').join(', ')})`);
    params.push(...input.status);
  }
  if (input.industryClass) {
    where.push('b.industry_class = ?');
    params.push(input.industryClass);
  }
  if (input.businessClass) {
    where.push(`${pp7ClassSql(rule, 'b')} = ?`);
    params.push(input.businessClass);
  }
  if (input.bpsScale) {
    where.push('b.bps_scale = ?');
    params.push(input.bpsScale);
  }
  if (input.permit === 'none') where.push('b.permits_held = 0');
  else if (input.permit !== undefined) {
    where.push('b.id IN (SELECT business_id FROM permits WHERE type_id = ? AND archived_at IS NULL)');
    params.push(input.permit);
  }
  if (input.activity !== undefined) {
    where.push(
      'b.id IN (SELECT business_id FROM activity_participants WHERE activity_id = ? AND archived_at IS NULL)',
    );
    params.push(input.activity);
  }
  return { where, params };
}

/** ORDER BY for a sort; `fts` orders relevance by the FTS rowid so the scan can stop at the LIMIT. */
function orderBy(input: BusinessListQuery, relevanceBy: string): string {
  const d = input.direction === 'asc' ? 'ASC' : 'DESC';
  switch (input.sort) {
    case 'registrationNumber':
      return `b.registration_number ${d}`;
    case 'name':
      return `b.name COLLATE NOCASE ${d}, b.id ${d}`;
    case 'village':
      return `b.village_name COLLATE NOCASE ${d}, b.name COLLATE NOCASE ${d}, b.id ${d}`;
    case 'registrationDate':
      return `b.registration_date ${d}, b.registration_number ${d}`;
    case 'relevance':
      return relevanceBy;
  }
}

interface Source {
  /** FROM … (must bind `b` and `o`) */
  from: string;
  where: string[];
  params: unknown[];
  /** ORDER BY for relevance */
  relevance: string;
  /** the same rows as conditions on `b` alone, for walking a sort index (FTS: rowid membership) */
  asFilter?: { where: string[]; params: unknown[] };
}

/** The live-only index that walks each order (list mode's relevance is newest first). */
const SORT_INDEX: Record<string, string> = {
  registrationNumber: 'businesses_live_regno',
  name: 'businesses_live_name',
  village: 'businesses_live_village',
  registrationDate: 'businesses_live_regdate',
  relevance: 'businesses_live_regdate',
};

function sourceFor(parsed: ParsedQuery): Source {
  const plain = 'businesses b JOIN owners o ON o.id = b.owner_id';
  switch (parsed.mode) {
    case 'list':
      return {
        from: plain,
        where: [],
        params: [],
        relevance: 'b.registration_date DESC, b.registration_number DESC',
      };
    case 'nik':
      return { from: plain, where: ['o.nik = ?'], params: [parsed.value], relevance: 'b.id DESC' };
    case 'registration':
      return {
        from: plain,
        where: ['b.registration_number >= ? AND b.registration_number < ?'],
        params: [parsed.value, `${parsed.value}\u{10FFFF}`],
        relevance: 'b.registration_number ASC',
      };
    case 'prefix': {
      const p = parsed.value;
      return {
        from: plain,
        where: ['b.name >= ? COLLATE NOCASE AND b.name < ? COLLATE NOCASE'],
        params: [p, `${p}\u{10FFFF}`],
        relevance: 'b.name COLLATE NOCASE ASC, b.id ASC',
      };
    }
    case 'digits': {
      const d = parsed.value.replace(/-/g, '');
      const ids: string[] = [];
      const params: unknown[] = [];
      if (d.length >= 4) {
        ids.push(
          'SELECT b2.id FROM owners o2 JOIN businesses b2 ON b2.owner_id = o2.id WHERE o2.nik >= ? AND o2.nik < ?',
        );
        params.push(d, `${d}:`);
      }
      // the sequence at the end of a registration number: 42, 00042, 2026-00042, 100042. The sequence is at
      // least five digits and grows past 99,999 (IKM-350927-2026-100000), so the match is on the whole part
      // after the last dash; the indexed last five characters narrow it first (businesses_regno_seq).
      const m = /^(?:(\d{4})-)?(\d{1,7})$/.exec(parsed.value);
      if (m) {
        const seq = String(Number(m[2]!)).padStart(5, '0');
        const w = seq.length;
        ids.push(
          `SELECT id FROM businesses WHERE substr(registration_number, -5) = ? AND substr(registration_number, -${w}) = ?
             AND substr(registration_number, -${w + 1}, 1) = '-'${m[1] ? ` AND substr(registration_number, -${w + 5}, 4) = ?` : ''}`,
        );
        params.push(seq.slice(-5), seq);
        if (m[1]) params.push(m[1]);
      }
      // a permit number (NIB, P-IRT, halal, BPOM …), by its letters and digits, from its start
      if (d.length >= 6) {
        ids.push(
          'SELECT business_id FROM permits WHERE number_key >= ? AND number_key < ? AND archived_at IS NULL',
        );
        params.push(d, `${d}\u{10FFFF}`);
      }
      if (!ids.length) return { from: plain, where: ['0'], params: [], relevance: 'b.id DESC' };
      return {
        from: plain,
        where: [`b.id IN (${ids.join(' UNION ')})`],
        params,
        relevance: 'b.registration_date DESC, b.id DESC',
      };
    }
    case 'text':
      return ftsSource(parsed.words.map(phrase).join(' AND '));
  }
}

function ftsSource(match: string, excludeIds: number[] = []): Source {
  const where = ['business_fts MATCH ?'];
  const exclude = excludeIds.length ? `NOT IN (${excludeIds.map(Number).join(', ')})` : null;
  if (exclude) where.push(`f.rowid ${exclude}`);
  return {
    from: 'business_fts f JOIN businesses b ON b.id = f.rowid JOIN owners o ON o.id = b.owner_id',
    where,
    params: [match],
    relevance: 'f.rowid DESC',
    asFilter: {
      where: [
        'b.id IN (SELECT rowid FROM business_fts WHERE business_fts MATCH ?)',
        ...(exclude ? [`b.id ${exclude}`] : []),
      ],
      params: [match],
    },
  };
}

/**
 * One window of rows in two steps: the ids of the window (from the index alone where the order has one, so a
 * window in the middle of 1,000,000 rows does not join 500,000 owners only to skip them), then the rows.
 *
 * `byOrder`: walk the live-only index of the sort order and test each row against the filters, instead of
 * collecting every filtered row and sorting them. Right when many rows pass the filters (the caller knows
 * from the capped count): the first window is then found after a few hundred rows of the index.
 */
function runPage(
  raw: RawDb,
  src: Source,
  input: BusinessListQuery,
  limit: number,
  offset: number,
  byOrder = false,
): Row[] {
  const f = filters(input, pp7RuleOf(raw));
  const order = orderBy(input, src.relevance);
  const walk = byOrder && !input.includeArchived && !order.includes('f.rowid');
  const cond = walk && src.asFilter ? src.asFilter : { where: src.where, params: src.params };
  const where = [...cond.where, ...f.where];
  const from = walk
    ? `businesses AS b INDEXED BY ${SORT_INDEX[input.sort]}${where.some((w) => /\bo\./.test(w)) ? ' JOIN owners o ON o.id = b.owner_id' : ''}`
    : innerFrom(src, where);
  const ids = `SELECT b.id AS id FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order} LIMIT ? OFFSET ?`;
  // CROSS JOIN keeps the window first: the planner would otherwise walk a whole index to skip the sort.
  const sql = `SELECT ${COLUMNS} FROM (${ids}) AS w CROSS JOIN businesses b ON b.id = w.id
    CROSS JOIN owners o ON o.id = b.owner_id ORDER BY ${order.replace(/f\.rowid/g, 'b.id')}`;
  return all<Row>(raw, sql, [...cond.params, ...f.params, limit, offset]);
}

/** The FROM of a query that needs only ids: the owner is joined only when the conditions use it. */
function innerFrom(src: Source, where: string[]): string {
  const needsOwner = where.some((w) => /\bo\./.test(w));
  const base = src.from.includes('business_fts')
    ? 'business_fts f JOIN businesses b ON b.id = f.rowid'
    : 'businesses b';
  return needsOwner ? `${base} JOIN owners o ON o.id = b.owner_id` : base;
}

/** How many rows the list has: exact, or capped (+1 to know the cap was passed). */
function runCount(raw: RawDb, src: Source, input: BusinessListQuery, cap: number | null): number {
  const f = filters(input, pp7RuleOf(raw));
  const where = [...src.where, ...f.where];
  if (cap === null && src.where.length === 0 && f.where.length <= 1) {
    // The whole register: a bare count(*) has a fast path (0.3 ms at 1,000,000; inside a larger expression
    // it loses it: 36 ms); the archived and merged are few and indexed.
    const count = (sql: string) => get<{ n: number }>(raw, sql, []).n;
    const all = count('SELECT count(*) AS n FROM businesses');
    if (input.includeArchived) return all;
    return (
      all -
      count('SELECT count(*) AS n FROM businesses WHERE archived_at IS NOT NULL') -
      count('SELECT count(*) AS n FROM businesses WHERE merged_into_id IS NOT NULL AND archived_at IS NULL')
    );
  }
  const inner = `SELECT 1 FROM ${innerFrom(src, where)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const sql =
    cap === null
      ? `SELECT count(*) AS n FROM (${inner})`
      : `SELECT count(*) AS n FROM (${inner} LIMIT ${cap + 1})`;
  return get<{ n: number }>(raw, sql, [...src.params, ...f.params]).n;
}

// ── similar spellings ───────────────────────────────────────────────────────────────────────────────────

function wordUses(raw: RawDb, w: string): number {
  return get<{ n: number } | undefined>(raw, 'SELECT n FROM search_vocab WHERE word = ?', [w])?.n ?? 0;
}

/** Words of the register within a small edit distance of `w` (itself first when the register uses it). */
export function similarWords(raw: RawDb, w: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) grams.add(w.slice(i, i + 3));
  if (!grams.size) return [];
  const candidates = all<{ word: string; n: number }>(
    raw,
    `SELECT v.word, v.n FROM search_vocab_fts f JOIN search_vocab v ON v.id = f.rowid
     WHERE search_vocab_fts MATCH ? AND v.n > 0 LIMIT 3000`,
    [[...grams].map(phrase).join(' OR ')],
  );
  const maxD = w.length <= 4 ? 1 : 2;
  const scored: { word: string; d: number; n: number }[] = [];
  for (const c of candidates) {
    // a word containing what was typed is already found by the exact (substring) search
    if (c.word !== w && c.word.includes(w)) continue;
    if (Math.abs(c.word.length - w.length) > maxD + 1) continue;
    // a whole word, or the start of a longer one (the clerk is still typing)
    const d = Math.min(distance(w, c.word), distance(w, c.word.slice(0, w.length)) + 1);
    if (d <= maxD) scored.push({ word: c.word, d, n: c.n });
  }
  scored.sort((a, b) => a.d - b.d || b.n - a.n);
  return scored.slice(0, MAX_VARIANTS).map((s) => s.word);
}

// ── the service ─────────────────────────────────────────────────────────────────────────────────────────

export function listBusinesses(raw: RawDb, input: BusinessListQuery): BusinessListPage {
  const result = listWindow(raw, input);
  nameDistricts(raw, result.items);
  return result;
}

function listWindow(raw: RawDb, input: BusinessListQuery): BusinessListPage {
  syncSearchIndex(raw);
  const parsed = parseQuery(input.query);
  // Short input only makes sense in name order (and only that order can stop at the LIMIT).
  const q: BusinessListQuery = parsed.mode === 'prefix' ? { ...input, sort: 'relevance' } : input;
  const src = sourceFor(parsed);
  const hasFilters = filters({ ...q, includeArchived: true }, DEFAULT_PP7_RULE).where.length > 0;

  if (parsed.mode === 'list') {
    if (!hasFilters) {
      // the bare register: the order's index, and an exact count from count(*)
      const items = runPage(raw, src, q, q.limit, q.offset);
      const total = q.withTotal ? runCount(raw, src, q, null) : -1;
      return page(
        items.map((r) => toRow(r, false)),
        total,
        null,
        'list',
        [],
      );
    }
    // Filtered: the capped count (from the filter's covering index) says whether many rows pass; then
    // walking the order's index finds the window soonest, else the few rows are collected and sorted.
    // (one row in twenty passing: about 20 index entries per row shown, cheaper than sorting them all)
    const n = runCount(raw, src, q, LIST_COUNT_CAP);
    const everyone = get<{ n: number }>(raw, 'SELECT count(*) AS n FROM businesses', []).n;
    const items = runPage(raw, src, q, q.limit, q.offset, n > LIST_COUNT_CAP || n * 20 > everyone);
    return page(
      items.map((r) => toRow(r, false)),
      q.withTotal ? n : -1,
      LIST_COUNT_CAP,
      'list',
      [],
    );
  }

  if (parsed.mode !== 'text') {
    let s = src;
    let items = runPage(raw, s, q, q.limit, q.offset);
    const digits = parsed.value.replace(/-/g, '');
    if (parsed.mode === 'digits' && !items.length && q.offset === 0 && digits.length >= 3) {
      // digits from the middle of a NIK or registration number
      s = ftsSource(`{nik regno} : ${phrase(digits)}`);
      items = runPage(raw, s, q, q.limit, q.offset);
    }
    const total = q.withTotal ? runCount(raw, s, q, SEARCH_COUNT_CAP) : -1;
    return page(
      items.map((r) => toRow(r, false)),
      total,
      SEARCH_COUNT_CAP,
      parsed.mode,
      [],
    );
  }

  // Words as typed, anywhere: from the FTS index, newest first, or in a column order. A window that is not
  // full is the whole result, so its length is the count (most specific searches need no count at all).
  const relevance = q.sort === 'relevance';
  let exact: Row[];
  let exactCount: number;
  const want = Math.max(q.limit, FUZZY_BELOW);
  if (relevance) {
    exact = runPage(raw, src, q, want, q.offset);
    exactCount =
      q.offset === 0 && exact.length < want ? exact.length : runCount(raw, src, q, SEARCH_COUNT_CAP);
  } else {
    // a broad search in a column order walks that order's index and tests FTS membership
    exactCount = runCount(raw, src, q, SEARCH_COUNT_CAP);
    exact = runPage(raw, src, q, want, q.offset, exactCount > SEARCH_COUNT_CAP);
  }
  if (exactCount >= FUZZY_BELOW) {
    const items = exact.slice(0, q.limit).map((r) => toRow(r, false));
    return page(items, q.withTotal ? exactCount : -1, SEARCH_COUNT_CAP, 'text', []);
  }

  // Few or none: add the register's similar spellings of each word; those results follow the exact ones.
  if (q.offset > 0) exact = runPage(raw, src, q, FUZZY_BELOW, 0);
  // A word the register uses several times is taken as spelt right (unless nothing matched at all): only
  // the others are widened, which keeps "keripik Misnawati" (3 exact hits) from an OR over common words.
  const variants = parsed.words.map((w) =>
    exactCount > 0 && wordUses(raw, w) >= KNOWN_WORD ? [w] : [...new Set([w, ...similarWords(raw, w)])],
  );
  const added = [...new Set(variants.flat())].filter((w) => !parsed.words.includes(w));
  const items: BusinessListRow[] = exact.slice(q.offset, q.offset + q.limit).map((r) => toRow(r, false));
  if (!added.length) return page(items, q.withTotal ? exactCount : -1, SEARCH_COUNT_CAP, 'text', []);
  const fuzzyMatch = variants.map((vs) => `(${vs.map(phrase).join(' OR ')})`).join(' AND ');
  const fuzzySrc = ftsSource(
    fuzzyMatch,
    exact.map((r) => r.id),
  );
  const off = Math.max(0, q.offset - exact.length);
  const room = q.limit - items.length;
  let fuzzyCount: number;
  if (relevance) {
    const rows = room > 0 ? runPage(raw, fuzzySrc, q, room, off) : [];
    for (const r of rows) items.push(toRow(r, true));
    fuzzyCount =
      off === 0 && rows.length < room
        ? rows.length
        : q.withTotal
          ? runCount(raw, fuzzySrc, q, SEARCH_COUNT_CAP)
          : 0;
  } else {
    fuzzyCount = runCount(raw, fuzzySrc, q, SEARCH_COUNT_CAP);
    if (room > 0 && fuzzyCount > 0)
      for (const r of runPage(raw, fuzzySrc, q, room, off, fuzzyCount > SEARCH_COUNT_CAP))
        items.push(toRow(r, true));
  }
  // name the spellings only when they found something more
  const similar = fuzzyCount > 0 || items.some((i) => i.similar) ? added : [];
  return page(items, q.withTotal ? exact.length + fuzzyCount : -1, SEARCH_COUNT_CAP, 'text', similar);
}

function page(
  items: BusinessListRow[],
  total: number,
  cap: number | null,
  mode: SearchMode,
  similar: string[],
): BusinessListPage {
  const totalCapped = cap !== null && total > cap;
  return { items, total: totalCapped ? cap : total, totalCapped, mode, similarWords: similar };
}

/**
 * The whole list of a query (no window) as one SQL statement answering the rows' ids in the list's order:
 * the export reads it (in its own read-only connection) to write "the list as the clerk sees it". Words are
 * taken as typed: the typo fallback is an aid for the screen, not something to hand the kabupaten.
 * Call `syncSearchIndex` first on a writable connection. `rule`: the office's PP 7/2021 rule (`pp7RuleOf`).
 */
export function listIdsQuery(
  input: BusinessListQuery,
  rule: Pp7Rule,
): { sql: string; params: unknown[]; order: string } {
  const parsed = parseQuery(input.query);
  const q: BusinessListQuery = parsed.mode === 'prefix' ? { ...input, sort: 'relevance' } : input;
  const src = sourceFor(parsed);
  const f = filters(q, rule);
  const where = [...src.where, ...f.where];
  const order = orderBy(q, src.relevance);
  const sql = `SELECT b.id AS id FROM ${innerFrom(src, where)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order}`;
  return { sql, params: [...src.params, ...f.params], order: order.replace(/f\.rowid/g, 'b.id') };
}
