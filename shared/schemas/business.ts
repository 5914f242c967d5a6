import { z } from 'zod';
import type { SizeClasses } from '../domain/size-class';
import {
  businessRecord,
  ownerRecord,
  type BusinessValues,
  type KbliVersion,
  type OwnerValues,
} from '../records/business';
import { shapeOf } from '../records/field';
import { normalizeNik, parseNik } from '../validators/nik';
import { npwpErrorKey, parseNpwp } from '../validators/npwp';
import { parsePhone } from '../validators/phone';
import { M, SHORT_MAX, zBoundedJsonObject, zId, zOptionalText, zRequiredText } from './common';

export {
  BUSINESS_STATUSES,
  CONSTRAINTS,
  KBLI_VERSIONS,
  LEGAL_FORMS,
  NEEDS,
  type BusinessStatus,
  type KbliVersion,
} from '../records/business';

/**
 * The complete record as the form sends it: owner fields prefixed `owner…`, the rest the business, both
 * derived from the field tables in shared/records/business.ts.
 */
const recordShape = {
  /** Use this existing person instead of creating a new owner (their fields are updated from the form). */
  existingOwnerId: zId.nullish().transform((v) => v ?? null),
  ...shapeOf(ownerRecord),
  ...shapeOf(businessRecord),
};

type RecordOut = {
  ownerNik: string | null;
  kbliCode: string | null;
  kbliVersion: KbliVersion | null;
  npwp: string | null;
  npwpSameAsNik: boolean;
  ownerSex: 'L' | 'P' | null;
  ownerBirthDate: string | null;
};

/** Cross-field rules shared by create and update. */
function refineRecord(v: RecordOut, ctx: z.core.$RefinementCtx<RecordOut>) {
  if (v.kbliCode && !v.kbliVersion)
    ctx.addIssue({ code: 'custom', path: ['kbliVersion'], message: 'validation.kbliVersion' });
  if (v.npwpSameAsNik) {
    if (!v.ownerNik)
      ctx.addIssue({ code: 'custom', path: ['npwpSameAsNik'], message: 'validation.npwp.needsNik' });
  } else if (v.npwp) {
    const r = parseNpwp(v.npwp);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['npwp'], message: npwpErrorKey(r.error) });
  }
}

/** Fills what the NIK tells when the clerk left it empty, and the NPWP when it is "same as NIK". */
function completeRecord<T extends RecordOut>(v: T): T {
  const out = { ...v };
  if (out.ownerNik) {
    const r = parseNik(out.ownerNik);
    if (r.ok) {
      out.ownerSex ??= r.info.sex;
      out.ownerBirthDate ??= r.info.birthDate;
    }
  }
  if (out.npwpSameAsNik) out.npwp = out.ownerNik ? normalizeNik(out.ownerNik) : null;
  return out;
}

const duplicateDecisionShape = z.object({
  /** an existing record the clerk saw side by side and judged to be a different business */
  candidateId: zId,
  reasons: z.array(z.enum(['nik', 'phone', 'name'])).max(3),
});

const businessCreateShape = {
  ...recordShape,
  /** "Usaha yang berbeda" decisions taken at the desk; recorded with the new record. */
  duplicateDecisions: z
    .array(duplicateDecisionShape)
    .max(20)
    .nullish()
    .transform((v) => v ?? []),
};

export const businessCreateSchema = z
  .object(businessCreateShape)
  .superRefine(refineRecord)
  .transform(completeRecord);
export type BusinessCreateInput = z.input<typeof businessCreateSchema>;
export type BusinessCreateData = z.output<typeof businessCreateSchema>;

/** A problem `checkBusinessCreate` found: the field (first in `path`) and the message key, as zod gives them. */
export interface RecordIssue {
  path: PropertyKey[];
  message: string;
}

const createKeys = Object.keys(businessCreateShape) as (keyof typeof businessCreateShape)[];
type FieldResult = { success: true; data: unknown } | { success: false; error: z.ZodError };
/** each field's result when the input lacks it (its value, or "required"): the same for every record */
let absentResults: Map<string, FieldResult> | null = null;

/**
 * Field results already computed in one run of many records (an import's dry run), by field and input value:
 * a sheet repeats its KBLI codes, desa codes, statuses, sexes, legal forms, units and small counts thousands
 * of times, and a field's schema gives the same result for the same value. Only text, numbers and booleans
 * are kept, and only with a plain result (never an object a caller could change); at most `FIELD_MEMO_MAX`
 * values per field (names and NIKs, all different, soon stop being kept). One per run, never shared
 * between runs: a rule that reads the date ("not after this year") stays right across a new year.
 */
export type FieldMemo = Map<string, Map<string | number | boolean, FieldResult>>;
const FIELD_MEMO_MAX = 512;

export function fieldMemo(): FieldMemo {
  return new Map();
}

const isPlain = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function parseField(k: keyof typeof businessCreateShape, value: unknown, memo: FieldMemo | undefined) {
  if (!memo || !isPlain(value) || value === null)
    return businessCreateShape[k].safeParse(value) as FieldResult;
  let byValue = memo.get(k);
  if (!byValue) memo.set(k, (byValue = new Map()));
  const hit = byValue.get(value);
  if (hit) return hit;
  const r = businessCreateShape[k].safeParse(value) as FieldResult;
  if (byValue.size < FIELD_MEMO_MAX && (!r.success || isPlain(r.data))) byValue.set(value, r);
  return r;
}

/**
 * `businessCreateSchema.safeParse` for a record that fills a few of its 45 fields (an imported row): the same
 * schema, field by field. An object schema parses each field on its own, so the fields present are parsed by
 * their own schemas, the absent ones take their value once computed (arrays copied), and the record's rules
 * (`refineRecord`, then `completeRecord`) run on the whole, as the object's refinement and transform do:
 * the same output, key for key and in the same order, and the same issues (test/unit/import/clean.test.ts
 * compares both). A row parsed in full cost ~45 field parses; most are absent.
 */
export function checkBusinessCreate(
  values: Record<string, unknown>,
  memo?: FieldMemo,
): { success: true; data: BusinessCreateData } | { success: false; issues: RecordIssue[] } {
  absentResults ??= new Map(
    createKeys.map((k) => [k, businessCreateShape[k].safeParse(undefined) as FieldResult]),
  );
  const out: Record<string, unknown> = {};
  const issues: RecordIssue[] = [];
  for (const k of createKeys) {
    const absent = values[k] === undefined;
    const r = absent ? absentResults.get(k)! : parseField(k, values[k], memo);
    if (r.success) out[k] = absent && Array.isArray(r.data) ? [...(r.data as unknown[])] : r.data;
    else for (const i of r.error.issues) issues.push({ path: [k, ...i.path], message: i.message });
  }
  if (issues.length) return { success: false, issues };
  const record = out as BusinessCreateData;
  refineRecord(record, {
    addIssue: (i: { path?: PropertyKey[]; message?: string }) =>
      issues.push({ path: i.path ?? [], message: i.message ?? '' }),
  } as unknown as z.core.$RefinementCtx<RecordOut>);
  if (issues.length) return { success: false, issues };
  return { success: true, data: completeRecord(record) };
}

/** A full edit: every field of the record, the version read, and why. */
export const businessUpdateSchema = z
  .object({
    ...recordShape,
    id: zId,
    version: z.number().int().positive(),
    ownerVersion: z.number().int().positive().nullish(),
    /** why the record changed; required when anything changes (checked on save) */
    reason: zOptionalText(500),
  })
  .superRefine(refineRecord)
  .transform(completeRecord);
export type BusinessUpdateInput = z.input<typeof businessUpdateSchema>;
export type BusinessUpdateData = z.output<typeof businessUpdateSchema>;

export const businessArchiveSchema = z.object({
  id: zId,
  reason: zRequiredText(500),
});
export const businessRestoreSchema = z.object({ id: zId, reason: zOptionalText(500) });
export const businessHistorySchema = z.object({ id: zId });

/** The draft being registered (or a record being edited: `excludeId`). */
export const businessCheckDuplicatesSchema = z.object({
  excludeId: zId.nullish(),
  name: z.string().trim().max(200).nullish(),
  villageCode: z.string().trim().max(20).nullish(),
  villageName: z.string().trim().max(120).nullish(),
  ownerNik: z
    .string()
    .max(SHORT_MAX, { error: M.tooLong })
    .nullish()
    .transform((v) => (v ? normalizeNik(v) : null)),
  ownerPhone: z
    .string()
    .max(SHORT_MAX, { error: M.tooLong })
    .nullish()
    .transform((v) => {
      if (!v) return null;
      const r = parsePhone(v);
      return r.ok ? r.value : null;
    }),
});

/** "Ini usaha yang sama": the clerk opened the existing record instead of saving a new one. */
export const businessSameAsSchema = z.object({
  candidateId: zId,
  reasons: z.array(z.enum(['nik', 'phone', 'name'])).max(3),
  /** what the clerk had typed, kept with the decision */
  draft: zBoundedJsonObject(64 * 1024).nullish(),
});

export const businessMergeSchema = z.object({
  survivorId: zId,
  duplicateId: zId,
  reason: zRequiredText(500),
});

export const ownerSearchSchema = z.object({
  query: z.string().trim().min(2, { error: M.tooShort }).max(120),
});

export const businessGetSchema = z.object({ id: z.number().int().positive() });

export interface BusinessListItem {
  id: number;
  uuid: string;
  registrationNumber: string;
  registrationDate: string;
  name: string;
  ownerName: string;
  /** masked: 3509••••••••0001 */
  ownerNikMasked: string;
  villageName: string;
  status: string;
}

/** A person who owns one or more businesses: the owner table's fields (shared/records/business.ts) and: */
export interface OwnerDetail extends OwnerValues {
  id: number;
  uuid: string;
  /** `nik` is the full NIK (the record and edit pages; mask it for display with maskNik) */
  nikMasked: string;
  version: number;
  archivedAt: string | null;
}

export interface OwnerBusinessRef {
  id: number;
  registrationNumber: string;
  name: string;
  status: string;
  archived: boolean;
}

export interface OwnerSearchHit extends OwnerDetail {
  businesses: OwnerBusinessRef[];
}

/** The complete record: the business table's fields (shared/records/business.ts) and: */
export interface BusinessDetail extends Omit<BusinessListItem, 'status'>, BusinessValues {
  ownerId: number;
  createdAt: string;
  updatedAt: string;
  owner: OwnerDetail;
  /** the owner's other businesses (not this one), archived included */
  ownerOtherBusinesses: OwnerBusinessRef[];
  /** title from the KBLI table when it is there */
  kbliTitle: string | null;
  /** computed on read from workers, investment, capital and turnover */
  sizeClasses: SizeClasses;
  archivedAt: string | null;
  mergedIntoId: number | null;
  /** optimistic-lock version: send it back with business:update */
  version: number;
}

export type DuplicateReason = 'nik' | 'phone' | 'name';
export interface DuplicateCandidate {
  business: BusinessDetail;
  reasons: DuplicateReason[];
  /** name similarity 0..1 (normalised names) */
  nameSimilarity: number;
}

/** One entry of a business's timeline. Other domains add kinds (e.g. `letterPrinted`). */
export interface HistoryEvent {
  /** `audit:<id>` or `<domain>:<id>`: unique within the timeline */
  key: string;
  at: string;
  /** registered | changed | statusChanged | archived | restored | mergedFrom | mergedInto | ownerCreated |
   *  ownerChanged | duplicateDifferent | duplicateSame | … (the renderer falls back to a generic line) */
  kind: string;
  actor: string | null;
  reason: string | null;
  /** field-level changes: field names are the camelCase names of BusinessDetail / OwnerDetail */
  changes: HistoryChange[];
  /** interpolation values for the kind's sentence (numbers, names) */
  params: Record<string, string | number>;
  /** another business this event refers to (merge, duplicate decision) */
  otherBusinessId: number | null;
}
export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}
