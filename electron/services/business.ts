import { sql } from 'kysely';
import { maskNik } from '../../shared/validators/nik';
import type { BusinessListItem, BusinessPage } from '../../shared/schemas/business';
import type { businessListSchema } from '../../shared/schemas/business';
import type { z } from 'zod';
import type { Db } from '../../db/connection';

// The complete record (create, read, edit, archive) lives in business-record.ts; re-exported here so the
// business service keeps one entry point.
export {
  createBusiness,
  formatRegistrationNumber,
  getBusiness,
  localDate,
  nextRegistrationNumber,
} from './business-record';

function baseQuery(db: Db) {
  return db
    .selectFrom('businesses as b')
    .innerJoin('owners as o', 'o.id', 'b.owner_id')
    .where('b.archived_at', 'is', null)
    .select([
      'b.id',
      'b.uuid',
      'b.registration_number',
      'b.registration_date',
      'b.name',
      'b.village_name',
      'b.status',
      'b.owner_id',
      'b.created_at',
      'b.updated_at',
      'o.name as owner_name',
      'o.nik as owner_nik',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toItem(r: Row): BusinessListItem {
  return {
    id: r.id,
    uuid: r.uuid,
    registrationNumber: r.registration_number,
    registrationDate: r.registration_date,
    name: r.name,
    ownerName: r.owner_name,
    ownerNikMasked: maskNik(r.owner_nik),
    villageName: r.village_name,
    status: r.status,
  };
}

export async function listBusinesses(
  db: Db,
  input: z.output<typeof businessListSchema>,
): Promise<BusinessPage> {
  let q = baseQuery(db);
  const term = input.query?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`b.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`o.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`b.registration_number LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`b.village_name LIKE ${like} ESCAPE '\\'`,
        eb('o.nik', '=', term.replace(/\D/g, '') || '-'),
      ]),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('b.id', 'desc').limit(input.limit).offset(input.offset).execute();
  return { items: rows.map(toItem), total: Number(total.n) };
}
