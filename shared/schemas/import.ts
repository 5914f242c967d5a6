import { z } from 'zod';
import type { DryRunSummary } from '../import/dry-run';
import { importOptionsSchema } from '../import/mapping';
import { zId, zUuid } from './common';

/**
 * The import screen (issue 12, "Data in"): the file sent in chunks, inspected, mapped, tried (dry run),
 * decided and committed; past imports listed and undone. Every channel is the operator's.
 */

/** One chunk: at most 2 MiB of the file, base64 in the JSON. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
/** The whole file: an office's register of 100,000 rows is a few tens of MB; more is not a register. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** base64 of a full chunk */
const CHUNK_CHARS = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4;

export const importUploadSchema = z.object({
  /** absent on the first chunk: main names the upload */
  uploadId: zUuid.optional(),
  /** the original file name, display text only (the stored file is named from a UUID) */
  fileName: z.string().max(255).optional(),
  chunk: z.base64({ error: 'validation.invalid' }).max(CHUNK_CHARS),
  /** the last chunk */
  done: z.boolean(),
});

export const importUploadRef = z.object({ uploadId: zUuid });

export const importInspectSchema = z.object({
  uploadId: zUuid,
  /** a workbook's sheet; absent or null: the first */
  sheet: z.string().max(200).nullish(),
  /** a saved mapping to apply to the headers */
  mappingId: zId.nullish(),
});

const zTargetKey = z.string().max(60).nullable();
export const zColumns = z
  .array(z.object({ index: z.number().int().min(0).max(1000), target: zTargetKey }))
  .max(300);

export const importDryRunSchema = z.object({
  uploadId: zUuid,
  sheet: z.string().max(200).nullish(),
  columns: zColumns,
  options: importOptionsSchema,
});

export const importJobSchema = z.object({ jobId: z.string().min(1).max(100) });

export const mappingSaveSchema = z.object({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(80, { error: 'validation.tooLong' }),
  headers: z.array(z.string().max(200)).max(300),
  columns: zColumns,
  options: importOptionsSchema,
});
export const mappingDeleteSchema = z.object({ id: zId });

export const villageChoiceSchema = z.object({
  uploadId: zUuid,
  villageText: z.string().max(300),
  /** the village chosen; null: keep the name as written, without a code */
  code: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .nullable(),
});

export const DUPLICATE_CHOICES = ['keep', 'merge', 'skip'] as const;
export const duplicateChoiceSchema = z.object({
  uploadId: zUuid,
  kind: z.enum(['group', 'register']),
  /** the group number, or the row's index */
  id: z.number().int().min(0),
  choice: z.enum(DUPLICATE_CHOICES).nullable(),
});

export const importPageSchema = z.object({
  uploadId: zUuid,
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(50).default(10),
});

export const importHistorySchema = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});
export const importUndoSchema = z.object({ importId: zId });

// ── answers ──

export interface UploadAnswer {
  uploadId: string;
  /** bytes received so far */
  bytes: number;
  complete: boolean;
}

export interface InspectColumn {
  index: number;
  header: string;
  target: string | null;
  /** where the target came from */
  source: 'saved' | 'proposed' | 'none';
  /** the first rows' values of this column, as text */
  samples: string[];
}

export interface InspectAnswer {
  uploadId: string;
  fileName: string;
  bytes: number;
  kind: 'csv' | 'xlsx';
  /** a CSV's encoding, byte-order mark and delimiter */
  csv: { encoding: string; bom: boolean; delimiter: string } | null;
  sheets: string[];
  sheet: string | null;
  headerLine: number;
  columns: InspectColumn[];
  /** the first data rows (at most 5), for the preview */
  preview: { line: number; cells: string[] }[];
}

export interface SavedMappingItem {
  id: number;
  name: string;
  /** folded header → target */
  columns: Record<string, string | null>;
  options: z.output<typeof importOptionsSchema>;
  updatedAt: string;
}

export interface ImportJobStarted {
  jobId: string;
}

export interface ImportProgress {
  jobId: string;
  phase: 'dryRun' | 'commit';
  done: number;
  /** -1 while unknown (a dry run does not count the file first) */
  total: number;
}

export interface CommitCounts {
  importId: number;
  rowsRead: number;
  /** businesses created */
  created: number;
  /** rows merged into another row's business */
  merged: number;
  /** register businesses completed from a row */
  filled: number;
  /** rows the clerk chose to skip */
  skipped: number;
  /** rows still waiting for a decision (not imported) */
  waiting: number;
  cancelled: boolean;
}

export interface ImportEnd {
  jobId: string;
  uploadId: string;
  phase: 'dryRun' | 'commit';
  status: 'done' | 'cancelled' | 'failed';
  /** i18n key of the failure */
  message: string | null;
  params: Record<string, string | number> | null;
  summary: DryRunSummary | null;
  result: CommitCounts | null;
}

export interface ReviewFile {
  fileRel: string;
  fileName: string;
}

export interface ImportReview {
  uploadId: string;
  fileName: string;
  sheet: string | null;
  summary: DryRunSummary;
  reviewFile: ReviewFile | null;
  /** decisions to make, and how many are made */
  villageGroups: { total: number; decided: number };
  duplicateGroups: { total: number; decided: number };
  registerRows: { total: number; decided: number };
}

export interface VillageOption {
  code: string;
  name: string;
  districtName: string;
}

export interface VillageGroupItem {
  villageText: string;
  /** as written in the file's first row */
  written: string;
  status: 'doubtful' | 'ambiguous' | 'unknown';
  rows: number;
  /** the closest village, proposed (null when none is close) */
  proposal: string | null;
  candidates: (VillageOption & { score: number })[];
  /** the choice made: a code, null for "keep as text"; undefined when not decided */
  choice: { code: string | null; name: string } | null;
}

export interface VillageGroupsAnswer {
  groups: VillageGroupItem[];
  /** every village of the office's kabupaten, for the choice */
  villages: VillageOption[];
}

export interface RowBrief {
  line: number;
  name: string;
  ownerName: string;
  nik: string;
  phone: string;
  village: string;
  address: string;
}

export interface DuplicateGroupItem {
  id: number;
  rows: RowBrief[];
  choice: (typeof DUPLICATE_CHOICES)[number] | null;
}

export interface RegisterRowItem {
  idx: number;
  row: RowBrief;
  matches: (RowBrief & { businessId: number; registrationNumber: string; reasons: string[] })[];
  choice: (typeof DUPLICATE_CHOICES)[number] | null;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

/**
 * What one commit did, stored with the import (`imports.summary_json`, key `commit`) after each batch and
 * read back through this schema; imports committed before it was stored have none.
 */
export const importOutcomeSchema = z.object({
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
});
export type ImportOutcome = z.output<typeof importOutcomeSchema>;

export interface ImportHistoryItem {
  id: number;
  fileName: string;
  sheet: string | null;
  status: 'committing' | 'committed' | 'cancelled' | 'failed' | 'undone';
  rowsRead: number;
  rowsImported: number;
  /** businesses created, rows merged, register businesses completed, rows skipped, rows left waiting */
  outcome: ImportOutcome | null;
  userName: string | null;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface UndoAnswer {
  archived: number;
  ownersArchived: number;
  reverted: number;
}
