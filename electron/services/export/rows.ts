/**
 * The rows of an export as one streamed SELECT: the list's ids in its order (business-search.ts's
 * `listIdsQuery`, the same filters the screen used), joined to the business and its owner. The worker runs
 * it on its own read-only connection with `iterate()`, one row in memory at a time; it sees the database as
 * it was when the statement started (WAL), so a clerk saving meanwhile neither blocks nor tears the file.
 */
import type { RawDb } from '../../../db/connection';
import { pp7ClassBySettingSql } from '../../../db/queries/pp7-class';
import type { ExportRow } from './columns';

export interface RowsQuery {
  /** SELECT b.id AS id … ORDER BY … (the list's ids, in order) */
  idsSql: string;
  params: unknown[];
  /** the list's order on `b` */
  order: string;
}

const COLUMNS = `b.registration_number, b.registration_date, b.name, b.brand, b.products, b.kbli_code,
  b.kbli_version, o.name AS owner_name, o.nik AS owner_nik, o.sex AS owner_sex, o.phone AS owner_phone,
  b.address_street, b.rt, b.rw, b.village_name, b.village_code, b.year_started, b.workers_male,
  b.workers_female, b.workers_total, b.investment, b.investment_land_building, b.capital, b.annual_turnover,
  b.turnover_year, b.production_capacity, b.capacity_unit, b.raw_materials, b.energy_use, b.water_use,
  b.legal_form, b.npwp, b.industry_class, ${pp7ClassBySettingSql('b')} AS business_class, b.bps_scale, b.status, b.sentra, b.notes`;

export function countRows(raw: RawDb, q: RowsQuery): number {
  return (raw.prepare(`SELECT count(*) AS n FROM (${q.idsSql})`).get(...q.params) as { n: number }).n;
}

export function iterateRows(raw: RawDb, q: RowsQuery): IterableIterator<ExportRow> {
  // CROSS JOIN keeps the list's ids as the outer loop (as the list's own window query does)
  const sql = `SELECT ${COLUMNS} FROM (${q.idsSql}) AS w CROSS JOIN businesses b ON b.id = w.id
    CROSS JOIN owners o ON o.id = b.owner_id ORDER BY ${q.order}`;
  return raw.prepare(sql).iterate(...q.params) as IterableIterator<ExportRow>;
}
