import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { RawRow } from '../../../shared/import/cells';
import { findHeader } from '../../../shared/import/headers';
import { detectCsvFormat, readCsvRows, type CsvFormat } from './csv';
import { listSheets, readXlsxRows, SheetNotFoundError } from './xlsx';

/**
 * An office's sheet opened for import: its kind (by its bytes, not its name), the CSV format or the sheet
 * chosen, the header row found among the first rows, and the data rows after it as a stream.
 */
export type SourceKind = 'csv' | 'xlsx';

export interface SourceInfo {
  kind: SourceKind;
  csv: CsvFormat | null;
  /** visible sheets of a workbook, in its order */
  sheets: string[];
  /** the sheet read (null for CSV) */
  sheet: string | null;
  /** row number of the (first) header row */
  headerLine: number;
  headers: string[];
}

export interface OpenedSource {
  info: SourceInfo;
  /** the data rows, after the header; each call starts reading the file again */
  rows: (signal?: AbortSignal) => AsyncIterable<RawRow>;
}

/** Rows searched for the header. */
const HEAD_ROWS = 20;

export async function sniffKind(file: string): Promise<SourceKind> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(8);
    const { bytesRead } = await fh.read(b, 0, 8, 0);
    if (bytesRead >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
    // the old binary .xls (an OLE compound file): exceljs cannot read it
    if (bytesRead >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1)
      throw new AppError('VALIDATION', 'import.errors.xlsNotSupported');
    return 'csv';
  } finally {
    await fh.close();
  }
}

function rowsOf(
  file: string,
  kind: SourceKind,
  csv: CsvFormat | null,
  sheet: string | null,
  signal?: AbortSignal,
) {
  return kind === 'csv' ? readCsvRows(file, csv!, signal) : readXlsxRows(file, sheet, signal);
}

export async function openSource(
  file: string,
  opts: { sheet?: string | null; signal?: AbortSignal } = {},
): Promise<OpenedSource> {
  try {
    return await openChecked(file, opts);
  } catch (e) {
    throw readError(e);
  }
}

async function openChecked(
  file: string,
  opts: { sheet?: string | null; signal?: AbortSignal },
): Promise<OpenedSource> {
  const kind = await sniffKind(file);
  const csv = kind === 'csv' ? await detectCsvFormat(file) : null;
  const sheets = kind === 'xlsx' ? await listSheets(file) : [];
  if (kind === 'xlsx' && opts.sheet && !sheets.includes(opts.sheet))
    throw new AppError('VALIDATION', 'import.errors.sheetNotFound', {
      params: { sheet: opts.sheet, sheets: sheets.join(', ') },
    });
  const sheet = kind === 'xlsx' ? (opts.sheet ?? sheets[0] ?? null) : null;

  // the header: the most header-like of the first rows
  const head: RawRow[] = [];
  for await (const r of rowsOf(file, kind, csv, sheet, opts.signal)) {
    head.push(r);
    if (head.length >= HEAD_ROWS) break;
  }
  const found = findHeader(head);
  if (!found) throw new AppError('VALIDATION', 'import.errors.noHeader');
  const headerLine = head[found.index]!.line;
  const lastHeaderLine = head[found.index + found.rows - 1]!.line;
  return {
    info: { kind, csv, sheets, sheet, headerLine, headers: found.headers },
    rows: (signal) => dataRows(rowsOf(file, kind, csv, sheet, signal), lastHeaderLine),
  };
}

async function* dataRows(rows: AsyncIterable<RawRow>, after: number): AsyncGenerator<RawRow> {
  try {
    for await (const r of rows) if (r.line > after) yield r;
  } catch (e) {
    throw readError(e);
  }
}

/** A file the libraries cannot read becomes a message for the clerk, not a stack trace. */
function readError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof SheetNotFoundError)
    return new AppError('VALIDATION', 'import.errors.sheetNotFound', {
      params: { sheet: e.sheet, sheets: e.available.join(', ') },
    });
  if (e instanceof Error && (e.name === 'AbortError' || e.message === 'aborted')) return e;
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', 'import.errors.fileMissing');
  return new AppError('VALIDATION', 'import.errors.unreadable');
}
