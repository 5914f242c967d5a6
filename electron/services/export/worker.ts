/**
 * The export feature's worker entry (bundled as export-worker.mjs; from source through tsx). Its job writes
 * one export file from its own read-only connection, so 100,000 rows never hold the main event loop that
 * serves the screen. Progress is the number of rows written; a cancel removes the half-written file.
 */
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { serveJobs } from '../jobs/host';
import type { JobIo } from '../jobs/protocol';
import type { ExportFormat, ExportShape } from '../../../shared/schemas/export';
import { columnsOf, type ExportOffice } from './columns';
import { countRows, iterateRows, type RowsQuery } from './rows';
import { writeExport } from './write';

export interface ExportSpec {
  dbFile: string;
  query: RowsQuery;
  format: ExportFormat;
  shape: ExportShape;
  office: ExportOffice;
  personalData: boolean;
  sheetName: string;
  /** written here, renamed to `outAbs` when complete */
  partAbs: string;
  outAbs: string;
}

export type ExportProgressMsg = { total: number } | { done: number };

async function writeExportJob(spec: ExportSpec, io: JobIo<ExportProgressMsg>): Promise<{ rows: number }> {
  const raw = new Database(spec.dbFile, { readonly: true, fileMustExist: true });
  try {
    io.signal.throwIfAborted();
    io.progress({ total: countRows(raw, spec.query) });
    const rows = await writeExport(spec.partAbs, iterateRows(raw, spec.query), {
      format: spec.format,
      columns: columnsOf(spec.shape),
      office: spec.office,
      personalData: spec.personalData,
      sheetName: spec.sheetName,
      signal: io.signal,
      onRows: (done) => io.progress({ done }),
    });
    // a cancel that came while the last rows were written still wins: no file appears
    io.signal.throwIfAborted();
    renameSync(spec.partAbs, spec.outAbs);
    return { rows };
  } catch (e) {
    rmSync(spec.partAbs, { force: true });
    throw e;
  } finally {
    raw.close();
  }
}

export const exportJobs = { 'write-export': writeExportJob };
export type ExportJobs = typeof exportJobs;

serveJobs(exportJobs, { cancelled: 'export.errors.cancelled' });
