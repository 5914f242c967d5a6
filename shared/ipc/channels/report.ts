import { channel, noInput } from '../define';
import {
  monthlyReportSchema,
  reportFilterSchema,
  type MonthlyReport,
  type ReportFile,
  type ReportSummary,
} from '../../schemas/report';

export const reportChannels = {
  /** counts by desa, KBLI, size class, status, sex, year for a period and desa (report_counts) */
  'report:summary': channel<ReportSummary>()(reportFilterSchema),
  /** the same numbers as a PDF (letterhead, date, signing official) under exports/ */
  'report:pdf': channel<ReportFile>()(reportFilterSchema),
  'report:xlsx': channel<ReportFile>()(reportFilterSchema),
  /** the month's report PDF and data XLSX, kept under exports/laporan-bulanan/ */
  'report:monthly': channel<MonthlyReport>()(monthlyReportSchema),
  'report:monthlyList': channel<MonthlyReport[]>()(noInput),
} as const;
