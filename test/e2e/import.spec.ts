import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RegisterSeed } from '../fixtures/messy-import';
import { apiCall, expect, setUpOfficeByCall, shotEachSize, test, tmpDir } from './fixtures';

interface Messy {
  summary: Record<string, number>;
  register: RegisterSeed[];
  rows: { line: number; name: string; problem: string | null }[];
}

async function shots(page: Page, name: string) {
  await shotEachSize(page, `import-${name}`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The list, searched for one name. */
async function searchList(page: Page, name: string) {
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await page.getByTestId('business-search').fill(name);
}

test('a clerk imports a messy 500-row CSV, corrects a mapping, reviews the summary, commits, finds the history line and undoes the import', async ({
  page,
  app,
}) => {
  test.slow(); // the long walk: upload, dry run and commit of 500 rows, the list, the undo
  // the generator runs in a child process (it loads main-side modules Playwright's loader does not take)
  const dir = tmpDir('daftar-ikm-import-');
  const file = path.join(dir, 'data-ikm-kalisat.csv');
  const m = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/make-messy.ts', '500', file], {
      encoding: 'utf8',
    }),
  ) as Messy;

  await page.setViewportSize({ width: 1280, height: 720 });
  // cheap set-up: the office and the register's businesses the file repeats, through channels
  await setUpOfficeByCall(page, app.url);
  for (const r of m.register) {
    const c = await apiCall(page, 'business:create', r);
    expect(c.ok, JSON.stringify(c.error)).toBe(true);
  }

  // 1. The file, through a plain file input (sent in chunks)
  await page.getByRole('link', { name: 'Impor Data' }).click();
  await expect(page.getByRole('heading', { name: 'Impor Data' })).toBeVisible();
  await page.getByLabel('Pilih berkas').setInputFiles(file);
  await expect(page.getByTestId('import-file-name')).toHaveText('data-ikm-kalisat.csv');

  // 2. The mapping: "Keterangan" holds the permits, but is proposed as the notes; the clerk corrects it
  const ket = page.getByRole('combobox', { name: 'Isian untuk kolom Keterangan' });
  await expect(ket).toHaveValue('Catatan');
  await expect(page.getByRole('combobox', { name: 'Isian untuk kolom Nama Usaha' })).toHaveValue(
    'Nama usaha *',
  );
  await ket.click();
  await ket.fill('Izin');
  await page.getByRole('option', { name: 'Izin (teks bebas)' }).click();
  await expect(ket).toHaveValue('Izin (teks bebas)');
  await expect(page.getByTestId('mapping-problems')).toHaveCount(0);
  await shots(page, '01-mapping');

  // 2b. The mapping saved under a name, then deleted again from the saved mappings (after a confirmation)
  await page.getByRole('button', { name: 'Simpan pemetaan' }).click();
  await page.getByLabel('Nama pemetaan').fill('Format Kalisat');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Pemetaan "Format Kalisat" disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Kelola', exact: true }).click();
  const saved = page.getByTestId('saved-mappings');
  await expect(saved).toContainText('Format Kalisat');
  await shots(page, '01b-saved-mappings');
  await saved.getByRole('button', { name: 'Hapus pemetaan Format Kalisat' }).click();
  await expect(
    page.getByText('Pemetaan "Format Kalisat" dihapus dan tidak bisa dipilih lagi.', { exact: false }),
  ).toBeVisible();
  await shots(page, '01c-delete-mapping');
  await page.getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByText('Belum ada pemetaan tersimpan.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Pemetaan tersimpan' })).toHaveCount(0);
  const listed = await apiCall(page, 'import:mappings');
  expect(listed.value?.map((x) => x.name)).toEqual([]);

  // 3. The dry run: the summary shows exactly what the generator put in
  await page.getByRole('button', { name: 'Uji coba impor' }).click();
  await expect(page.getByTestId('dryrun-done')).toBeVisible({ timeout: 120_000 });
  for (const k of [
    'rows',
    'ready',
    'needsReview',
    'duplicatesInFile',
    'duplicatesInRegister',
    'nikDamaged',
    'villageUnknown',
    'blocked',
    'villageDoubtful',
    'villageCorrected',
    'permitCandidates',
    'blankRows',
  ])
    await expect(page.getByTestId(`summary-${k}-value`), k).toHaveText(String(m.summary[k]));
  await shots(page, '02-summary');
  // the review sheet: every row that needs a person
  const download = page.waitForEvent('download');
  await page.getByTestId('review-sheet').click();
  const sheet = path.join(dir, 'tinjauan.xlsx');
  await (await download).saveAs(sheet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sheet);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Perlu diperiksa', 'Calon izin']);
  const lines = new Set<number>();
  wb.getWorksheet('Perlu diperiksa')!.eachRow((r, n) => n > 1 && lines.add(Number(r.getCell(1).value)));
  expect(lines.size).toBe(m.summary.needsReview);

  // 4. Decisions: the doubtful desa confirmed as proposed, the unknown ones kept as written; one group of
  //    rows in the file merged; the rest left waiting (not imported)
  await page.getByRole('button', { name: /^Lanjut: \d+ keputusan$/ }).click();
  const villages = page.getByTestId('decide-tab-villages');
  await villages.click();
  await page.getByRole('button', { name: /^Pastikan semua usulan/ }).click();
  await expect(villages).toContainText(`${m.summary.villageDoubtful}/`);
  const asText = page.getByTestId('village-decisions').getByRole('button', { name: 'Simpan sebagai teks' });
  for (let left = m.summary.villageUnknown!; left > 0; left--) {
    await expect(asText).toHaveCount(left);
    await asText.first().click();
  }
  await expect(villages).toContainText(/(\d+)\/\1/);
  await page.getByTestId('decide-tab-file').click();
  await page.getByTestId('group-decisions').getByText('Gabungkan', { exact: true }).first().click();
  await expect(page.getByTestId('decide-tab-file')).toContainText('1/');
  await shots(page, '03-decisions');

  // 5. The commit, and its result
  await page.getByRole('button', { name: 'Impor ke daftar' }).click();
  await expect(page.getByTestId('commit-done')).toBeVisible({ timeout: 120_000 });
  const waiting = Number(await page.getByTestId('result-waiting-value').innerText());
  expect(waiting).toBeGreaterThan(0);
  expect(waiting).toBeLessThan(m.summary.blocked!);
  await expect(page.getByTestId('import-history')).toContainText('data-ikm-kalisat.csv');
  // the history line says what became of the rows: the result's counts, which account for every row
  const line = page
    .getByTestId('import-history')
    .getByRole('row')
    .filter({ hasText: 'data-ikm-kalisat.csv' });
  let accounted = 0;
  for (const k of ['created', 'merged', 'filled', 'skipped', 'waiting']) {
    const n = await page.getByTestId(`result-${k}-value`).innerText();
    await expect(line.getByTestId(`history-${k}`), k).toHaveText(n);
    if (k !== 'filled') accounted += Number(n);
  }
  expect(accounted).toBe(m.summary.rows);
  await expect(line.getByTestId('history-merged')).not.toHaveText('0');
  await shots(page, '04-result');

  // 6. An imported business in the list, with its history line
  // a ready row whose name no other row's name contains (the list's search is fuzzy)
  const row = m.rows.find(
    (r) => r.problem === null && r.line > 40 && m.rows.every((o) => o === r || !o.name.includes(r.name)),
  )!;
  const rowOf = (name: string) =>
    page.getByTestId('business-row').filter({ has: page.getByText(name, { exact: true }) });
  await page.getByRole('link', { name: 'Lihat daftar usaha' }).click();
  await page.getByTestId('business-search').fill(row.name);
  await rowOf(row.name).click();
  await expect(page.getByTestId('card-history')).toContainText(
    `Diimpor dari data-ikm-kalisat.csv, baris ${row.line}`,
  );

  // 7. The import undone as a whole: the business leaves the list
  await page.getByRole('link', { name: 'Impor Data' }).click();
  const history = page.getByTestId('import-history');
  await history.getByRole('button', { name: 'Batalkan impor' }).click();
  await page.getByRole('button', { name: 'Ya, batalkan impor' }).click();
  await expect(history.getByText('Dibatalkan', { exact: true })).toBeVisible();
  await searchList(page, row.name);
  await expect(page.getByText('Tidak ada yang cocok', { exact: false })).toBeVisible();
  await expect(rowOf(row.name)).toHaveCount(0);
});
