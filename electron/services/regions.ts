import { AppError } from '../../shared/errors';
import type {
  NikRegionCheck,
  NikRegionWarning,
  Region,
  RegionLevel,
  RegionWithPath,
} from '../../shared/schemas/refdata';
import type { RegionRow } from '../../db/schema';
import { sql as sql_ } from 'kysely';
import type { Db } from '../../db/connection';
import { searchForm } from '../../db/seed/regions';

/** Reading the Kemendagri region list (migration 003). Every query is indexed or bounded. */

export function regionFromRow(r: RegionRow): Region {
  return {
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    name: r.name,
    displayName: r.display_name,
  };
}

/** 35.09.27.2007 → ['35', '35.09', '35.09.27'] */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export async function regionChildren(db: Db, parentCode: string | null): Promise<Region[]> {
  const q = db.selectFrom('regions').selectAll();
  const rows = await (
    parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode)
  )
    .orderBy(parentCode === null ? 'code' : 'display_name')
    .execute();
  return rows.map(regionFromRow);
}

async function withPaths(db: Db, regions: Region[]): Promise<RegionWithPath[]> {
  const need = new Set<string>();
  for (const r of regions) for (const a of ancestorCodes(r.code)) need.add(a);
  const byCode = new Map<string, Region>();
  const codes = [...need];
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('regions')
      .selectAll()
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of rows) byCode.set(row.code, regionFromRow(row));
  }
  return regions.map((r) => ({
    ...r,
    path: ancestorCodes(r.code)
      .map((c) => byCode.get(c))
      .filter((x): x is Region => x !== undefined),
  }));
}

export async function getRegion(db: Db, code: string): Promise<RegionWithPath> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'region.errors.notFound', { params: { code } });
  return (await withPaths(db, [regionFromRow(row)]))[0]!;
}

export async function findRegion(db: Db, code: string): Promise<Region | null> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? regionFromRow(row) : null;
}

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, regency: 1, district: 2, village: 3 };

/**
 * Regions whose search name contains `anchor`, best candidates first (exact, then starting with it), at most
 * 600. Three letters or more go through the trigram index (`regions_fts`, under a millisecond); shorter
 * fragments scan the name column (about 10 ms).
 */
async function candidateRows(
  db: Db,
  anchor: string,
  level: RegionLevel | undefined,
  within: string | undefined,
): Promise<RegionRow[]> {
  const levelCond = level ? sql_`AND r.level = ${level}` : sql_``;
  const withinCond = within ? sql_`AND r.code LIKE ${`${within}.%`}` : sql_``;
  const order = sql_`ORDER BY CASE WHEN r.search_name = ${anchor} THEN 0
      WHEN r.search_name LIKE ${`${anchor}%`} THEN 1 ELSE 2 END, length(r.search_name)
    LIMIT 600`;
  const result =
    anchor.length >= 3
      ? await sql_<RegionRow>`SELECT r.* FROM regions_fts f JOIN regions r ON r.code = f.code
          WHERE regions_fts MATCH ${`"${anchor}"`} ${levelCond} ${withinCond} ${order}`.execute(db)
      : // +level: scan the table rather than walk the level index row by row
        await sql_<RegionRow>`SELECT r.* FROM regions r WHERE r.search_name LIKE ${`%${anchor}%`}
          ${level ? sql_`AND +r.level = ${level}` : sql_``} ${withinCond} ${order}`.execute(db);
  return result.rows;
}

/**
 * Name search. One word of the query (the first that finds anything) is matched in SQL through the trigram
 * index; every other word must appear in the region's name or the names above it ("ajung jember"). Ranked:
 * exact name, name starting with the query, a word starting with it, then anywhere; higher levels first;
 * then closer to `near` (the office's kecamatan).
 */
export async function searchRegions(
  db: Db,
  opts: {
    query: string;
    level?: RegionLevel | undefined;
    within?: string | undefined;
    near?: string | undefined;
    limit: number;
  },
): Promise<RegionWithPath[]> {
  const q = searchForm(opts.query);
  if (!q) return [];
  const words = q.split(' ');
  const scored: { r: RegionWithPath; score: number }[] = [];
  // The name usually comes first ("ajung jember"); try each word as the SQL anchor until one finds a match.
  for (const anchor of words) {
    const rows = await candidateRows(db, anchor, opts.level, opts.within);
    const candidates = await withPaths(db, rows.map(regionFromRow));
    for (const r of candidates) {
      const own = searchForm(r.displayName);
      const all = `${own} ${r.path.map((p) => searchForm(p.displayName)).join(' ')}`;
      if (!words.every((w) => all.includes(w))) continue;
      const first = words[0]!;
      const score =
        own === q ? 0 : own.startsWith(q) ? 1 : own.startsWith(first) || own.includes(` ${first}`) ? 2 : 3;
      scored.push({ r, score });
    }
    if (scored.length) break;
  }
  // how many leading code parts a region shares with `near` (same kabupaten before same province before others)
  const nearParts = opts.near ? opts.near.split('.') : [];
  const closeness = (code: string) => {
    const parts = code.split('.');
    let n = 0;
    while (n < nearParts.length && parts[n] === nearParts[n]) n++;
    return n;
  };
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      LEVEL_ORDER[a.r.level] - LEVEL_ORDER[b.r.level] ||
      closeness(b.r.code) - closeness(a.r.code) ||
      a.r.displayName.localeCompare(b.r.displayName, 'id') ||
      a.r.code.localeCompare(b.r.code),
  );
  return scored.slice(0, opts.limit).map((s) => s.r);
}

/**
 * The region digits of a NIK (place of first registration, not the current address) against the list.
 * Warnings only: codes change after a region splits (pemekaran), so an unknown code never blocks.
 */
export async function checkNikRegion(db: Db, nik: string): Promise<NikRegionCheck> {
  const p = nik.slice(0, 2);
  const r = `${p}.${nik.slice(2, 4)}`;
  const d = `${r}.${nik.slice(4, 6)}`;
  const [province, regency, district] = await Promise.all([
    findRegion(db, p),
    findRegion(db, r),
    findRegion(db, d),
  ]);
  const warnings: NikRegionWarning[] = [];
  if (!province) warnings.push({ key: 'region.nik.provinceNotFound', params: { code: p } });
  else if (!regency) warnings.push({ key: 'region.nik.regencyNotFound', params: { code: r } });
  else if (!district) warnings.push({ key: 'region.nik.districtNotFound', params: { code: d } });
  return { warnings, province, regency, district };
}

/**
 * For the office set-up: the kecamatan must be in the list and lie in the kabupaten and province given.
 * Returns field errors (empty when all is well).
 */
export async function checkOfficeRegion(
  db: Db,
  o: { provinceCode: string; regencyCode: string; districtCode: string },
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const [province, regency, district] = await Promise.all([
    findRegion(db, o.provinceCode),
    findRegion(db, o.regencyCode),
    findRegion(db, o.districtCode),
  ]);
  if (!province || province.level !== 'province') fields['office.provinceCode'] = 'validation.regionNotFound';
  if (!regency || regency.level !== 'regency') fields['office.regencyCode'] = 'validation.regionNotFound';
  else if (regency.parentCode !== o.provinceCode) fields['office.regencyCode'] = 'validation.regionMismatch';
  if (!district || district.level !== 'district') fields['office.districtCode'] = 'validation.regionNotFound';
  else if (district.parentCode !== o.regencyCode) fields['office.districtCode'] = 'validation.regionMismatch';
  return fields;
}
