import { z } from 'zod';
import type { SizeClasses } from '../domain/size-class';
import { normalizeNik, parseNik } from '../validators/nik';
import { normalizeNpwp, npwpErrorKey, parseNpwp } from '../validators/npwp';
import { parsePhone, phoneErrorKey } from '../validators/phone';
import { M, SHORT_MAX, zBoundedJsonObject, zId, zOptionalNik, zOptionalText, zRequiredText } from './common';

/** Option lists (codes stored; labels are i18n keys `business.<list>.<code>`). */
export const BUSINESS_STATUSES = ['aktif', 'musiman', 'tidak_aktif', 'tutup', 'pindah'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
export const LEGAL_FORMS = ['perorangan', 'cv', 'pt', 'koperasi', 'ud', 'firma', 'lainnya'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export const CONSTRAINTS = [
  'modal',
  'pemasaran',
  'bahan_baku',
  'air',
  'listrik',
  'perizinan',
  'sdm',
  'peralatan',
  'transportasi',
  'lainnya',
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];
export const NEEDS = [
  'pendampingan_perizinan',
  'pelatihan',
  'promosi',
  'akses_pasar',
  'bantuan_alat',
  'permodalan',
  'sertifikasi_halal',
  'kemasan',
  'lainnya',
] as const;
export type Need = (typeof NEEDS)[number];
export const KBLI_VERSIONS = ['2020', '2025'] as const;
export type KbliVersion = (typeof KBLI_VERSIONS)[number];

/** Optional whole number (rupiah, workers): empty → null. Accepts numbers or digit strings from inputs. */
const zOptionalInt = (max = Number.MAX_SAFE_INTEGER) =>
  z
    .union([z.number(), z.string().max(SHORT_MAX, { error: M.tooLong }), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null;
      const n = typeof v === 'number' ? v : Number(String(v).replace(/[.\s]/g, ''));
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: 'custom', message: 'validation.wholeNumber' });
        return z.NEVER;
      }
      if (n < 0 || n > max) {
        ctx.addIssue({ code: 'custom', message: 'validation.outOfRange' });
        return z.NEVER;
      }
      return n;
    });

const zCount = z
  .union([z.number(), z.string().max(SHORT_MAX, { error: M.tooLong }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return 0;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 100_000) {
      ctx.addIssue({ code: 'custom', message: 'validation.wholeNumber' });
      return z.NEVER;
    }
    return n;
  });

const zOptionalDecimal = z
  .union([z.number(), z.string().max(SHORT_MAX, { error: M.tooLong }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: 'validation.outOfRange' });
      return z.NEVER;
    }
    return n;
  });

/** Year between 1900 and this year. */
const zOptionalYear = z
  .union([z.number(), z.string().max(SHORT_MAX, { error: M.tooLong }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1900 || n > new Date().getFullYear()) {
      ctx.addIssue({ code: 'custom', message: 'validation.year' });
      return z.NEVER;
    }
    return n;
  });

/** RT/RW: 1–3 digits, stored zero-padded to three ("5" → "005"). */
const zRtRw = z
  .string()
  .max(SHORT_MAX, { error: M.tooLong })
  .nullish()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (!s) return null;
    if (!/^\d{1,3}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'validation.rtRw' });
      return z.NEVER;
    }
    return s.padStart(3, '0');
  });

/** Phone: optional; normalised to +62…. */
export const zOptionalPhone = z
  .string()
  .max(SHORT_MAX, { error: M.tooLong })
  .nullish()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (!s) return null;
    const r = parsePhone(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: phoneErrorKey(r.error) });
      return z.NEVER;
    }
    return r.value;
  });

const zOptionalDate = z
  .string()
  .max(SHORT_MAX, { error: M.tooLong })
  .nullish()
  .transform((v) => (v ? v.trim() : null))
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
    error: 'validation.date',
  });

const zEnumOrNull = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

/**
 * The complete record as the form sends it: owner fields prefixed `owner…`, the rest the business. The only
 * required fields are the owner's name, the business name and its desa (the foundation slice), so a clerk
 * can register a walk-in with what they know and complete it later.
 */
const recordShape = {
  // ── owner ──
  /** Use this existing person instead of creating a new owner (their fields are updated from the form). */
  existingOwnerId: zId.nullish().transform((v) => v ?? null),
  ownerName: zRequiredText(120),
  ownerNik: zOptionalNik,
  /** Pre-filled from the NIK in the form, overridable; derived from the NIK on save when left empty. */
  ownerSex: zEnumOrNull(['L', 'P'] as const),
  ownerBirthDate: zOptionalDate,
  ownerBirthPlace: zOptionalText(100),
  ownerPhone: zOptionalPhone,
  ownerStreet: zOptionalText(200),
  ownerRt: zRtRw,
  ownerRw: zRtRw,
  ownerVillageCode: zOptionalText(20),
  ownerVillageName: zOptionalText(120),
  // ── business ──
  name: zRequiredText(200),
  products: zOptionalText(500),
  brand: zOptionalText(120),
  kbliCode: z
    .string()
    .max(SHORT_MAX, { error: M.tooLong })
    .nullish()
    .transform((v) => (v ? v.trim() : null))
    .refine((v) => v === null || /^\d{5}$/.test(v), { error: 'validation.kbli' }),
  kbliVersion: zEnumOrNull(KBLI_VERSIONS),
  sentra: zOptionalText(120),
  street: zOptionalText(200),
  rt: zRtRw,
  rw: zRtRw,
  villageCode: zOptionalText(20),
  villageName: zRequiredText(120),
  yearStarted: zOptionalYear,
  workersMale: zCount,
  workersFemale: zCount,
  /** rupiah, excluding land and buildings */
  investment: zOptionalInt(),
  investmentLandBuilding: zOptionalInt(),
  /** modal usaha, rupiah, excluding land and buildings */
  capital: zOptionalInt(),
  annualTurnover: zOptionalInt(),
  turnoverYear: zOptionalYear,
  productionCapacity: zOptionalDecimal,
  capacityUnit: zOptionalText(40),
  rawMaterials: zOptionalText(500),
  energyUse: zOptionalText(200),
  waterUse: zOptionalText(200),
  legalForm: zEnumOrNull(LEGAL_FORMS),
  npwp: z
    .string()
    .max(SHORT_MAX, { error: M.tooLong })
    .nullish()
    .transform((v) => (v ? normalizeNpwp(v) : null)),
  npwpSameAsNik: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  status: z
    .enum(BUSINESS_STATUSES)
    .nullish()
    .transform((v) => v ?? 'aktif'),
  statusReason: zOptionalText(500),
  constraints: z
    .array(z.enum(CONSTRAINTS))
    .max(CONSTRAINTS.length * 2)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  needs: z
    .array(z.enum(NEEDS))
    .max(NEEDS.length * 2)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  notes: zOptionalText(2000),
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

export const businessCreateSchema = z
  .object({
    ...recordShape,
    /** "Usaha yang berbeda" decisions taken at the desk; recorded with the new record. */
    duplicateDecisions: z
      .array(duplicateDecisionShape)
      .max(20)
      .nullish()
      .transform((v) => v ?? []),
  })
  .superRefine(refineRecord)
  .transform(completeRecord);
export type BusinessCreateInput = z.input<typeof businessCreateSchema>;
export type BusinessCreateData = z.output<typeof businessCreateSchema>;

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

export const businessListSchema = z
  .object({
    query: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .default({ limit: 100, offset: 0 });

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

/** A person who owns one or more businesses. */
export interface OwnerDetail {
  id: number;
  uuid: string;
  name: string;
  /** full NIK (the record and edit pages; mask it for display with maskNik) */
  nik: string | null;
  nikMasked: string;
  sex: 'L' | 'P' | null;
  birthDate: string | null;
  birthPlace: string | null;
  /** +62… */
  phone: string | null;
  street: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string | null;
  villageName: string | null;
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

export interface BusinessDetail extends BusinessListItem {
  ownerId: number;
  createdAt: string;
  updatedAt: string;
  // ── the complete record (registry issue) ──
  owner: OwnerDetail;
  /** the owner's other businesses (not this one), archived included */
  ownerOtherBusinesses: OwnerBusinessRef[];
  products: string | null;
  brand: string | null;
  kbliCode: string | null;
  kbliVersion: KbliVersion | null;
  /** title from the KBLI table when it is there */
  kbliTitle: string | null;
  sentra: string | null;
  street: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string | null;
  yearStarted: number | null;
  workersMale: number;
  workersFemale: number;
  investment: number | null;
  investmentLandBuilding: number | null;
  capital: number | null;
  annualTurnover: number | null;
  turnoverYear: number | null;
  productionCapacity: number | null;
  capacityUnit: string | null;
  rawMaterials: string | null;
  energyUse: string | null;
  waterUse: string | null;
  legalForm: LegalForm | null;
  npwp: string | null;
  npwpSameAsNik: boolean;
  statusReason: string | null;
  constraints: Constraint[];
  needs: Need[];
  notes: string | null;
  /** computed on read from workers, investment, capital and turnover */
  sizeClasses: SizeClasses;
  archivedAt: string | null;
  mergedIntoId: number | null;
  /** optimistic-lock version: send it back with business:update */
  version: number;
}

export interface BusinessPage {
  items: BusinessListItem[];
  total: number;
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
