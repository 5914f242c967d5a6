import { z } from 'zod';
import { zId, zOptionalText, zRequiredText } from './common';
import { shapeOf } from '../records/field';
import {
  ACTIVITY_TYPES,
  ATTENDANCE,
  ATTENDEE_ROLES,
  FUNDING_SOURCES,
  activityRecord,
  participantRecord,
  type ActivityType,
  type Attendance,
  type AttendeeRole,
  type FundingSource,
  type Organiser,
} from '../records/activity';

export * from '../records/activity';

/**
 * Activities (issue 8 item 3): the option lists, the days rule, and the channel inputs. The same schemas
 * check the form and the main side. Labels are i18n keys `activities.<list>.<code>`.
 */
/** An activity has at most this many days (a long apprenticeship is recorded as several). */
export const MAX_DAYS = 60;
/** A range typed as "from – to" expands to at most this many days. */
export const MAX_RANGE_DAYS = 31;

/** A real calendar date yyyy-mm-dd (31 Feb is not). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export type RangeResult = { ok: true; days: string[] } | { ok: false; field: 'from' | 'to'; error: string };

/**
 * "from – to" → every day in between. The form's range picker and its tests use this; an end before the
 * start or a range longer than MAX_RANGE_DAYS is refused with the message shown beside the field.
 */
export function daysFromRange(from: string, to: string): RangeResult {
  if (!isCalendarDate(from)) return { ok: false, field: 'from', error: 'validation.date' };
  if (!isCalendarDate(to)) return { ok: false, field: 'to', error: 'validation.date' };
  if (to < from) return { ok: false, field: 'to', error: 'validation.activities.rangeReversed' };
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_RANGE_DAYS)
      return { ok: false, field: 'to', error: 'validation.activities.rangeTooLong' };
  }
  return { ok: true, days };
}

/** The days of an activity: at least one, each a real date, none twice; answered sorted. */
export const zDays = z
  .array(z.string().max(40, { error: 'validation.date' }).trim(), {
    error: 'validation.activities.daysRequired',
  })
  .max(MAX_DAYS * 4, { error: 'validation.activities.tooManyDays' })
  .superRefine((days, ctx) => {
    if (days.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'validation.activities.daysRequired' });
      return;
    }
    if (days.length > MAX_DAYS) {
      ctx.addIssue({ code: 'custom', message: 'validation.activities.tooManyDays' });
      return;
    }
    const seen = new Set<string>();
    days.forEach((d, i) => {
      if (!isCalendarDate(d)) ctx.addIssue({ code: 'custom', message: 'validation.date', path: [i] });
      else if (seen.has(d))
        ctx.addIssue({ code: 'custom', message: 'validation.activities.dayTwice', path: [i] });
      seen.add(d);
    });
  })
  .transform((days) => [...days].sort());

const activityFields = { ...shapeOf(activityRecord), days: zDays };

type OtherFields = {
  organiser: string;
  organiserOther: string | null;
  funding: string;
  fundingOther: string | null;
};
/** "Lainnya" needs its text. */
function otherRule(v: OtherFields, ctx: z.RefinementCtx) {
  if (v.organiser === 'lainnya' && !v.organiserOther)
    ctx.addIssue({
      code: 'custom',
      message: 'validation.activities.otherRequired',
      path: ['organiserOther'],
    });
  if (v.funding === 'lainnya' && !v.fundingOther)
    ctx.addIssue({ code: 'custom', message: 'validation.activities.otherRequired', path: ['fundingOther'] });
}

export const activityCreateSchema = z.object(activityFields).strict().superRefine(otherRule);
export type ActivityCreateData = z.output<typeof activityCreateSchema>;

export const activityUpdateSchema = z
  .object({ ...activityFields, id: zId, version: z.number().int().positive() })
  .strict()
  .superRefine(otherRule);

export const activityIdSchema = z.object({ id: zId }).strict();
export const activityArchiveSchema = z.object({ id: zId, reason: zRequiredText(500) }).strict();

export const activityListSchema = z
  .object({
    query: zOptionalText(200),
    type: z.enum(ACTIVITY_TYPES).optional(),
    funding: z.enum(FUNDING_SOURCES).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict()
  .prefault({});
export type ActivityListInput = z.input<typeof activityListSchema>;

export const enrolSchema = z
  .object({
    activityId: zId,
    businessId: zId,
    attendeeName: zRequiredText(120),
    attendeeRole: z.enum(ATTENDEE_ROLES),
    /** the clerk saw the warnings and enrols anyway */
    confirm: z.boolean().default(false),
  })
  .strict();

export const participantUpdateSchema = z
  .object({
    id: zId,
    version: z.number().int().positive(),
    ...shapeOf(participantRecord),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.equipmentValue !== null && !v.equipment)
      ctx.addIssue({ code: 'custom', message: 'validation.activities.equipmentName', path: ['equipment'] });
  });

export const participantWithdrawSchema = z.object({ id: zId, reason: zRequiredText(500) }).strict();

/** One day of an activity, yyyy-mm-dd, a real calendar date. */
const zDay = z
  .string()
  .max(40, { error: 'validation.date' })
  .trim()
  .refine(isCalendarDate, { error: 'validation.date' });

/** One day's attendance for the whole list, saved at once. */
export const attendanceSaveSchema = z
  .object({
    activityId: zId,
    day: zDay,
    marks: z
      .array(z.object({ participantId: zId, status: z.enum(ATTENDANCE) }).strict())
      .min(1, { error: 'validation.activities.noMarks' })
      .max(5000),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    for (const [i, m] of v.marks.entries()) {
      if (seen.has(m.participantId))
        ctx.addIssue({ code: 'custom', message: 'validation.activities.markTwice', path: ['marks', i] });
      seen.add(m.participantId);
    }
  });

export const sheetSchema = z
  .object({
    activityId: zId,
    /** the day of a daftar hadir; omitted for the recap */
    day: zDay.optional(),
    paper: z.enum(['A4', 'F4']).default('A4'),
  })
  .strict();

export const businessActivitiesSchema = z.object({ businessId: zId }).strict();

// ── answers ──

export interface ActivitySummary {
  id: number;
  uuid: string;
  type: ActivityType;
  title: string;
  organiser: Organiser;
  organiserOther: string | null;
  funding: FundingSource;
  fundingOther: string | null;
  batch: string | null;
  venue: string | null;
  quota: number | null;
  firstDay: string | null;
  lastDay: string | null;
  dayCount: number;
  participantCount: number;
  archivedAt: string | null;
}

export interface ActivityDay {
  id: number;
  day: string;
  /** marks saved for this day */
  marked: number;
}

export interface Participant {
  id: number;
  uuid: string;
  businessId: number;
  businessName: string;
  registrationNumber: string;
  villageName: string;
  businessStatus: string;
  businessArchived: boolean;
  attendeeName: string;
  attendeeRole: AttendeeRole;
  certificateNumber: string | null;
  permitId: number | null;
  permitLabel: string | null;
  equipment: string | null;
  equipmentValue: number | null;
  outcomeNotes: string | null;
  archivedAt: string | null;
  version: number;
  /** dayId → mark */
  attendance: Record<number, Attendance>;
}

export interface ActivityDetail extends ActivitySummary {
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  days: ActivityDay[];
  participants: Participant[];
}

export type EnrolWarning =
  | { code: 'archived' }
  | { code: 'notActive'; status: string }
  | { code: 'alreadyEnrolled'; attendeeName: string }
  | { code: 'quotaFull'; quota: number; count: number };

export type EnrolResult =
  | { enrolled: true; participant: Participant; warnings: EnrolWarning[] }
  | { enrolled: false; warnings: EnrolWarning[] };

export interface BusinessActivity {
  activityId: number;
  participantId: number;
  type: ActivityType;
  title: string;
  organiser: Organiser;
  organiserOther: string | null;
  funding: FundingSource;
  batch: string | null;
  firstDay: string | null;
  lastDay: string | null;
  dayCount: number;
  attendeeName: string;
  attendeeRole: AttendeeRole;
  present: number;
  certificateNumber: string | null;
  permitLabel: string | null;
  equipment: string | null;
  equipmentValue: number | null;
  activityArchived: boolean;
  withdrawn: boolean;
}

export interface PermitOption {
  id: number;
  label: string;
}

export interface SheetResult {
  filePath: string;
  base64: string;
  pages: number;
}
