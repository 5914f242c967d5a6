import { AppError } from '../../shared/errors';
import type { KbliDetail, KbliEntry, KbliVersion, RefDataset } from '../../shared/schemas/refdata';
import type { Db } from '../../db/connection';
import type { KbliRow } from '../../db/schema';
import { writeAudit } from '../../db/queries/audit';
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

/**
 * Finds KBLI codes by code or by everyday words. A query of digits matches codes by prefix. Otherwise every
 * word must occur in the title or keywords; ranked: a keyword equal to the query, a keyword or title word
 * starting with it, then anywhere. Newer version first when both are asked for. At most `limit` (≤ 30).
 */
export async function searchKbli(
  db: Db,
  opts: { query: string; version?: KbliVersion | undefined; limit: number },
): Promise<KbliEntry[]> {
  const raw = opts.query.trim();
  let base = db.selectFrom('kbli').selectAll();
  if (opts.version) base = base.where('version', '=', opts.version);
  if (!raw) {
    const rows = await base.orderBy('version', 'desc').orderBy('code').limit(opts.limit).execute();
    return rows.map(kbliFromRow);
  }
  const digits = raw.replace(/\s/g, '');
  const out: { e: KbliEntry; score: number }[] = [];
  const seen = new Set<number>();
  if (/^\d{1,5}$/.test(digits)) {
    const rows = await base.where('code', 'like', `${digits}%`).execute();
    for (const r of rows) {
      seen.add(r.id);
      out.push({ e: kbliFromRow(r), score: r.code === digits ? 0 : 1 });
    }
  }
  const q = searchForm(raw);
  const words = q ? q.split(' ') : [];
  if (words.length && !/^\d+$/.test(q)) {
    const anchor = [...words].sort((a, b) => b.length - a.length)[0]!;
    const rows = await base.where('search_text', 'like', `%${anchor}%`).execute();
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      const text = r.search_text;
      if (!words.every((w) => text.includes(w))) continue;
      const keywords = r.keywords
        .split(',')
        .map((k) => searchForm(k))
        .filter(Boolean);
      const title = searchForm(r.title);
      const score = keywords.includes(q)
        ? 2
        : keywords.some((k) => k.startsWith(q))
          ? 3
          : title.startsWith(q) || title.includes(` ${q}`)
            ? 4
            : keywords.some((k) => k.includes(q)) || title.includes(q)
              ? 5
              : 6;
      out.push({ e: kbliFromRow(r), score });
    }
  }
  out.sort(
    (a, b) => a.score - b.score || b.e.version.localeCompare(a.e.version) || a.e.code.localeCompare(b.e.code),
  );
  return out.slice(0, opts.limit).map((x) => x.e);
}

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
  return {
    ...kbliFromRow(row),
    related: maps.map((m) => {
      const c = version === '2020' ? m.code_2025 : m.code_2020;
      return { version: other, code: c, title: titles.get(c) ?? null, kind: m.kind };
    }),
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
