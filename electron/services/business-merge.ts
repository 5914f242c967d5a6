import { sql } from 'kysely';
import { normalizeBusinessName } from '../../shared/domain/business-name';
import { AppError } from '../../shared/errors';
import type { BusinessDetail } from '../../shared/schemas/business';
import type { BusinessRow, OwnerRow } from '../../db/schema';
import { writeAudit, type WriteCtx } from '../../db/queries/audit';
import { auditedUpdate, loadOrNotFound } from '../../db/queries/record-write';

const CONFLICT = 'business.errors.conflict';
import { dbOf, type AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { auditImage, getBusiness, splitDiff } from './business-record';

/**
 * Everything in the database that points at a business or at an owner, in ONE place. A merge re-points each
 * of these from the duplicate to the survivor. Tables that do not exist yet (a later issue adds them) are
 * skipped, so a domain adds its line here when it adds its table.
 */
export const BUSINESS_REFERENCES: readonly { table: string; column: string }[] = [
  { table: 'businesses', column: 'merged_into_id' },
  { table: 'letters', column: 'business_id' },
  { table: 'permits', column: 'business_id' },
  { table: 'activities', column: 'business_id' },
  { table: 'activity_participants', column: 'business_id' },
  { table: 'business_photos', column: 'business_id' },
  { table: 'attachments', column: 'business_id' },
];
export const OWNER_REFERENCES: readonly { table: string; column: string }[] = [
  { table: 'businesses', column: 'owner_id' },
  { table: 'permits', column: 'owner_id' },
];

/** Business columns filled on the survivor from the duplicate when the survivor has nothing there. */
const FILLABLE_BUSINESS = [
  'products',
  'brand',
  'kbli_code',
  'kbli_version',
  'sentra',
  'address_street',
  'rt',
  'rw',
  'village_code',
  'year_started',
  'investment',
  'investment_land_building',
  'capital',
  'annual_turnover',
  'turnover_year',
  'production_capacity',
  'capacity_unit',
  'raw_materials',
  'energy_use',
  'water_use',
  'legal_form',
  'status_reason',
  'notes',
] as const;

const FILLABLE_OWNER = [
  'nik',
  'sex',
  'birth_date',
  'birth_place',
  'phone',
  'address_street',
  'rt',
  'rw',
  'village_code',
  'village_name',
] as const;

const empty = (v: unknown) => v === null || v === undefined || v === '';

async function columnExists(w: WriteCtx, table: string, column: string): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM pragma_table_info(${table}) WHERE name = ${column}`.execute(w.trx);
  return (r.rows[0]?.n ?? 0) > 0;
}

async function repoint(
  w: WriteCtx,
  refs: readonly { table: string; column: string }[],
  from: number,
  to: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of refs) {
    if (!(await columnExists(w, table, column))) continue;
    const r =
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${to} WHERE ${sql.ref(column)} = ${from}`.execute(
        w.trx,
      );
    const n = Number(r.numAffectedRows ?? 0);
    if (n > 0) counts[`${table}.${column}`] = n;
  }
  return counts;
}

function listUnion(a: string, b: string): string {
  const parse = (s: string) => {
    try {
      const v = JSON.parse(s) as unknown;
      return Array.isArray(v) ? (v as string[]) : [];
    } catch {
      return [];
    }
  };
  return JSON.stringify([...new Set([...parse(a), ...parse(b)])]);
}

/** Two owner records are one person when their NIKs agree, or their names agree and at most one has a NIK. */
function samePerson(a: OwnerRow, b: OwnerRow): boolean {
  if (a.nik && b.nik) return a.nik === b.nik;
  return normalizeBusinessName(a.name) === normalizeBusinessName(b.name);
}

async function mergeOwners(w: WriteCtx, survivor: OwnerRow, dup: OwnerRow, reason: string) {
  const fill: Record<string, unknown> = {};
  for (const col of FILLABLE_OWNER) if (empty(survivor[col]) && !empty(dup[col])) fill[col] = dup[col];
  const repointed = await repoint(w, OWNER_REFERENCES, dup.id, survivor.id);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(fill)) before[k] = survivor[k as keyof OwnerRow];
  const audit = {
    action: 'merge',
    before: { fields: before },
    after: { fields: fill, merged_from: { id: dup.id, name: dup.name }, repointed },
    reason,
  };
  if (Object.keys(fill).length > 0)
    await auditedUpdate(w, { table: 'owners', row: survivor, set: fill, ...audit, conflict: CONFLICT });
  else await writeAudit(w, { table: 'owners', recordId: survivor.id, recordUuid: survivor.uuid, ...audit });
  await auditedUpdate(w, {
    table: 'owners',
    row: dup,
    set: { archived_at: w.now },
    action: 'merged_into',
    before: auditImage(dup),
    after: { archived_at: w.now, merged_into: { id: survivor.id, name: survivor.name } },
    reason,
    conflict: CONFLICT,
  });
}

/**
 * Merges `duplicateId` into `survivorId` in one transaction: re-points everything that referred to the
 * duplicate, fills the survivor's empty fields from it, merges the two owners when they are one person,
 * archives the duplicate with `merged_into_id`, records the decision, and audits both sides (the duplicate's
 * full before-image included). Refused for the same record, an already merged record or an archived survivor.
 */
export async function mergeBusinesses(
  ctx: AppContext,
  survivorId: number,
  duplicateId: number,
  reason: string,
): Promise<BusinessDetail> {
  if (survivorId === duplicateId)
    throw new AppError('CONFLICT', 'business.errors.mergeSame', {
      fields: { duplicateId: 'business.errors.mergeSame' },
    });
  await withWrite(ctx, async (w) => {
    const surv = await loadOrNotFound(w.trx, 'businesses', survivorId);
    const dup = await loadOrNotFound(w.trx, 'businesses', duplicateId);
    if (dup.merged_into_id !== null || surv.merged_into_id !== null)
      throw new AppError('CONFLICT', 'business.errors.alreadyMerged');
    if (surv.archived_at !== null) throw new AppError('CONFLICT', 'business.errors.survivorArchived');

    // 1. Fill the survivor's empty fields.
    const fill: Record<string, unknown> = {};
    for (const col of FILLABLE_BUSINESS) if (empty(surv[col]) && !empty(dup[col])) fill[col] = dup[col];
    // unknown counts (both empty) take the duplicate's known ones
    if (
      surv.workers_male === null &&
      surv.workers_female === null &&
      (dup.workers_male !== null || dup.workers_female !== null)
    ) {
      fill.workers_male = dup.workers_male;
      fill.workers_female = dup.workers_female;
    }
    if (empty(surv.npwp) && !empty(dup.npwp)) {
      fill.npwp = dup.npwp;
      fill.npwp_same_as_nik = dup.npwp_same_as_nik;
    }
    const constraints = listUnion(surv.constraints_json, dup.constraints_json);
    if (constraints !== surv.constraints_json) fill.constraints_json = constraints;
    const needs = listUnion(surv.needs_json, dup.needs_json);
    if (needs !== surv.needs_json) fill.needs_json = needs;

    // 2. Re-point everything that referred to the duplicate.
    const repointed = await repoint(w, BUSINESS_REFERENCES, dup.id, surv.id);

    // 3. The owners: one person → one record.
    if (dup.owner_id !== surv.owner_id) {
      const so = await loadOrNotFound(w.trx, 'owners', surv.owner_id);
      const dO = await loadOrNotFound(w.trx, 'owners', dup.owner_id);
      if (samePerson(so, dO) && dO.archived_at === null) await mergeOwners(w, so, dO, reason);
    }

    // 4. Survivor updated, duplicate archived; both audited.
    const diff: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(fill)) diff[k] = [surv[k as keyof BusinessRow], v];
    const { before, after } = splitDiff(diff);
    await auditedUpdate(w, {
      table: 'businesses',
      row: surv,
      set: fill,
      conflict: CONFLICT,
      action: 'merge',
      before: { fields: before },
      after: {
        fields: after,
        merged_from: { id: dup.id, number: dup.registration_number, name: dup.name },
        repointed,
      },
      reason,
    });
    const dupOwner = await loadOrNotFound(w.trx, 'owners', dup.owner_id);
    await auditedUpdate(w, {
      table: 'businesses',
      row: dup,
      set: { archived_at: dup.archived_at ?? w.now, merged_into_id: surv.id },
      conflict: CONFLICT,
      action: 'merged_into',
      before: { ...auditImage(dup), owner: auditImage(dupOwner) },
      after: {
        archived_at: dup.archived_at ?? w.now,
        merged_into_id: surv.id,
        merged_into: { id: surv.id, number: surv.registration_number, name: surv.name },
      },
      reason,
    });
    await w.trx
      .insertInto('duplicate_decisions')
      .values({
        uuid: w.uuid(),
        decision: 'merged',
        business_id: surv.id,
        other_business_id: dup.id,
        reasons_json: '[]',
        draft_json: null,
        reason,
        user_id: w.actor.id,
        user_name: w.actor.name,
        decided_at: w.now,
      })
      .execute();
  });
  return getBusiness(dbOf(ctx), survivorId);
}
