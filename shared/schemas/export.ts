import { z } from 'zod';
import { businessListSchema } from './business-search';

/**
 * Export of the register or of the list as filtered on screen (issue 12 item 8). The list's own filter schema
 * is reused, so what the export writes is exactly what the list shows (its window fields are ignored).
 */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** `register`: the columns a person expects; `siinas`: SIINas's field order (domain.md §3.1) */
export const EXPORT_SHAPES = ['register', 'siinas'] as const;
export type ExportShape = (typeof EXPORT_SHAPES)[number];

export const exportStartSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  shape: z.enum(EXPORT_SHAPES).default('register'),
  /** the list's filters; absent: the whole register (live records) */
  list: businessListSchema.optional(),
});

export const exportJobSchema = z.object({ jobId: z.string().min(1).max(100) });
/**
 * a finished export or report, by its place under the data folder's exports/ (a name the app made; never an
 * arbitrary path from the client)
 */
export const exportFileSchema = z.object({
  fileRel: z.string().regex(/^exports\/(?:laporan-bulanan\/)?[a-z0-9][a-z0-9._-]{0,120}\.(xlsx|csv|pdf)$/, {
    error: 'validation.invalid',
  }),
});

export interface ExportStarted {
  jobId: string;
  /** relative to the data folder: exports/<name> */
  fileRel: string;
  fileName: string;
}
export interface ExportProgress {
  jobId: string;
  done: number;
  /** -1 while unknown */
  total: number;
}
export interface ExportEnd {
  jobId: string;
  status: 'done' | 'cancelled' | 'failed';
  rows: number;
  fileRel: string | null;
  fileName: string | null;
  /** i18n key of the failure */
  message: string | null;
  /** NIK and phone written in full (the user may see personal data) or masked */
  personalData: 'full' | 'masked';
}
export interface SaveAsResult {
  /** false in the browser mode: the page downloads the file instead */
  supported: boolean;
  savedTo: string | null;
}
