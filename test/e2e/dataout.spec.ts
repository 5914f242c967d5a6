import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  apiCall,
  atEachSize,
  expect,
  SCREENSHOT_DIR,
  setUpOffice,
  shot,
  shotEachSize,
  test,
} from './fixtures';

const OUT = path.join('test-results', 'dataout');
const EVIL = "=cmd|' /C calc'!A0";

/** this month: the businesses the test registers today are in it */
function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

test('a clerk exports the list to XLSX, opens the reports page and makes the monthly report', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await setUpOffice(page, app.url);
  const villages = ['Kalisat', 'Sumberjati', 'Ajung', 'Glagahwero', 'Sumberketempah'];
  const names = [
    EVIL,
    'Keripik Tempe Bu Sri',
    'Tahu Pak Darto',
    'Batik Tulis Melati',
    'Kopi Rakyat Kalisat',
    'Tape Singkong Manis',
    'Rengginang Lorjuk',
    'Jamu Gendong Sehat',
    'Anyaman Bambu Jaya',
    'Sambal Pecel Mbok Yem',
    'Roti Kukus Harum',
    'Gula Kelapa Murni',
    'Mebel Jati Abadi',
    'Dodol Nangka Bu Tin',
    'Emping Melinjo Super',
    'Kerupuk Ikan Segar',
    'Sandal Kulit Awet',
    'Madu Hutan Lestari',
  ];
  const ids: number[] = [];
  for (let i = 0; i < 18; i++) {
    const r = await apiCall(page, 'business:create', {
      ownerName: `Pemilik ${i + 1}`,
      ownerNik:
        i === 0 ? '3509274405800003' : i % 3 === 1 ? `35092712037${String(i).padStart(4, '0')}1` : null,
      name: names[i]!,
      villageName: villages[i % villages.length]!,
      workersMale: 1 + (i % 4),
      workersFemale: i % 3,
      investment: 10_000_000 * (i + 1),
      kbliCode: ['10794', '13134', '10761'][i % 3],
      kbliVersion: '2020',
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    ids.push(r.value!.id);
  }
  // permits for the coverage section: an NIB in Kalisat, an SKU in Sumberjati; one business at a pelatihan
  const types = await apiCall(page, 'permit:types', {});
  const typeId = (code: string) => types.value!.find((t) => t.code === code)!.id;
  for (const p of [
    { businessId: ids[0]!, typeId: typeId('nib'), number: '9120001234567', whileOperating: true },
    {
      businessId: ids[1]!,
      typeId: typeId('sku'),
      number: '503/7/2026',
      validUntil: `${Number(thisMonth().slice(0, 4)) + 1}-01-31`,
    },
  ]) {
    const r = await apiCall(page, 'permit:create', p);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
  }

  // 1. Export the list (filtered to Kalisat) to XLSX; the download is read back with exceljs.
  await page.goto(`${app.url}#/usaha`);
  await page.getByRole('button', { name: 'Ekspor' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel (XLSX)' }).first().click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  const file = path.join(OUT, 'daftar.xlsx');
  mkdirSync(OUT, { recursive: true });
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const nikCol = headers.indexOf('NIK Pemilik') + 1;
  const nameCol = headers.indexOf('Nama Usaha') + 1;
  let evil: ExcelJS.Row | null = null;
  ws.eachRow((r, i) => {
    if (i > 1 && String(r.getCell(nameCol).value).includes('cmd')) evil = r;
  });
  expect(ws.rowCount).toBe(19);
  expect(evil).not.toBeNull();
  expect(String(evil!.getCell(nameCol).value)).toBe(`'${EVIL}`);
  expect(evil!.getCell(nikCol).type).toBe(ExcelJS.ValueType.String);
  expect(evil!.getCell(nikCol).value).toBe('3509274405800003');
  await shot(page, 'dataout-01-export-done');
  await page.getByRole('button', { name: 'Tutup' }).click();

  // 2. The reports page: every breakdown as a chart and a table.
  await page.goto(`${app.url}#/laporan`);
  await expect(page.getByTestId('report-total')).toHaveText('Jumlah IKM terdaftar: 18');
  await expect(page.getByTestId('report-village').getByRole('row')).toHaveCount(6);
  await expect(page.getByTestId('report-sex').getByText('Perempuan')).toBeVisible();
  // the PP 7/2021 table names the office's rule (the default: capital)
  await expect(page.getByTestId('report-business-note')).toContainText('kelas dihitung menurut modal usaha');
  // permit coverage, loaded after the first view: two of the 18 hold a permit in force
  const holding = (label: string) =>
    page
      .getByTestId('report-permits-holding')
      .getByRole('row')
      .filter({ hasText: label })
      .getByRole('cell')
      .nth(1);
  await expect(holding('Memiliki paling sedikit satu izin berlaku')).toHaveText('2');
  await expect(holding('Belum memiliki izin berlaku')).toHaveText('16');
  await expect(page.getByTestId('permit-type-nib').getByRole('cell').nth(1)).toHaveText('1');
  await shotEachSize(page, 'dataout-02-reports');

  // the period with the month picker: "from" by mouse, "to" by keyboard; this month holds all 18
  const month = thisMonth();
  const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric' }).format(new Date());
  await page.getByTestId('report-from').click();
  await page.locator(`[data-dates-dropdown] [data-month="${month}"]`).click();
  await expect(page.getByTestId('report-from')).toHaveText(monthName);
  await page.getByTestId('report-to').focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-dates-dropdown] [data-month="${month}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-to')).toHaveText(monthName);
  await expect(page.getByTestId('report-to')).toBeFocused();
  await expect(page.getByTestId('report-total')).toHaveText('Jumlah IKM terdaftar: 18');
  await expect(page.getByTestId('report-permit-types')).toContainText('Terbit dalam periode');
  await expect(page.getByTestId('permit-type-sku').getByRole('cell').nth(1)).toHaveText('1');
  await atEachSize(page, async (w, h) => {
    await page.getByTestId('report-permits').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `dataout-03-coverage-${w}x${h}.png`) });
  });

  // filtered by desa
  await page.getByRole('combobox', { name: 'Desa/kelurahan' }).click();
  await page.getByRole('option', { name: 'Sumberjati' }).click();
  await expect(page.getByTestId('report-total')).toHaveText('Jumlah IKM terdaftar: 4');
  await expect(holding('Memiliki paling sedikit satu izin berlaku')).toHaveText('1');
  await expect(holding('Belum memiliki izin berlaku')).toHaveText('3');

  // 3. The monthly report: one action, kept and listed; its PDF read back and drawn as PNG.
  await page.getByTestId('monthly-month').click();
  const pick = page.locator(`[data-dates-dropdown] [data-month="${month}"]`);
  // wait for the picker to be open before asking what it shows (isVisible does not wait): the field starts
  // at last month, so only in January is this month in the next year
  await expect(page.locator('[data-dates-dropdown]')).toBeVisible();
  if (!(await pick.isVisible())) await page.getByRole('button', { name: 'Tahun berikutnya' }).click();
  await pick.click();
  await expect(page.getByTestId('monthly-month')).toHaveText(monthName);
  await page.getByRole('button', { name: 'Buat laporan bulanan' }).click();
  await expect(page.getByTestId('monthly-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('monthly-list').getByText(`laporan-ikm-${month}.pdf`)).toBeVisible();
  const token = await page.locator('meta[name="daftar-ikm-token"]').getAttribute('content');
  const res = await page.request.get(
    new URL(`/files/exports/laporan-bulanan/laporan-ikm-${month}.pdf?token=${token}`, page.url()).href,
  );
  expect(res.status()).toBe(200);
  const pdf = path.join(OUT, `laporan-ikm-${month}.pdf`);
  (await import('node:fs')).writeFileSync(pdf, await res.body());
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('KECAMATAN KALISAT');
  expect(text).toContain('Menurut desa/kelurahan');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'monthly')]);

  // the report PDF of the current view (the desa filter) through the same layer
  const r = await apiCall(page, 'report:pdf', {});
  expect(r.ok).toBe(true);
});
