import { z } from 'zod';
import {
  checkPermitNumber,
  permitNumberErrorKey,
  type NumberRule,
  type PermitState,
  type PermitWarning,
  type ScanMime,
} from '../validators/permit';
import { permitRecord } from '../records/permit';
import { shapeOf, type RecordValues } from '../records/field';
import { M, zFilterText, zId, zKbliPrefix, zListWindow, zOptionalText, zRequiredText } from './common';

/**
 * Permit record (issue 8 item 1): the form and the main side parse the same schema. The number's rule depends
 * on the permit type (data), so the schema is built for the types the caller knows: the form from
 * `permit:types`, main from the table. Refusals land beside their field; warnings are not refusals.
 */

export interface PermitTypeRule {
  id: number;
  numberRule: NumberRule;
  numberRequired: boolean;
}

const baseShape = { businessId: zId, ...shapeOf(permitRecord) };

export interface PermitRuleContext {
  types: readonly PermitTypeRule[];
  /** the business's kab/kota (P-IRT region digits) */
  regencyCode?: string | null;
}

/** The checks across fields, shared by create and update. */
function refinePermit<T extends z.infer<z.ZodObject<typeof baseShape>>>(
  v: T,
  ctx: z.RefinementCtx,
  rc: PermitRuleContext | null,
): T & { numberKey: string | null } {
  if (v.issueDate && v.validUntil && v.validUntil < v.issueDate)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validation.permit.untilBeforeIssue' });
  if (v.whileOperating && v.validUntil)
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: 'validation.permit.untilAndWhileOperating',
    });
  if (v.revokedAt && !v.revokedReason)
    ctx.addIssue({ code: 'custom', path: ['revokedReason'], message: 'validation.permit.revokedReason' });
  let number = v.number;
  let numberKey: string | null = null;
  const type = rc?.types.find((t) => t.id === v.typeId);
  if (rc && !type) ctx.addIssue({ code: 'custom', path: ['typeId'], message: 'validation.permit.type' });
  if (type) {
    if (number === null) {
      if (type.numberRequired) ctx.addIssue({ code: 'custom', path: ['number'], message: M.required });
    } else {
      const r = checkPermitNumber(type.numberRule, number, {
        regencyCode: rc?.regencyCode ?? null,
        issueDate: v.issueDate,
        validUntil: v.validUntil,
      });
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: permitNumberErrorKey(r.error) });
      else {
        number = r.number;
        numberKey = r.key;
      }
    }
  }
  return { ...v, number, numberKey, revokedReason: v.revokedAt ? v.revokedReason : null };
}

export function permitCreateSchema(rc: PermitRuleContext | null) {
  return z.object(baseShape).transform((v, ctx) => refinePermit(v, ctx, rc));
}

export function permitUpdateSchema(rc: PermitRuleContext | null) {
  return z
    .object({ ...baseShape, id: zId, version: z.number().int().positive(), reason: zRequiredText(500) })
    .transform((v, ctx) => refinePermit(v, ctx, rc));
}

/** What the IPC accepts (shape only; main re-parses with the type rules from the database). */
export const permitCreateInput = permitCreateSchema(null);
export const permitUpdateInput = permitUpdateSchema(null);
export type PermitCreateData = z.output<typeof permitCreateInput>;
export type PermitUpdateData = z.output<typeof permitUpdateInput>;

export const permitArchiveSchema = z.object({ id: zId, reason: zRequiredText(500) });
export const permitBusinessSchema = z.object({
  businessId: zId,
  includeArchived: z.boolean().default(false),
});
export const permitIdSchema = z.object({ id: zId });

/** An office's own permit type. */
export const permitTypeCreateSchema = z.object({
  name: zRequiredText(120),
  shortName: zRequiredText(20),
  defaultIssuer: zOptionalText(200),
  whileOperatingDefault: z.boolean().default(false),
});

/** Scan upload in the browser mode: base64 chunks of ≤ 512 KiB, at most 5 MiB in all. */
export const SCAN_CHUNK_BYTES = 512 * 1024;
export const scanBeginSchema = z.object({
  permitId: zId,
  fileName: zRequiredText(200),
  size: z.number().int().positive(),
});
export const scanChunkSchema = z.object({
  uploadId: z.uuid(),
  index: z.number().int().min(0).max(64),
  dataBase64: z
    .string()
    .max(Math.ceil((SCAN_CHUNK_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export const scanCommitSchema = z.object({ uploadId: z.uuid() });

export const WORKLIST_KINDS = ['due', 'expired', 'none', 'food'] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];
export const WORKLIST_SORTS = ['date', 'village', 'name', 'registration'] as const;

export const permitWorklistSchema = z
  .object({
    kind: z.enum(WORKLIST_KINDS),
    villageCode: zFilterText(20),
    kbliCode: zKbliPrefix,
    ...zListWindow(WORKLIST_SORTS, {
      sort: 'date',
      direction: 'asc',
      limit: 50,
      maxLimit: 200,
      maxOffset: 10_000_000,
    }),
  })
  .prefault({ kind: 'due' });
export type PermitWorklistInput = z.input<typeof permitWorklistSchema>;
export type PermitWorklistQuery = z.output<typeof permitWorklistSchema>;

// ── what main answers ─────────────────────────────────────────────────────────────────────────────────

export interface PermitTypeView {
  id: number;
  code: string;
  name: string;
  shortName: string;
  numberRule: NumberRule;
  numberRequired: boolean;
  food: boolean;
  defaultIssuer: string | null;
  defaultValidYears: number | null;
  whileOperatingDefault: boolean;
  addedByOffice: boolean;
}

export type PermitViewWarning = PermitWarning | { code: 'duplicate'; params: Record<string, string> };

/** A permit as the screens read it: the record's values (its field table) and what main adds. */
export type PermitView = RecordValues<typeof permitRecord> & {
  id: number;
  uuid: string;
  businessId: number;
  typeCode: string;
  typeName: string;
  typeShortName: string;
  numberRule: NumberRule;
  state: PermitState;
  isCurrent: boolean;
  scan: { mime: ScanMime; fileName: string; bytes: number } | null;
  archivedAt: string | null;
  version: number;
  warnings: PermitViewWarning[];
  createdAt: string;
  updatedAt: string;
};

export interface PermitWorklistRow {
  businessId: number;
  businessName: string;
  registrationNumber: string;
  villageName: string;
  kbliCode: string | null;
  ownerName: string;
  permitId: number | null;
  typeShortName: string | null;
  number: string | null;
  validUntil: string | null;
  state: PermitState | null;
}

export interface PermitWorklistPage {
  kind: WorklistKind;
  total: number;
  items: PermitWorklistRow[];
}

export type PermitCounts = Record<WorklistKind, number>;
