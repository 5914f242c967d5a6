/**
 * Export benchmark (issue 12): `export.xlsx_s_100k`, 100,000 businesses of the 1M register (bench/data,
 * migrated like the reports bench) written to XLSX the way the export worker writes them: the list's SQL
 * streamed with `iterate()`, every register column typed, masked where asked, neutralised, through exceljs's
 * WorkbookWriter (electron/services/export/write.ts), in this process (the worker adds its start-up,
 * ~0.3 s bundled).
 *
 * The floor (`export.xlsx_s_100k_floor`) is exceljs alone writing the same rows' raw values (the same
 * SELECT, no typing, no masking, no neutralising, no styles). `export.csv_s_100k` is the CSV of the same rows.
 *
 *   npm run bench -- export
 */
import ExcelJS from 'exceljs';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnsOf } from '../electron/services/export/columns';
import { iterateRows, type RowsQuery } from '../electron/services/export/rows';
import { writeExport } from '../electron/services/export/write';
import { openMigrated1m } from './reports.bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, 'data', 'export');
const N = 100_000;

export async function run(): Promise<Record<string, number>> {
  const raw = await openMigrated1m();
  mkdirSync(OUT, { recursive: true });
  const q: RowsQuery = {
    idsSql: `SELECT b.id AS id FROM businesses b WHERE b.archived_at IS NULL AND b.merged_into_id IS NULL
      ORDER BY b.registration_number LIMIT ${N}`,
    params: [],
    order: 'b.registration_number',
  };
  const load = os.loadavg()[0]!;
  const opts = {
    columns: columnsOf('register'),
    office: { districtName: 'Kalisat', regencyName: 'Kabupaten Jember', provinceName: 'Jawa Timur' },
    personalData: true,
    sheetName: 'Daftar IKM',
  };
  const xlsx = path.join(OUT, 'export-100k.xlsx');
  let t = performance.now();
  const rows = await writeExport(xlsx, iterateRows(raw, q), { ...opts, format: 'xlsx' });
  const xlsxS = (performance.now() - t) / 1000;
  const xlsxMb = statSync(xlsx).size / 2 ** 20;

  const csv = path.join(OUT, 'export-100k.csv');
  t = performance.now();
  await writeExport(csv, iterateRows(raw, q), { ...opts, format: 'csv' });
  const csvS = (performance.now() - t) / 1000;

  // floor: exceljs alone, the same rows as they come from SQLite
  const floorFile = path.join(OUT, 'floor-100k.xlsx');
  t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: floorFile,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('x');
  let n = 0;
  for (const r of iterateRows(raw, q)) {
    ws.addRow(Object.values(r)).commit();
    if (++n % 1000 === 0) await new Promise<void>((res) => setImmediate(res));
  }
  ws.commit();
  await wb.commit();
  const floorS = (performance.now() - t) / 1000;
  raw.close();
  for (const f of [xlsx, csv, floorFile]) rmSync(f, { force: true });
  process.stdout.write(`${rows} rows, XLSX ${xlsxMb.toFixed(1)} MB, load ${load.toFixed(2)}\n`);
  return {
    'export.xlsx_s_100k': xlsxS,
    'export.xlsx_s_100k_floor': floorS,
    'export.csv_s_100k': csvS,
    'export.xlsx_mb_100k': xlsxMb,
    'export.load_avg_1m': load,
  };
}
