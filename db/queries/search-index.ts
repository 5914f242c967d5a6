import type { Statement } from 'better-sqlite3';
import type { RawDb } from '../connection';

/**
 * Moves the businesses queued by the triggers of migration 004 (`search_queue`) into the search index
 * (`business_fts`) and the word list (`search_vocab`), in one transaction of three set-based statements.
 * Called before every search, so a search always sees every committed write; a no-op costs one lookup.
 */

/** Lower-cased text with punctuation turned into spaces, as a JSON array of words for json_each. */
function wordsJson(text: string): string {
  let e = `lower(${text})`;
  for (const c of ['.', ',', '-', '/', '(', ')', "''", '"', '\\', '&', '+', ':', ';', '!', '?', '*', '’']) {
    e = `replace(${e}, '${c}', ' ')`;
  }
  for (const code of [9, 10, 13]) e = `replace(${e}, char(${code}), ' ')`;
  return `'["' || replace(${e}, ' ', '","') || '"]'`;
}

const QUEUED = `search_queue q JOIN businesses b ON b.id = q.business_id JOIN owners o ON o.id = b.owner_id`;

const SQL = {
  any: `SELECT EXISTS (SELECT 1 FROM search_queue) AS x`,
  remove: `DELETE FROM business_fts WHERE rowid IN (SELECT business_id FROM search_queue WHERE is_new = 0)`,
  insert: `INSERT INTO business_fts (rowid, name, owner, nik, products, brand, regno, village)
    SELECT b.id, b.name, o.name, coalesce(o.nik, ''), coalesce(b.products, ''), coalesce(b.brand, ''),
      b.registration_number, b.village_name
    FROM ${QUEUED}`,
  // Word counts only grow: a stale word costs one useless candidate in the typo fallback, nothing more.
  vocab: `INSERT INTO search_vocab (word, n)
    SELECT j.value, count(*) FROM ${QUEUED},
      json_each(${wordsJson(`b.name || ' ' || o.name || ' ' || coalesce(b.products, '') || ' ' || coalesce(b.brand, '') || ' ' || b.village_name`)}) j
    WHERE length(j.value) >= 3 GROUP BY j.value
    ON CONFLICT (word) DO UPDATE SET n = n + excluded.n`,
  clear: `DELETE FROM search_queue`,
};

const cache = new WeakMap<RawDb, Record<keyof typeof SQL, Statement>>();

function statements(raw: RawDb) {
  let s = cache.get(raw);
  if (!s) {
    s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<
      keyof typeof SQL,
      Statement
    >;
    cache.set(raw, s);
  }
  return s;
}

/** Brings the search index up to date; returns how many businesses were (re)indexed. */
export function syncSearchIndex(raw: RawDb): number {
  const s = statements(raw);
  if (!(s.any.get() as { x: number }).x) return 0;
  return raw.transaction(() => {
    s.remove.run();
    const n = s.insert.run().changes;
    s.vocab.run();
    s.clear.run();
    return n;
  })();
}
