import { AppError } from '../../shared/errors';
import type { KbliDetail, KbliEntry, KbliVersion, RefDataset } from '../../shared/schemas/refdata';
import type { Statement } from 'better-sqlite3';
import type { Db, RawDb } from '../../db/connection';
import type { KbliRow } from '../../db/schema';
import { writeAudit } from '../../db/queries/audit';
import { TITLE_FUNCTION_WORDS } from '../../db/seed/kbli';
import { searchForm } from '../../db/seed/regions';
import type { AppContext } from '../app/context';
import { withWrite } from '../app/write';

export function kbliFromRow(r: KbliRow): KbliEntry {
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    title: r.title,
    keywords: r.keywords,
    source: r.source,
    addedByOffice: r.added_by_office === 1,
  };
}

/** Words that open a clause naming what a kelompok does NOT cover ("… Selain Tahu dan Tempe"). */
const EXCLUDING = new Set(['selain', 'bukan', 'kecuali']);

/**
 * The words of a title, split into those it names and those it only excludes. An excluding clause runs from
 * "selain"/"bukan"/"kecuali" to a closing bracket, a semicolon or the end: in "Industri Pengolahan dan
 * Pengawetan Kedelai dan Kacang-Kacangan Lainnya Selain Tahu dan Tempe", tahu and tempe are excluded; a word
 * that also appears outside such a clause ("minyak" in "Minyak Goreng Bukan Minyak Kelapa") is named.
 */
export function titleWords(title: string): { named: string[]; excluded: string[] } {
  const tokens =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+|[();]/g) ?? [];
  const named = new Set<string>();
  const inClause = new Set<string>();
  let excluding = false;
  for (const t of tokens) {
    if (t === ')' || t === ';') excluding = false;
    else if (t === '(') continue;
    else if (EXCLUDING.has(t)) excluding = true;
    else (excluding ? inClause : named).add(t);
  }
  return { named: [...named], excluded: [...inClause].filter((w) => !named.has(w)) };
}

interface Scored {
  e: KbliEntry;
  /** 0: a keyword is the whole query; 1: a keyword or the named title starts with it as a phrase; 2: words only */
  phrase: number;
  /** query words found at the start of a keyword word or a named title word */
  matched: number;
  /** per matched word: 3 a whole keyword, 2 a whole word, 1 a word start */
  quality: number;
  /** query words found only in an excluding clause of the title */
  excluded: number;
  /** length of the shortest keyword that starts with the query: "kerup" is closer to kerupuk than to kerupuk susu */
  completion: number;
}

interface RowWords {
  title: string;
  keywordText: string;
  keywords: string[];
  keywordWords: string[];
  named: string[];
  excluded: string[];
}

/**
 * A row's words, split once and kept while its title and keywords stay the same (the list changes only
 * through a migration or "add a code"): the first keystroke ("k") matches most of the table.
 */
const rowWordsCache = new Map<string, RowWords>();

function rowWords(r: KbliRow): RowWords {
  const key = `${r.version}:${r.code}`;
  const hit = rowWordsCache.get(key);
  if (hit && hit.title === r.title && hit.keywordText === r.keywords) return hit;
  const keywords = r.keywords
    .split(',')
    .map((k) => searchForm(k))
    .filter(Boolean);
  const words: RowWords = {
    title: r.title,
    keywordText: r.keywords,
    keywords,
    keywordWords: keywords.flatMap((k) => k.split(' ')),
    ...titleWords(r.title),
  };
  rowWordsCache.set(key, words);
  return words;
}

/** How well one row answers the query words (`q` is the whole query in search form). */
function scoreRow(r: KbliRow, q: string, words: string[]): Omit<Scored, 'e'> | null {
  const { keywords, keywordWords, named, excluded } = rowWords(r);
  let matched = 0;
  let quality = 0;
  let excludedHits = 0;
  for (const w of words) {
    if (keywords.includes(w)) quality += 3;
    else if (keywordWords.includes(w) || named.includes(w)) quality += 2;
    else if (keywordWords.some((k) => k.startsWith(w)) || named.some((t) => t.startsWith(w))) quality += 1;
    else {
      if (excluded.some((t) => t.startsWith(w))) excludedHits++;
      continue;
    }
    matched++;
  }
  if (matched === 0 && excludedHits === 0) return null;
  const namedText = ` ${named.join(' ')}`;
  const completions = keywords.filter((k) => k.startsWith(q)).map((k) => k.length);
  const completion = completions.length ? Math.min(...completions) : Number.MAX_SAFE_INTEGER;
  const phrase = keywords.includes(q)
    ? 0
    : completions.length || (words.length > 1 && namedText.includes(` ${q}`))
      ? 1
      : 2;
  return { phrase, matched, quality, excluded: excludedHits, completion };
}

/** Plain order for digit strings (codes, versions): `localeCompare` costs ~9 ms over a whole-table sort. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds KBLI codes by code or by everyday words. A query of digits matches codes by prefix (the exact code
 * first). Otherwise each word is matched at the START of a word of the title or of the everyday keywords
 * ("tape" finds tape singkong, not "Serat Stapel"; "arang" finds arang kayu, not "Barang"), and a row needs
 * only one of the words ("tahu tempe" finds both Industri Tempe and Industri Tahu). Ranked: a keyword that is
 * the whole query; then a phrase start; more words matched; better matches (a whole keyword, a whole word, a
 * word start); fewer words that the title only excludes ("… Selain Tahu dan Tempe" comes after the codes that
 * name tahu, and is still shown); the shortest keyword completing the query; newer version first; the code.
 * At most `limit` (≤ 30).
 *
 * The table holds about a thousand rows: one scan with LIKE on the word-start pattern picks the candidates,
 * the ranking runs over those in JavaScript, each row's words split once (see bench/kbli.bench.ts).
 */
export function searchKbli(
  raw: RawDb,
  opts: { query: string; version?: KbliVersion | undefined; limit: number },
): KbliEntry[] {
  const text = opts.query.trim();
  const version = opts.version ?? null;
  if (!text)
    return rowsWhere(raw, '1', version, [opts.limit], ' ORDER BY version DESC, code LIMIT ?').map(
      kbliFromRow,
    );
  const digits = text.replace(/\s/g, '');
  const byCode: { e: KbliEntry; exact: boolean }[] = [];
  const seen = new Set<number>();
  if (/^\d{1,5}$/.test(digits)) {
    for (const r of rowsWhere(raw, `code LIKE ?`, version, [`${digits}%`])) {
      seen.add(r.id);
      byCode.push({ e: kbliFromRow(r), exact: r.code === digits });
    }
  }
  byCode.sort(
    (a, b) => Number(b.exact) - Number(a.exact) || cmp(b.e.version, a.e.version) || cmp(a.e.code, b.e.code),
  );
  const q = searchForm(text);
  let words = q ? [...new Set(q.split(' '))] : [];
  // function words a clerk types between product words ("kerupuk dan keripik") count only when alone
  if (words.some((w) => !TITLE_FUNCTION_WORDS.has(w)))
    words = words.filter((w) => !TITLE_FUNCTION_WORDS.has(w));
  const scored: Scored[] = [];
  if (words.length && !/^\d+$/.test(q)) {
    // word starts: search_text is lower-case letters and digits separated by single spaces
    const where = `(${words.map(() => `' ' || search_text LIKE ?`).join(' OR ')})`;
    for (const r of rowsWhere(
      raw,
      where,
      version,
      words.map((w) => `% ${w}%`),
    )) {
      if (seen.has(r.id)) continue;
      const s = scoreRow(r, q, words);
      if (s) scored.push({ e: kbliFromRow(r), ...s });
    }
  }
  scored.sort(
    (a, b) =>
      a.phrase - b.phrase ||
      b.matched - a.matched ||
      b.quality - a.quality ||
      a.excluded - b.excluded ||
      a.completion - b.completion ||
      cmp(b.e.version, a.e.version) ||
      cmp(a.e.code, b.e.code),
  );
  return [...byCode.map((x) => x.e), ...scored.map((x) => x.e)].slice(0, opts.limit);
}

/**
 * Rows of `kbli` matching `where` (placeholders for `params`), of one version or both, through prepared
 * statements cached per connection: the picker asks on every pause in typing, and Kysely's per-call
 * compilation and row mapping cost about 6 ms when most of the table matches ("k", "industri").
 */
function rowsWhere(
  raw: RawDb,
  where: string,
  version: KbliVersion | null,
  params: unknown[],
  tail = '',
): KbliRow[] {
  const sqlText = `SELECT * FROM kbli WHERE ${version ? 'version = ? AND ' : ''}${where}${tail}`;
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let stmt = cache.get(sqlText);
  if (!stmt) {
    if (cache.size > 50) cache.clear();
    cache.set(sqlText, (stmt = raw.prepare(sqlText)));
  }
  return stmt.all(...(version ? [version, ...params] : params)) as KbliRow[];
}
const statements = new WeakMap<RawDb, Map<string, Statement>>();

export async function getKbli(db: Db, version: KbliVersion, code: string): Promise<KbliDetail> {
  const row = await db
    .selectFrom('kbli')
    .selectAll()
    .where('version', '=', version)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'kbli.errors.notFound', { params: { code, version } });
  const other: KbliVersion = version === '2020' ? '2025' : '2020';
  const maps = await db
    .selectFrom('kbli_map')
    .selectAll()
    .where(version === '2020' ? 'code_2020' : 'code_2025', '=', code)
    .execute();
  const otherCodes = maps.map((m) => (version === '2020' ? m.code_2025 : m.code_2020));
  const titles = new Map<string, string>();
  if (otherCodes.length) {
    const rows = await db
      .selectFrom('kbli')
      .select(['code', 'title'])
      .where('version', '=', other)
      .where('code', 'in', otherCodes)
      .execute();
    for (const r of rows) titles.set(r.code, r.title);
  }
  // Every crosswalk row is shown, also one whose counterpart is not in the list (a code outside kategori C,
  // which the list does not carry): its title is unknown here, and the picker says so.
  return {
    ...kbliFromRow(row),
    related: maps
      .map((m) => {
        const c = version === '2020' ? m.code_2025 : m.code_2020;
        const title = titles.get(c) ?? null;
        return { version: other, code: c, title, kind: m.kind, inList: title !== null };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The office adds a code the list lacks (a newer publication, a code outside kategori C). Audited. */
export async function addKbli(
  ctx: AppContext,
  input: { version: KbliVersion; code: string; title: string; keywords: string },
): Promise<KbliEntry> {
  return withWrite(ctx, async (w) => {
    const exists = await w.trx
      .selectFrom('kbli')
      .select('id')
      .where('version', '=', input.version)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (exists)
      throw new AppError('CONFLICT', 'kbli.errors.exists', {
        params: { code: input.code, version: input.version },
        fields: { code: 'kbli.errors.exists' },
      });
    const row = await w.trx
      .insertInto('kbli')
      .values({
        version: input.version,
        code: input.code,
        title: input.title,
        keywords: input.keywords,
        search_text: searchForm(`${input.title} ${input.keywords}`),
        source: 'office',
        added_by_office: 1,
        created_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'kbli',
      recordId: row.id,
      recordUuid: null,
      action: 'create',
      after: { version: row.version, code: row.code, title: row.title, keywords: row.keywords },
    });
    return kbliFromRow(row);
  });
}

export async function listDatasets(db: Db): Promise<RefDataset[]> {
  const rows = await db.selectFrom('ref_dataset').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    version: r.version,
    source: r.source,
    licence: r.licence,
    attribution: r.attribution,
    loadedAt: r.loaded_at,
  }));
}
