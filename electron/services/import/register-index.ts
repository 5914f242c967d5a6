import type { Statement } from 'better-sqlite3';
import { NameIndex, normalizeName } from '../../../shared/domain/business-name';
import type { DuplicateReason } from '../../../shared/schemas/business';
import type { DuplicateKeys, RegisterIndex, RegisterMatch } from '../../../shared/import/duplicates';
import type { RawDb } from '../../../db/connection';

/**
 * (A merged business is archived, so "not archived and not merged" is the form's "not archived", written so
 * that the partial indexes of migration 004 serve it.)
 *
 * The register as the dry run asks it, with the registration form's rules (business-duplicates.ts): live
 * businesses (not archived) whose owner has the same NIK or phone (indexed look-ups), or whose name is
 * similar in the same desa (the desa's names read once and normalised once, then compared in memory:
 * an import asks about the same desa thousands of times).
 */
export function registerIndex(raw: RawDb): RegisterIndex {
  // most rows of a sheet are new: a bare index probe first, the join only on a hit
  const nikKnown = raw.prepare(`SELECT 1 FROM owners WHERE nik = ? LIMIT 1`).pluck() as Statement<
    [string],
    number
  >;
  const phoneKnown = raw.prepare(`SELECT 1 FROM owners WHERE phone = ? LIMIT 1`).pluck() as Statement<
    [string],
    number
  >;
  const byNik = raw.prepare(
    `SELECT b.id FROM businesses b JOIN owners o ON o.id = b.owner_id
      WHERE o.nik = ? AND b.archived_at IS NULL LIMIT 20`,
  ) as Statement<[string], { id: number }>;
  const byPhone = raw.prepare(
    `SELECT b.id FROM businesses b JOIN owners o ON o.id = b.owner_id
      WHERE o.phone = ? AND b.archived_at IS NULL LIMIT 20`,
  ) as Statement<[string], { id: number }>;
  const byVillageCode = raw.prepare(
    `SELECT id, name FROM businesses
      WHERE village_code = ? AND archived_at IS NULL AND merged_into_id IS NULL`,
  ) as Statement<[string], { id: number; name: string }>;
  const byVillageName = raw.prepare(
    `SELECT id, name FROM businesses
      WHERE village_name = ? COLLATE NOCASE AND archived_at IS NULL AND merged_into_id IS NULL`,
  ) as Statement<[string], { id: number; name: string }>;
  const villages = new Map<string, NameIndex<number>>();

  const namesIn = (village: string) => {
    let list = villages.get(village);
    if (!list) {
      const rows = village.startsWith('name:')
        ? byVillageName.all(village.slice(5))
        : byVillageCode.all(village);
      list = new NameIndex<number>();
      for (const r of rows) list.add(r.id, normalizeName(r.name));
      villages.set(village, list);
    }
    return list;
  };

  return {
    matches(keys: DuplicateKeys): RegisterMatch[] {
      const found = new Map<number, { reasons: Set<DuplicateReason>; similarity: number }>();
      const add = (id: number, reason: DuplicateReason, similarity = 0) => {
        const cur = found.get(id) ?? { reasons: new Set<DuplicateReason>(), similarity: 0 };
        cur.reasons.add(reason);
        cur.similarity = Math.max(cur.similarity, similarity);
        found.set(id, cur);
      };
      if (keys.nik && nikKnown.get(keys.nik)) for (const r of byNik.all(keys.nik)) add(r.id, 'nik');
      if (keys.phone && phoneKnown.get(keys.phone))
        for (const r of byPhone.all(keys.phone)) add(r.id, 'phone');
      if (keys.name && keys.village) {
        for (const hit of namesIn(keys.village).similar(normalizeName(keys.name)))
          add(hit.item, 'name', hit.similarity);
      }
      const order: DuplicateReason[] = ['nik', 'phone', 'name'];
      return [...found.entries()]
        .map(([businessId, v]) => ({
          businessId,
          reasons: order.filter((r) => v.reasons.has(r)),
          similarity: v.similarity,
        }))
        .sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
    },
  };
}
