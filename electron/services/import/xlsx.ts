import { createReadStream } from 'node:fs';
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from '../../../shared/import/cells';

/**
 * XLSX through exceljs's streaming WorkbookReader: the zip is read entry by entry and rows are handed on as
 * they are parsed, so a large sheet is never held whole. (When a workbook stores its shared strings after
 * the sheets, as Excel does, exceljs parks the sheet XML in a temporary file, not in memory.) Date cells
 * arrive as Dates, numbers as numbers: the cleaning rules need to know a number cell from text.
 */

interface SheetInfo {
  name: string;
  state?: string;
}

/** exceljs's types leave out what the streaming reader sets at run time. */
interface WorksheetReaderLike extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}
interface WorkbookReaderLike extends AsyncIterable<WorksheetReaderLike> {
  model?: { sheets?: SheetInfo[] };
}

function reader(input: NodeJS.ReadableStream): WorkbookReaderLike {
  return new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as Stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
}

/** The sheet names in the workbook's order, hidden ones left out. Reads only until the first sheet starts. */
export async function listSheets(file: string): Promise<string[]> {
  const input = createReadStream(file);
  try {
    const wb = reader(input);
    for await (const ws of wb) {
      const sheets = wb.model?.sheets;
      if (sheets?.length) return sheets.filter((s) => s.state !== 'hidden').map((s) => s.name);
      return ws.name ? [ws.name] : [];
    }
    return [];
  } finally {
    input.destroy();
  }
}

/** A cell's value as the rules read it: rich text joined, a formula's cached result, a link's text. */
export function cellValue(v: ExcelJS.CellValue | undefined): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && 'error' in r) return null;
      return cellValue(r as ExcelJS.CellValue);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return null;
  }
  return null;
}

export class SheetNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    readonly available: string[],
  ) {
    super(`sheet not found: ${sheet}`);
  }
}

/**
 * The rows of one sheet (by name, or the first visible sheet), one at a time. `line` is the sheet's row
 * number. Cells are 0-based in `cells`.
 */
export async function* readXlsxRows(
  file: string,
  sheet?: string | null,
  signal?: AbortSignal,
): AsyncGenerator<RawRow> {
  const input = createReadStream(file);
  const abort = () => input.destroy(new Error('aborted'));
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const wb = reader(input);
    const seen: string[] = [];
    for await (const ws of wb) {
      const visible = (wb.model?.sheets ?? []).filter((s) => s.state !== 'hidden').map((s) => s.name);
      const wanted = sheet ?? visible[0] ?? ws.name;
      if (ws.name) seen.push(ws.name);
      if (ws.name !== wanted && !(sheet == null && !visible.length)) {
        // A sheet parked in a temporary file (shared strings after the sheets, as Excel writes them) must be
        // read to its end before the next: exceljs deletes the file as soon as the loop moves on, and its
        // read stream, not yet open, then fails with ENOENT outside any handler (an uncaught exception in
        // main) and the wanted sheet was never read.
        for await (const skipped of ws) void skipped;
        continue;
      }
      for await (const row of ws) {
        signal?.throwIfAborted();
        const values = row.values as (ExcelJS.CellValue | undefined)[];
        const cells: RawCell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
        yield { line: row.number, cells };
      }
      return;
    }
    if (sheet) throw new SheetNotFoundError(sheet, seen);
  } finally {
    signal?.removeEventListener('abort', abort);
    input.destroy();
  }
}
