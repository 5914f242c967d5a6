/**
 * The import feature's worker entry (bundled as import-worker.mjs; from source through tsx). Its job is the
 * screen's dry run: the uploaded file streamed and cleaned against the register read from its own
 * read-only connection, the rows written to the staging file (`<data>/imports/<uuid>.sqlite`) and the
 * review sheet to exports/ — so a 100,000-row sheet never holds the main event loop that serves the screen,
 * and main never holds the rows. Progress is the number of rows read.
 */
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import type { ImportOptions } from '../../../shared/import/clean';
import type { DryRunSummary } from '../../../shared/import/dry-run';
import type { ColumnTarget } from '../../../shared/import/targets';
import { serveJobs } from '../jobs/host';
import type { JobIo } from '../jobs/protocol';
import { dryRunFile } from './dry-run';
import { translateId } from './labels';
import { writeReviewSheet } from './review-sheet';
import { Staging } from './staging';

export interface DryRunSpec {
  dbFile: string;
  dataDir: string;
  uuid: string;
  file: string;
  fileName: string;
  sheet: string | null;
  columns: ColumnTarget[];
  options: ImportOptions;
  office: { regencyCode: string; districtCode: string };
  /** ISO time: "today" for the dates' checks */
  now: string;
  /** the review sheet: written to `reviewPart`, renamed to `reviewAbs` when complete */
  reviewPart: string;
  reviewAbs: string;
}

export interface DryRunJobResult {
  summary: DryRunSummary;
  sheet: string | null;
  headers: string[];
  reviewRows: number;
}

async function dryRunJob(spec: DryRunSpec, io: JobIo<{ rows: number }>): Promise<DryRunJobResult> {
  const raw = new Database(spec.dbFile, { readonly: true, fileMustExist: true });
  let staging: Staging | null = null;
  try {
    const now = new Date(spec.now);
    const { source, dryRun } = await dryRunFile(
      raw,
      spec.office,
      { file: spec.file, sheet: spec.sheet, columns: spec.columns, options: spec.options },
      { today: now, signal: io.signal, onProgress: (p) => io.progress({ rows: p.rows }) },
    );
    io.signal.throwIfAborted();
    io.progress({ rows: dryRun.summary.rows });
    staging = Staging.create(spec.dataDir, spec.uuid);
    staging.writeDryRun(dryRun);
    staging.setMeta({ fileName: spec.fileName, sheet: source.sheet });
    const written = await writeReviewSheet(spec.reviewPart, dryRun, translateId, {
      fileName: spec.fileName,
      made: now,
    });
    io.signal.throwIfAborted();
    renameSync(spec.reviewPart, spec.reviewAbs);
    return {
      summary: dryRun.summary,
      sheet: source.sheet,
      headers: source.headers,
      reviewRows: written.rows,
    };
  } catch (e) {
    rmSync(spec.reviewPart, { force: true });
    staging?.remove();
    throw e;
  } finally {
    staging?.close();
    raw.close();
  }
}

export const importJobs = { 'dry-run': dryRunJob };
export type ImportJobs = typeof importJobs;

serveJobs(importJobs, { cancelled: 'import.errors.cancelled' });
