import { channel, noInput, operator, viewer } from '../define';
import {
  monthlyReportSchema,
  reportFilterSchema,
  type MonthlyReport,
  type ReportCoverage,
  type ReportFile,
  type ReportSummary,
} from '../../schemas/report';

export const reportChannels = {
  /** counts by desa, KBLI, size class, status, sex, year for a period and desa (report_counts) */
  'report:summary': channel<ReportSummary>()(reportFilterSchema, viewer),
  /** permit coverage and activity participation for the same filter, loaded after the first view (heavier) */
  'report:coverage': channel<ReportCoverage>()(reportFilterSchema, viewer),
  /** the same numbers as a PDF (letterhead, date, signing official) under exports/ */
  'report:pdf': channel<ReportFile>()(reportFilterSchema, viewer),
  'report:xlsx': channel<ReportFile>()(reportFilterSchema, viewer),
  /** the month's report PDF and data XLSX, kept under exports/laporan-bulanan/ */
  'report:monthly': channel<MonthlyReport>()(monthlyReportSchema, operator),
  'report:monthlyList': channel<MonthlyReport[]>()(noInput, viewer),
} as const;
