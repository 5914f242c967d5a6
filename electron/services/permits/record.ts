// Over 400 lines on purpose: create, update, archive and scan of one permit share the rule context (the business's kabupaten, the type's number rule), the duplicate check and the audit shape.
import type { ZodError } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  permitCreateSchema,
  permitUpdateSchema,
  type PermitCreateData,
  type PermitRuleContext,
  type PermitTypeView,
  type PermitUpdateData,
  type PermitView,
  type PermitViewWarning,
} from '../../../shared/schemas/permit';
import { checkPermitNumber, permitState } from '../../../shared/validators/permit';
import { recordToRow, rowToRecord } from '../../../shared/records/field';
import { permitRecord } from '../../../shared/records/permit';
import type { Db } from '../../../db/connection';
import type { PermitRow, PermitTypeRow } from '../../../db/schema';
import { diffFields, writeAudit, type WriteCtx } from '../../../db/queries/audit';
import { auditedInsert } from '../../../db/queries/record-write';
import { zodFieldErrors } from '../../ipc/dispatcher';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { localDate, splitDiff } from '../business-record';
import { requireOffice } from '../office';

/**
 * Permits of a business (issue 8 item 1): create, edit with a reason and a version check, archive (never
 * delete). Each write is one transaction with its audit row (table `permits`: who, when, before, after) and
 * re-marks which permit of that type is the business's current one. The number is checked by the type's rule
 * (shared/validators/permit.ts, the form runs the same): a refusal is a field error and nothing is saved;
 * warnings (P-IRT region or year digits, a number another business also has) are saved and shown.
 */

export function typeView(t: PermitTypeRow): PermitTypeView {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    shortName: t.short_name,
    numberRule: t.number_rule,
    numberRequired: t.number_required === 1,
    food: t.food === 1,
    defaultIssuer: t.default_issuer,
    defaultValidYears: t.default_valid_years,
    whileOperatingDefault: t.while_operating_default === 1,
    addedByOffice: t.added_by_office === 1,
  };
}

export async function listTypes(db: Db): Promise<PermitTypeView[]> {
  const rows = await db
    .selectFrom('permit_types')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('sort')
    .execute();
  return rows.map(typeView);
}

export async function createType(
  ctx: AppContext,
  input: { name: string; shortName: string; defaultIssuer: string | null; whileOperatingDefault: boolean },
): Promise<PermitTypeView> {
  const row = await withWrite(ctx, async (w) => {
    const max = await w.trx
      .selectFrom('permit_types')
      .select((eb) => eb.fn.max('sort').as('m'))
      .executeTakeFirst();
    const code = `office-${w.uuid().slice(0, 8)}`;
    const values = {
      code,
      name: input.name,
      short_name: input.shortName,
      number_rule: 'free' as const,
      number_required: 0,
      food: 0,
      default_issuer: input.defaultIssuer,
      default_valid_years: null,
      while_operating_default: input.whileOperatingDefault ? 1 : 0,
      sort: Number(max?.m ?? 0) + 10,
      added_by_office: 1,
    };
    const t = await w.trx
      .insertInto('permit_types')
      .values({ ...values, archived_at: null, created_at: w.now, updated_at: w.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'permit_types',
      recordId: t.id,
      recordUuid: null,
      action: 'create',
      after: values,
    });
    return t;
  });
  return typeView(row);
}

/** The type rules and the business's kab/kota (its desa code, else the office's) for the number checks. */
export async function ruleContext(db: Db, businessId: number): Promise<PermitRuleContext> {
  const b = await db
    .selectFrom('businesses')
    .select(['village_code'])
    .where('id', '=', businessId)
    .executeTakeFirst();
  if (!b) throw new AppError('NOT_FOUND', 'errors.notFound');
  const types = await db.selectFrom('permit_types').selectAll().execute();
  const regencyCode = b.village_code?.slice(0, 5) ?? (await requireOffice(db)).regencyCode;
  return {
    types: types.map((t) => ({
      id: t.id,
      numberRule: t.number_rule,
      numberRequired: t.number_required === 1,
    })),
    regencyCode,
  };
}

type Joined = PermitRow & {
  type_code: string;
  type_name: string;
  type_short: string;
  number_rule: PermitTypeRow['number_rule'];
  scan_mime: 'application/pdf' | 'image/jpeg' | 'image/png' | null;
  scan_name: string | null;
  scan_bytes: number | null;
};

function selectJoined(db: Db) {
  return db
    .selectFrom('permits as p')
    .innerJoin('permit_types as t', 't.id', 'p.type_id')
    .leftJoin('permit_scans as s', 's.id', 'p.scan_id')
    .selectAll('p')
    .select([
      't.code as type_code',
      't.name as type_name',
      't.short_name as type_short',
      't.number_rule',
      's.mime as scan_mime',
      's.file_name as scan_name',
      's.bytes as scan_bytes',
    ]);
}

/** Live permits of other records with the same number (same type). */
async function sameNumber(db: Db, p: { id?: number; type_id: number; number_key: string | null }) {
  if (!p.number_key) return [];
  let q = db
    .selectFrom('permits as p')
    .innerJoin('businesses as b', 'b.id', 'p.business_id')
    .select(['p.id', 'p.business_id', 'b.owner_id', 'b.name', 'b.registration_number'])
    .where('p.number_key', '=', p.number_key)
    .where('p.archived_at', 'is', null)
    .where('p.type_id', '=', p.type_id);
  if (p.id !== undefined) q = q.where('p.id', '!=', p.id);
  return q.limit(20).execute();
}

async function toView(db: Db, r: Joined, today: string, regencyCode: string | null): Promise<PermitView> {
  const warnings: PermitViewWarning[] = [];
  if (r.number) {
    const c = checkPermitNumber(r.number_rule, r.number, {
      regencyCode,
      issueDate: r.issue_date,
      validUntil: r.valid_until,
    });
    if (c.ok) warnings.push(...c.warnings);
  }
  if (r.archived_at === null)
    for (const d of await sameNumber(db, r))
      warnings.push({ code: 'duplicate', params: { name: d.name, number: d.registration_number } });
  const rec = rowToRecord(permitRecord, r);
  return {
    ...rec,
    id: r.id,
    uuid: r.uuid,
    businessId: r.business_id,
    typeCode: r.type_code,
    typeName: r.type_name,
    typeShortName: r.type_short,
    numberRule: r.number_rule,
    state: permitState(
      { revokedAt: r.revoked_at, whileOperating: r.while_operating === 1, validUntil: r.valid_until },
      today,
    ),
    isCurrent: r.is_current === 1,
    scan: r.scan_mime ? { mime: r.scan_mime, fileName: r.scan_name ?? '', bytes: r.scan_bytes ?? 0 } : null,
    archivedAt: r.archived_at,
    version: r.version,
    warnings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listPermits(
  ctx: AppContext,
  businessId: number,
  includeArchived = false,
): Promise<PermitView[]> {
  const db = dbOf(ctx);
  const rc = await ruleContext(db, businessId);
  let q = selectJoined(db).where('p.business_id', '=', businessId);
  if (!includeArchived) q = q.where('p.archived_at', 'is', null);
  const rows = (await q
    .orderBy('t.sort')
    .orderBy('p.valid_until', 'desc')
    .orderBy('p.id', 'desc')
    .execute()) as Joined[];
  const today = localDate(ctx.now());
  const out: PermitView[] = [];
  for (const r of rows) out.push(await toView(db, r, today, rc.regencyCode ?? null));
  return out;
}

export async function getPermit(ctx: AppContext, id: number): Promise<PermitView> {
  const db = dbOf(ctx);
  const r = await selectJoined(db).where('p.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  const rc = await ruleContext(db, r.business_id);
  return toView(db, r, localDate(ctx.now()), rc.regencyCode ?? null);
}

/** Re-parses with the type rules from the database: a refused number or date is a field error. */
function parseWith<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError };
  },
  input: unknown,
): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('VALIDATION', 'errors.validation', { fields: zodFieldErrors(r.error) });
  return r.data;
}

/**
 * NIB: one per business actor (domain.md §1.2). The same NIB on a business of another owner, or twice on the
 * same business, is refused; on another business of the same owner it is allowed (and shown as a warning).
 */
async function refuseDuplicateNib(
  w: WriteCtx,
  v: { businessId: number; typeId: number; numberKey: string | null },
  selfId?: number,
): Promise<void> {
  const t = await w.trx
    .selectFrom('permit_types')
    .select('number_rule')
    .where('id', '=', v.typeId)
    .executeTakeFirst();
  if (t?.number_rule !== 'nib' || !v.numberKey) return;
  const owner = await w.trx
    .selectFrom('businesses')
    .select('owner_id')
    .where('id', '=', v.businessId)
    .executeTakeFirstOrThrow();
  const others = await sameNumber(w.trx, { id: selfId, type_id: v.typeId, number_key: v.numberKey });
  const clash = others.find((o) => o.owner_id !== owner.owner_id || o.business_id === v.businessId);
  if (clash)
    throw new AppError('CONFLICT', 'validation.permit.nibDuplicate', {
      params: { name: clash.name, number: clash.registration_number },
      fields: { number: 'validation.permit.nibDuplicate' },
    });
}

/** Marks the newest live permit of each type of the business as current (the worklists read only those). */
export async function refreshCurrent(w: WriteCtx, businessId: number, typeId: number): Promise<void> {
  await w.trx
    .updateTable('permits')
    .set((eb) => ({
      is_current: eb
        .case()
        .when(
          'id',
          '=',
          eb
            .selectFrom('permits as q')
            .select('q.id')
            .where('q.business_id', '=', businessId)
            .where('q.type_id', '=', typeId)
            .where('q.archived_at', 'is', null)
            .orderBy('q.while_operating', 'desc')
            .orderBy((e) => e.fn.coalesce('q.valid_until', e.val('0000')), 'desc')
            .orderBy('q.issue_date', 'desc')
            .orderBy('q.id', 'desc')
            .limit(1),
        )
        .then(1)
        .else(0)
        .end(),
    }))
    .where('business_id', '=', businessId)
    .where('type_id', '=', typeId)
    .execute();
}

/** The columns a write sets: the record's fields from its field table, plus the business and the number key. */
function columns(v: PermitCreateData) {
  return { business_id: v.businessId, ...recordToRow(permitRecord, v), number_key: v.numberKey };
}

export async function createPermit(ctx: AppContext, input: PermitCreateData): Promise<PermitView> {
  const db = dbOf(ctx);
  const rc = await ruleContext(db, input.businessId);
  const v = parseWith(permitCreateSchema(rc), input);
  const id = await withWrite(ctx, async (w) => {
    const b = await w.trx
      .selectFrom('businesses')
      .select(['merged_into_id'])
      .where('id', '=', v.businessId)
      .executeTakeFirstOrThrow();
    if (b.merged_into_id !== null) throw new AppError('CONFLICT', 'business.errors.merged');
    await refuseDuplicateNib(w, v);
    const values = columns(v);
    const p = await auditedInsert(
      w,
      'permits',
      { uuid: w.uuid(), ...values, scan_id: null, archived_at: null, created_at: w.now, updated_at: w.now },
      { action: 'create', after: values },
    );
    await refreshCurrent(w, v.businessId, v.typeId);
    return p.id;
  });
  return getPermit(ctx, id);
}

async function lockedPermit(w: WriteCtx, id: number): Promise<PermitRow> {
  const p = await w.trx.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'errors.notFound');
  return p;
}

export async function updatePermit(ctx: AppContext, input: PermitUpdateData): Promise<PermitView> {
  const db = dbOf(ctx);
  const rc = await ruleContext(db, input.businessId);
  const v = parseWith(permitUpdateSchema(rc), input);
  await withWrite(ctx, async (w) => {
    const before = await lockedPermit(w, v.id);
    if (before.business_id !== v.businessId) throw new AppError('CONFLICT', 'business.errors.conflict');
    if (before.version !== v.version) throw new AppError('CONFLICT', 'business.errors.conflict');
    if (before.archived_at !== null) throw new AppError('CONFLICT', 'validation.permit.archived');
    await refuseDuplicateNib(w, v, v.id);
    const values = columns(v);
    const diff = diffFields(before as unknown as Record<string, unknown>, values);
    if (Object.keys(diff).length === 0) return;
    await w.trx
      .updateTable('permits')
      .set({ ...values, version: before.version + 1, updated_at: w.now })
      .where('id', '=', v.id)
      .where('version', '=', v.version)
      .execute();
    await refreshCurrent(w, v.businessId, v.typeId);
    if (before.type_id !== v.typeId) await refreshCurrent(w, v.businessId, before.type_id);
    const { before: b, after: a } = splitDiff(diff);
    await writeAudit(w, {
      table: 'permits',
      recordId: before.id,
      recordUuid: before.uuid,
      action: 'update',
      before: b,
      after: a,
      reason: v.reason,
    });
  });
  return getPermit(ctx, v.id);
}

export async function archivePermit(ctx: AppContext, id: number, reason: string): Promise<PermitView> {
  await withWrite(ctx, async (w) => {
    const p = await lockedPermit(w, id);
    if (p.archived_at !== null) throw new AppError('CONFLICT', 'validation.permit.archived');
    await w.trx
      .updateTable('permits')
      .set({ archived_at: w.now, is_current: 0, version: p.version + 1, updated_at: w.now })
      .where('id', '=', id)
      .execute();
    await refreshCurrent(w, p.business_id, p.type_id);
    await writeAudit(w, {
      table: 'permits',
      recordId: id,
      recordUuid: p.uuid,
      action: 'archive',
      before: { archived_at: null },
      after: { archived_at: w.now },
      reason,
    });
  });
  return getPermit(ctx, id);
}
