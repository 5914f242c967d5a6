import type { Statement } from 'better-sqlite3';
import { VillageMatcher, type VillageRef } from '../../../shared/import/villages';
import type { RawDb } from '../../../db/connection';

/** The villages of the office's kabupaten from the region table, for matching a sheet's desa names. */
export function kabupatenVillages(raw: RawDb, regencyCode: string): VillageRef[] {
  const stmt = raw.prepare(
    `SELECT v.code AS code, v.display_name AS name, d.code AS districtCode, d.display_name AS districtName
       FROM regions v JOIN regions d ON d.code = v.parent_code
      WHERE v.level = 'village' AND v.code LIKE ? ORDER BY v.code`,
  ) as Statement<[string], VillageRef>;
  return stmt.all(`${regencyCode}.%`);
}

export function officeVillageMatcher(
  raw: RawDb,
  office: { regencyCode: string; districtCode: string },
): VillageMatcher {
  return new VillageMatcher(kabupatenVillages(raw, office.regencyCode), office.districtCode);
}
