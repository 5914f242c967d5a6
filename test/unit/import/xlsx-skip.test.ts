import fs, { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { readXlsxRows } from '../../../electron/services/import/xlsx';
import { defaultSpec, generateMessyImport } from '../../fixtures/messy-import';

const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-xlsx-skip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * CI found an uncaught ENOENT while a test read the second sheet of a workbook. exceljs parks a sheet in a
 * temporary file (`tmp-<pid>-…`) when the shared strings come after the sheets, and deletes it as soon as the
 * reader moves on to the next sheet; a skipped sheet's read stream, not yet open, then failed outside any
 * handler (in main: an uncaught exception). A busy machine opens files late: here every read of such a
 * temporary file opens 30 ms late, which made it happen on every run before the fix.
 */
it('reads the second sheet while opening files late, with no error outside the reader', async () => {
  const m = await generateMessyImport(
    defaultSpec(20, { format: 'xlsx', seed: 3 }),
    path.join(dir, 'two.xlsx'),
  );
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  process.on('uncaughtException', onUncaught);
  const open = fs.open;
  const late = vi.spyOn(fs, 'open').mockImplementation((...a: unknown[]) => {
    const tmpRead =
      typeof a[0] === 'string' && /[\\/]tmp-\d+-/.test(a[0]) && (a[1] === 'r' || a[1] === undefined);
    const call = () => (open as (...x: unknown[]) => void)(...a);
    if (tmpRead) setTimeout(call, 30);
    else call();
  });
  try {
    for (let i = 0; i < 3; i++) {
      const lines: number[] = [];
      for await (const row of readXlsxRows(m.file, 'Rekap')) lines.push(row.line);
      expect(lines.length).toBeGreaterThan(1);
    }
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    late.mockRestore();
    process.off('uncaughtException', onUncaught);
  }
  expect(uncaught).toEqual([]);
});
