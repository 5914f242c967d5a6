import { z } from 'zod';
import type { Pp7Rule } from '../domain/size-class';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalid' });

/** The reports page's filters: a period of months registered (inclusive) and one desa (its report key). */
export const reportFilterSchema = z
  .object({
    from: month.optional(),
    to: month.optional(),
    /** a desa's key as the summary answers it: its Kemendagri code, or `~name` for one typed by name */
    village: z.string().trim().min(1).max(140).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'reports.errors.period', path: ['to'] })
  .prefault({});
export type ReportFilter = z.output<typeof reportFilterSchema>;

export const monthlyReportSchema = z.object({ month });

export const REPORT_TABLES = [
  'village',
  'kbli2020',
  'kbli2025',
  'industry',
  'business',
  'bps',
  'status',
  'sex',
  'year',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface ReportRow {
  key: string;
  /** in Indonesian (desa names, KBLI titles, the schemes' class names) */
  label: string;
  n: number;
}

export interface ReportSummary {
  filter: { from: string | null; to: string | null; village: string | null; villageLabel: string | null };
  /** live businesses in the period and desa */
  total: number;
  tables: Record<ReportTable, ReportRow[]>;
  /** the office's rule the PP 7/2021 table (`business`) was counted by (settings, `sizeClass.pp7Rule`) */
  pp7Rule: Pp7Rule;
  /** time to compute on main, ms */
  ms: number;
}

/** One permit type's line in the coverage table. */
export interface PermitCoverageRow {
  typeId: number;
  code: string;
  /** the type's short name (NIB, P-IRT, …) and full name, as the office keeps them */
  shortName: string;
  name: string;
  /** businesses of the report whose current permit of this type is in force (berlaku or segera berakhir) */
  inForce: number;
  /** …of which it ends within 90 days */
  endingSoon: number;
  /** businesses whose current permit of this type has ended (kedaluwarsa) */
  expired: number;
  /** …revoked (dicabut) */
  revoked: number;
  /** permits of this type issued in the period (issue date), in the desa, whatever the business's registration date */
  issuedInPeriod: number;
}

/** One activity type's line in the participation table. */
export interface ActivityParticipationRow {
  type: string;
  /** in Indonesian */
  label: string;
  /** activities held (a day) in the period; with a desa, those a business of the desa took part in */
  activities: number;
  /** distinct businesses (of the desa) that took part in them, withdrawn participants excluded */
  businesses: number;
  /** participant enrolments (one business may send several people), withdrawn excluded */
  participants: number;
}

/**
 * Permit coverage and activity participation (issue 12 item 7), served by `report:coverage` after the first
 * view. Two periods, both labelled on the page, PDF and XLSX: the businesses counted are the report's
 * (registered in the period, in the desa, live — the page's total); permits issued and activities held are
 * counted by their own dates in the period (the kabupaten's "tahun fasilitasi", domain.md §3.3).
 */
export interface ReportCoverage {
  /** the report's businesses: the same total as the summary */
  total: number;
  permits: {
    /** businesses with at least one permit in force, and without any */
    withPermit: number;
    withoutPermit: number;
    byType: PermitCoverageRow[];
  };
  activities: {
    /** the report's businesses that have ever taken part in an activity (any date), and those that never have */
    everTookPart: number;
    neverTookPart: number;
    byType: ActivityParticipationRow[];
  };
  /** the date the permit states are reckoned on (yyyy-mm-dd) */
  asOf: string;
  ms: number;
}

export interface ReportFile {
  /** relative to the data folder (exports/…), for the download and "save as" */
  fileRel: string;
  fileName: string;
}

export interface MonthlyReport {
  month: string;
  pdf: ReportFile;
  xlsx: ReportFile;
  /** ISO time the files were made */
  madeAt: string;
  bytes: number;
}
