import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { maskNik } from '../../shared/validators/nik';
import type { BusinessDetail, BusinessListItem, BusinessPage } from '../../shared/schemas/business';
import type { businessCreateSchema, businessListSchema } from '../../shared/schemas/business';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import type { WriteCtx } from '../../db/queries/audit';
import { writeAudit } from '../../db/queries/audit';
import { nextSequence } from '../../db/queries/sequence';
import { dbOf, type AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { requireOffice } from './office';

/** `IKM-<kecamatan code without dots>-<year>-<5-digit sequence>`, e.g. IKM-350927-2026-00042. */
export function formatRegistrationNumber(districtCode: string, year: number, seq: number): string {
  return `IKM-${districtCode.replace(/\./g, '')}-${year}-${String(seq).padStart(5, '0')}`;
}

/** Takes the next registration number of the office's yearly sequence, inside the caller's transaction. */
export async function nextRegistrationNumber(w: WriteCtx, districtCode: string, date: Date): Promise<string> {
  const year = date.getFullYear();
  const seq = await nextSequence(w.trx, 'registration', year);
  return formatRegistrationNumber(districtCode, year, seq);
}

/** Local calendar date yyyy-mm-dd (the office's day, not UTC's). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

type CreateInput = z.output<typeof businessCreateSchema>;

export async function createBusiness(ctx: AppContext, input: CreateInput): Promise<BusinessDetail> {
  const office = await requireOffice(dbOf(ctx));
  const date = ctx.now();
  const id = await withWrite(ctx, async (w) => {
    const owner = await w.trx
      .insertInto('owners')
      .values({
        uuid: w.uuid(),
        nik: input.ownerNik,
        name: input.ownerName,
        archived_at: null,
        created_at: w.now,
        updated_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'owners',
      recordId: owner.id,
      recordUuid: owner.uuid,
      action: 'create',
      after: { name: owner.name, nik: owner.nik },
    });
    const regNo = await nextRegistrationNumber(w, office.districtCode, date);
    const b = await w.trx
      .insertInto('businesses')
      .values({
        uuid: w.uuid(),
        registration_number: regNo,
        registration_date: localDate(date),
        name: input.name,
        owner_id: owner.id,
        village_name: input.villageName,
        status: 'aktif',
        archived_at: null,
        created_at: w.now,
        updated_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'businesses',
      recordId: b.id,
      recordUuid: b.uuid,
      action: 'create',
      after: {
        registration_number: b.registration_number,
        name: b.name,
        owner_id: b.owner_id,
        village_name: b.village_name,
      },
    });
    return b.id;
  });
  return getBusiness(dbOf(ctx), id);
}

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

export async function getBusiness(db: Db, id: number): Promise<BusinessDetail> {
  const r = await baseQuery(db).where('b.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return { ...toItem(r), ownerId: r.owner_id, createdAt: r.created_at, updatedAt: r.updated_at };
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
