// Over 400 lines on purpose: one business record's life (numbering, create, update, archive, restore) over the field table's row mapping; each step reads and audits the same row shape.
import { sql } from 'kysely';
import { classifyAll, DEFAULT_PP7_RULE, type Pp7Rule } from '../../shared/domain/size-class';
import { getPp7Rule } from './size-rule';
import { AppError } from '../../shared/errors';
import type {
  BusinessCreateData,
  BusinessDetail,
  BusinessUpdateData,
  OwnerBusinessRef,
  OwnerDetail,
  OwnerSearchHit,
} from '../../shared/schemas/business';
import { businessColumns, businessOfRow, ownerColumns, ownerOfRow } from '../../shared/records/business';
import { maskNik, normalizeNik } from '../../shared/validators/nik';
import type { Db } from '../../db/connection';
import type { BusinessRow, OwnerRow } from '../../db/schema';
import { diffFields, diffSides, writeAudit, type WriteCtx } from '../../db/queries/audit';
import { nextSequence } from '../../db/queries/sequence';
import { auditedArchive, auditedEdit, loadOrNotFound } from '../../db/queries/record-write';
import { dbOf, type AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { requireOffice } from './office';

/**
 * The complete business record: create, read (archived too), edit with a reason and a version check, archive
 * and restore. Every write is one transaction with its audit rows; audit rows of an edit hold only the
 * fields that changed, as { column: before } / { column: after }.
 */

/**
 * `IKM-<kecamatan code without dots>-<year>-<sequence>`, e.g. IKM-350927-2026-00042. The sequence is padded to
 * five digits and simply grows past 99,999 (IKM-350927-2026-100000): an office is never refused a
 * registration, and a number is never reused. Search reads the whole part after the last dash
 * (business-search.ts), so 100042 is not found as 42. See docs/glossary.md ("Nomor registrasi").
 */
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

/** What the form sends, for create and for edit. */
const CONFLICT = 'business.errors.conflict';

type RecordInput = BusinessCreateData | BusinessUpdateData;

/** Owner columns as the form describes them (from the owner field table). */
export function ownerValues(v: RecordInput) {
  return ownerColumns(v);
}

/** Business columns as the form describes them (not the owner, number, dates or version). */
export function businessValues(v: RecordInput) {
  return businessColumns(v);
}

/** JSON list columns are audited as lists, not as strings. */
function auditValue(col: string, v: unknown): unknown {
  if (col.endsWith('_json') && typeof v === 'string') {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

/** { col: [before, after] } → the before and after objects of an audit row. */
export function splitDiff(diff: Record<string, [unknown, unknown]>) {
  return diffSides(diff, auditValue);
}

/** A row's business-data columns, for full before-images (merge) and creation audits. */
export function auditImage(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = auditValue(k, v);
  return out;
}

/**
 * A creation image of the fields a record was given: `auditImage` without the empty ones (null, an empty
 * list). The import's creation rows use it: a sheet fills a few of the ~40 columns, and the audit log is
 * most of what an import writes (30,000 rows: ~49 MB of ~90 MB, half of it nulls). The audit viewer and the
 * history read a field missing from an image as empty, as before.
 */
export function filledImage(row: object, into: Record<string, unknown> = {}): Record<string, unknown> {
  // `into` holds what goes first (the import's number and owner); a loop over keys, not entries: this runs
  // twice for every row of an import
  const src = row as Record<string, unknown>;
  for (const k in src) {
    const raw = src[k];
    const v = k.endsWith('_json') ? auditValue(k, raw) : raw;
    if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) into[k] = v;
  }
  return into;
}

export function ownerFromRow(o: OwnerRow): OwnerDetail {
  return {
    id: o.id,
    uuid: o.uuid,
    ...ownerOfRow(o),
    nikMasked: maskNik(o.nik),
    version: o.version,
    archivedAt: o.archived_at,
  };
}

/** The KBLI title when the reference table has it (it is optional: offices may use a code that is missing). */
async function kbliTitle(db: Db, version: string | null, code: string | null): Promise<string | null> {
  if (!code) return null;
  try {
    const r = await sql<{ title: string }>`SELECT title FROM kbli WHERE code = ${code}
      ORDER BY (version = ${version ?? ''}) DESC LIMIT 1`.execute(db);
    return r.rows[0]?.title ?? null;
  } catch {
    return null;
  }
}

async function ownerBusinesses(db: Db, ownerId: number): Promise<OwnerBusinessRef[]> {
  const rows = await db
    .selectFrom('businesses')
    .select(['id', 'registration_number', 'name', 'status', 'archived_at'])
    .where('owner_id', '=', ownerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    registrationNumber: r.registration_number,
    name: r.name,
    status: r.status,
    archived: r.archived_at !== null,
  }));
}

export function detailFrom(
  b: BusinessRow,
  o: OwnerRow,
  pp7Rule: Pp7Rule = DEFAULT_PP7_RULE,
): Omit<BusinessDetail, 'kbliTitle' | 'ownerOtherBusinesses'> {
  return {
    id: b.id,
    uuid: b.uuid,
    registrationNumber: b.registration_number,
    registrationDate: b.registration_date,
    ownerName: o.name,
    ownerNikMasked: maskNik(o.nik),
    ownerId: b.owner_id,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
    owner: ownerFromRow(o),
    ...businessOfRow(b),
    sizeClasses: classifyAll(
      {
        workersMale: b.workers_male,
        workersFemale: b.workers_female,
        investment: b.investment,
        capital: b.capital,
        annualTurnover: b.annual_turnover,
      },
      pp7Rule,
    ),
    archivedAt: b.archived_at,
    mergedIntoId: b.merged_into_id,
    version: b.version,
  };
}

/** The complete record, archived ones included (they can be opened and restored). */
export async function getBusiness(db: Db, id: number): Promise<BusinessDetail> {
  const b = await loadOrNotFound(db, 'businesses', id);
  const o = await loadOrNotFound(db, 'owners', b.owner_id);
  const others = (await ownerBusinesses(db, o.id)).filter((x) => x.id !== b.id);
  return {
    ...detailFrom(b, o, await getPp7Rule(db)),
    kbliTitle: await kbliTitle(db, b.kbli_version, b.kbli_code),
    ownerOtherBusinesses: others,
  };
}

/**
 * Brings an existing owner in line with the form: only the changed fields are written and audited on the
 * owner record. `expectedVersion` (when given) must match, or someone else changed the person meanwhile.
 */
async function updateOwner(
  w: WriteCtx,
  ownerId: number,
  values: ReturnType<typeof ownerValues>,
  reason: string | null,
  expectedVersion: number | null,
): Promise<boolean> {
  const before = await loadOrNotFound(w.trx, 'owners', ownerId, {
    message: 'business.errors.ownerNotFound',
    fields: { existingOwnerId: 'business.errors.ownerNotFound' },
  });
  if (expectedVersion !== null && before.version !== expectedVersion)
    throw new AppError('CONFLICT', CONFLICT);
  return auditedEdit(w, {
    table: 'owners',
    row: before,
    set: values,
    sides: splitDiff,
    reason,
    conflict: CONFLICT,
  });
}

async function insertOwner(w: WriteCtx, values: ReturnType<typeof ownerValues>): Promise<number> {
  const owner = await w.trx
    .insertInto('owners')
    .values({ uuid: w.uuid(), ...values, archived_at: null, created_at: w.now, updated_at: w.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(w, {
    table: 'owners',
    recordId: owner.id,
    recordUuid: owner.uuid,
    action: 'create',
    after: values,
  });
  return owner.id;
}

/** Records "a different business" decisions taken at the desk, linked to both records, audited on both. */
async function recordDifferentDecisions(
  w: WriteCtx,
  newId: number,
  newUuid: string,
  decisions: BusinessCreateData['duplicateDecisions'],
): Promise<void> {
  for (const d of decisions) {
    const cand = await w.trx
      .selectFrom('businesses')
      .select(['id', 'uuid', 'name', 'registration_number'])
      .where('id', '=', d.candidateId)
      .executeTakeFirst();
    if (!cand) continue;
    await w.trx
      .insertInto('duplicate_decisions')
      .values({
        uuid: w.uuid(),
        decision: 'different',
        business_id: cand.id,
        other_business_id: newId,
        reasons_json: JSON.stringify(d.reasons),
        draft_json: null,
        reason: null,
        user_id: w.actor.id,
        user_name: w.actor.name,
        decided_at: w.now,
      })
      .execute();
    const after = { decision: 'different', other_business_id: newId, reasons: d.reasons };
    await writeAudit(w, {
      table: 'businesses',
      recordId: cand.id,
      recordUuid: cand.uuid,
      action: 'duplicate_decision',
      after,
    });
    await writeAudit(w, {
      table: 'businesses',
      recordId: newId,
      recordUuid: newUuid,
      action: 'duplicate_decision',
      after: { decision: 'different', other_business_id: cand.id, reasons: d.reasons },
    });
  }
}

export async function createBusiness(ctx: AppContext, input: BusinessCreateData): Promise<BusinessDetail> {
  const office = await requireOffice(dbOf(ctx));
  const date = ctx.now();
  const id = await withWrite(ctx, async (w) => {
    const regNo = await nextRegistrationNumber(w, office.districtCode, date);
    let ownerId: number;
    if (input.existingOwnerId) {
      ownerId = input.existingOwnerId;
      await updateOwner(w, ownerId, ownerValues(input), `Pendaftaran usaha ${regNo}`, null);
    } else {
      ownerId = await insertOwner(w, ownerValues(input));
    }
    const values = businessValues(input);
    const b = await w.trx
      .insertInto('businesses')
      .values({
        uuid: w.uuid(),
        registration_number: regNo,
        registration_date: localDate(date),
        owner_id: ownerId,
        ...values,
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
      after: auditImage({ registration_number: b.registration_number, owner_id: b.owner_id, ...values }),
    });
    await recordDifferentDecisions(w, b.id, b.uuid, input.duplicateDecisions);
    return b.id;
  });
  return getBusiness(dbOf(ctx), id);
}

/**
 * A full edit. Refused with CONFLICT when the record's version is not the one the form read, with
 * REASON_REQUIRED when something changed and no reason was given, and when the status changes without a
 * status reason. Nothing changed: nothing written.
 */
export async function updateBusiness(ctx: AppContext, input: BusinessUpdateData): Promise<BusinessDetail> {
  await withWrite(ctx, async (w) => {
    const before = await loadOrNotFound(w.trx, 'businesses', input.id);
    if (before.merged_into_id !== null) throw new AppError('CONFLICT', 'business.errors.merged');
    if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT);
    const ownerId = input.existingOwnerId ?? before.owner_id;
    const values = { ...businessValues(input), owner_id: ownerId };
    const diff = diffFields(before as unknown as Record<string, unknown>, values);
    const ownerBefore = await loadOrNotFound(w.trx, 'owners', ownerId, {
      message: 'business.errors.ownerNotFound',
    });
    const ownerDiff = diffFields(ownerBefore as unknown as Record<string, unknown>, ownerValues(input));
    if (Object.keys(diff).length === 0 && Object.keys(ownerDiff).length === 0) return;
    const reason = input.reason?.trim() || null;
    if (!reason)
      throw new AppError('REASON_REQUIRED', 'business.errors.reasonRequired', {
        fields: { reason: 'business.errors.reasonRequired' },
      });
    if ('status' in diff && (!input.statusReason || !('status_reason' in diff)))
      throw new AppError('REASON_REQUIRED', 'business.errors.statusReasonRequired', {
        fields: { statusReason: 'business.errors.statusReasonRequired' },
      });
    // The owner first: it has its own version and its own audit rows.
    await updateOwner(
      w,
      ownerId,
      ownerValues(input),
      reason,
      ownerId === before.owner_id ? (input.ownerVersion ?? null) : null,
    );
    await auditedEdit(w, {
      table: 'businesses',
      row: before,
      set: values,
      diff,
      sides: splitDiff,
      reason,
      conflict: CONFLICT,
    });
  });
  return getBusiness(dbOf(ctx), input.id);
}

export async function archiveBusiness(ctx: AppContext, id: number, reason: string): Promise<BusinessDetail> {
  return setArchived(ctx, id, true, reason, (b) =>
    b.archived_at !== null ? 'business.errors.alreadyArchived' : null,
  );
}

export async function restoreBusiness(
  ctx: AppContext,
  id: number,
  reason: string | null,
): Promise<BusinessDetail> {
  return setArchived(ctx, id, false, reason, (b) => {
    if (b.archived_at === null) return 'business.errors.notArchived';
    return b.merged_into_id !== null ? 'business.errors.mergedCannotRestore' : null;
  });
}

/** Archives or restores a business under its version, unless `refusal` names why not (CONFLICT). */
async function setArchived(
  ctx: AppContext,
  id: number,
  archived: boolean,
  reason: string | null,
  refusal: (b: BusinessRow) => string | null,
): Promise<BusinessDetail> {
  await withWrite(ctx, async (w) => {
    const b = await loadOrNotFound(w.trx, 'businesses', id);
    const refused = refusal(b);
    if (refused !== null) throw new AppError('CONFLICT', refused);
    await auditedArchive(w, { table: 'businesses', row: b, archived, reason, conflict: CONFLICT });
  });
  return getBusiness(dbOf(ctx), id);
}

/** Existing people by NIK (exact, when the query is digits) or by name (every word, any order). */
export async function searchOwners(db: Db, query: string): Promise<OwnerSearchHit[]> {
  const digits = normalizeNik(query);
  let q = db.selectFrom('owners').selectAll().where('archived_at', 'is', null);
  if (/^\d{6,}$/.test(digits)) {
    q = digits.length === 16 ? q.where('nik', '=', digits) : q.where('nik', 'like', `${digits}%`);
  } else {
    for (const word of query.toLowerCase().split(/\s+/).filter(Boolean)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`lower(name) LIKE ${like} ESCAPE '\\'`);
    }
  }
  const owners = await q.orderBy('name').limit(10).execute();
  const out: OwnerSearchHit[] = [];
  for (const o of owners) out.push({ ...ownerFromRow(o), businesses: await ownerBusinesses(db, o.id) });
  return out;
}
