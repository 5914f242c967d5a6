import { z } from 'zod';
import { M, zId } from '../schemas/common';
import { defineRecord, f } from './field';

/**
 * The activity and participant records as field tables (shared/records/field.ts): each field's key, column,
 * zod type, kind and labels in one place. The channel schemas (schemas/activity.ts) spread `shapeOf` of these
 * and add what is not a column (the days, ids, versions); the services write `recordToRow`. Labels are
 * `activities.fields.<key>`; option labels `activities.<list>.<code>`.
 */
export const ACTIVITY_TYPES = [
  'pelatihan',
  'pendampingan',
  'magang',
  'pameran',
  'kurasi',
  'fasilitasi_sertifikasi',
  'bantuan_alat',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ORGANISERS = ['disperindag', 'dinas_koperasi', 'kecamatan', 'bumn_csr', 'lainnya'] as const;
export type Organiser = (typeof ORGANISERS)[number];
export const FUNDING_SOURCES = ['apbd', 'dbhcht', 'apbn', 'dak', 'csr', 'lainnya'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const ATTENDEE_ROLES = ['pemilik', 'pekerja'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDANCE = ['hadir', 'izin', 'sakit', 'alpa'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const zQuota = z
  .union([z.number(), z.string().max(40, { error: 'validation.activities.quota' }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[.\s]/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      ctx.addIssue({ code: 'custom', message: 'validation.activities.quota' });
      return z.NEVER;
    }
    return n;
  });

/** Plain Rupiah: digits, dots and spaces allowed ("Rp 1.500.000" → 1500000). */
export const zRupiah = z
  .union([z.number(), z.string().max(40, { error: 'validation.activities.rupiah' }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n =
      typeof v === 'number'
        ? v
        : Number(
            String(v)
              .replace(/^\s*rp\.?/i, '')
              .replace(/[.\s]/g, ''),
          );
    if (!Number.isInteger(n) || n < 0 || n > 1e13) {
      ctx.addIssue({ code: 'custom', message: 'validation.activities.rupiah' });
      return z.NEVER;
    }
    return n;
  });

const required = <T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { error: M.required });

export const activityRecord = defineRecord({
  name: 'activity',
  table: 'activities',
  labels: 'activities.fields',
  fields: [
    f.custom('type', 'enum', required(ACTIVITY_TYPES), { empty: undefined as unknown as ActivityType }),
    f.text('title', { required: true, max: 200 }),
    f.custom('organiser', 'enum', required(ORGANISERS), { empty: undefined as unknown as Organiser }),
    f.text('organiserOther', { max: 120 }),
    f.custom('funding', 'enum', required(FUNDING_SOURCES), { empty: undefined as unknown as FundingSource }),
    f.text('fundingOther', { max: 120 }),
    f.text('batch', { max: 60 }),
    f.text('venue', { max: 200 }),
    f.custom('quota', 'count', zQuota, { empty: '' }),
    f.text('notes', { max: 2000 }),
  ],
});

export const participantRecord = defineRecord({
  name: 'activityParticipant',
  table: 'activity_participants',
  labels: 'activities.fields',
  fields: [
    f.text('attendeeName', { required: true, max: 120, label: 'activities.fields.attendee' }),
    f.custom('attendeeRole', 'enum', z.enum(ATTENDEE_ROLES), { empty: 'pemilik' }),
    f.text('certificateNumber', { max: 100, label: 'activities.fields.certificate' }),
    f.custom(
      'permitId',
      'text',
      zId.nullish().transform((v) => v ?? null),
      {
        empty: null,
        label: 'activities.fields.permit',
      },
    ),
    f.text('equipment', { max: 200 }),
    f.custom('equipmentValue', 'money', zRupiah, { empty: '' }),
    f.text('outcomeNotes', { max: 1000 }),
  ],
});
