import type { Statement } from 'better-sqlite3';
import { NameIndex, normalizeName } from '../../../shared/domain/business-name';
import type { DuplicateReason } from '../../../shared/schemas/business';
import {
  DuplicateTally,
  normOf,
  type DuplicateKeys,
  type RegisterIndex,
  type RegisterMatch,
} from '../../../shared/import/duplicates';
import type { RawDb } from '../../../db/connection';

/**
 * (A merged business is archived, so "not archived and not merged" is the form's "not archived", written so
 * that the partial indexes of migration 004 serve it.)
 *
 * The register as the dry run asks it, with the registration form's rules (business-duplicates.ts): live
 * businesses (not archived) whose owner has the same NIK or phone, or whose name is similar in the same desa
 * (the desa's names read once and normalised once, then compared in memory: an import asks about the same
 * desa thousands of times). Most rows of a sheet are new: the file's NIKs and phones are probed in one
 * statement each (the owners' indexes, inside SQLite), and only the few the register knows are joined to
 * their businesses.
 */
export function registerIndex(raw: RawDb): RegisterIndex {
  const known = (column: 'nik' | 'phone') =>
    raw
      .prepare(
        `SELECT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM owners WHERE ${column} = j.value)`,
      )
      .pluck() as Statement<[string], string>;
  const nikKnown = known('nik');
  const phoneKnown = known('phone');
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
  /** the values of the file the register knows, each asked once */
  const knownOf = (stmt: Statement<[string], string>, values: (string | null)[]) => {
    const distinct = [...new Set(values.filter((v): v is string => !!v))];
    return new Set(distinct.length ? stmt.all(JSON.stringify(distinct)) : []);
  };

  const matches = (keys: DuplicateKeys, niks: Set<string>, phones: Set<string>): RegisterMatch[] => {
    // most rows of a sheet repeat nothing: a tally only for those that do
    const byNikIds = keys.nik && niks.has(keys.nik) ? byNik.all(keys.nik) : null;
    const byPhoneIds = keys.phone && phones.has(keys.phone) ? byPhone.all(keys.phone) : null;
    const names = keys.name && keys.village ? namesIn(keys.village).similar(normOf(keys)!) : null;
    if (!byNikIds?.length && !byPhoneIds?.length && !names?.length) return [];
    const tally = new DuplicateTally();
    const found = tally.found;
    for (const r of byNikIds ?? []) tally.add(r.id, 'nik');
    for (const r of byPhoneIds ?? []) tally.add(r.id, 'phone');
    for (const hit of names ?? []) tally.add(hit.item, 'name', hit.similarity);
    const order: DuplicateReason[] = ['nik', 'phone', 'name'];
    return [...found.entries()]
      .map(([businessId, v]) => ({
        businessId,
        reasons: order.filter((r) => v.reasons.has(r)),
        similarity: v.similarity,
      }))
      .sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
  };

  return {
    matchAll(rows) {
      const niks = knownOf(
        nikKnown,
        rows.map((k) => k.nik),
      );
      const phones = knownOf(
        phoneKnown,
        rows.map((k) => k.phone),
      );
      const out = new Map<number, RegisterMatch[]>();
      rows.forEach((keys, i) => {
        const found = matches(keys, niks, phones);
        if (found.length) out.set(i, found);
      });
      return out;
    },
  };
}
