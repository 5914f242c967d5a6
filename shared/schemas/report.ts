import { z } from 'zod';

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
  /**
   * Permit coverage and activity participation: null until the permits (issue 8) and activities features are
   * on main — the page shows the hook, and reports/summary.ts is where they plug in.
   */
  permits: null;
  activities: null;
  /** time to compute on main, ms */
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
