import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  apiCall,
  atEachSize,
  expect,
  OFFICE,
  pickRegion,
  SCREENSHOT_DIR,
  setUpOffice,
  setUpOfficeByCall,
  shot,
  test,
} from './fixtures';

/**
 * Types `typed` into the region combobox `label`, sees `option` offered (a screenshot `shotName`) and picks it;
 * returns the combobox.
 */
async function searchAndPick(page: Page, label: string, typed: string, option: string, shotName: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await expect(page.getByRole('option', { name: option, exact: true })).toBeVisible();
  await shot(page, shotName);
  await page.getByRole('option', { name: option, exact: true }).click();
  return box;
}

test('the office picks its kecamatan from the Kemendagri list; About credits the data', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Daftar IKM' })).toBeVisible();
  // the lower levels wait for the level above
  await expect(page.getByRole('combobox', { name: 'Kabupaten/Kota', exact: true })).toBeDisabled();
  await pickRegion(page, 'Provinsi', OFFICE.provinceName);
  const regency = await searchAndPick(
    page,
    'Kabupaten/Kota',
    'jemb',
    'Kabupaten Jember',
    'refdata-01-regency-search',
  );
  const district = await searchAndPick(page, 'Kecamatan', 'kali', 'Kalisat', 'refdata-02-district-search');
  await expect(page.getByText('Kode Kemendagri: 35.09.27')).toBeVisible();
  await expect(page.getByText('Kode Kemendagri: 35.09', { exact: true })).toBeVisible();
  await shot(page, 'refdata-03-region-picked');

  // changing the province clears the kabupaten and kecamatan
  await pickRegion(page, 'Provinsi', 'Jawa Tengah');
  await expect(regency).toHaveValue('');
  await expect(district).toHaveValue('');
  await expect(district).toBeDisabled();
  // "Lanjut" refuses until a kecamatan is picked again
  await page.getByLabel('Alamat kantor').fill(OFFICE.address);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByLabel('Nama Camat')).toBeHidden();
  await shot(page, 'refdata-04-missing-kecamatan');

  // the shared set-up walk (the same one every other end-to-end test uses) finishes the job
  await page.reload();
  await setUpOffice(page);
  await expect(page.getByTestId('office-name')).toContainText('Kalisat');

  await page.getByRole('link', { name: 'Tentang' }).first().click();
  const credits = page.getByTestId('attributions');
  await expect(credits.getByTestId('dataset-idn-area-data')).toContainText('idn-area-data 4.0.1');
  await expect(credits.getByTestId('dataset-idn-area-data')).toContainText('ODbL');
  await expect(credits.getByTestId('dataset-idn-area-data')).toContainText(
    'Kepmendagri 300.2.2-2138 Tahun 2025',
  );
  await expect(credits.getByTestId('dataset-kbli')).toContainText('KBLI 2020');
  await shot(page, 'refdata-05-about');
});

test('desa, KBLI and size classes in the registry form come from the reference data', async ({
  page,
  app,
}) => {
  await setUpOffice(page, app.url);
  await page.goto(`${app.url}#/usaha/baru`);

  // KBLI found by an everyday word; the 2025 code first, with its 2020 counterpart shown once picked
  const kbli = page.getByTestId('kbli-picker');
  await kbli.click();
  await kbli.fill('keripik');
  await expect(page.getByRole('option').first()).toContainText('10794');
  await expect(page.getByRole('option').first()).toContainText('KBLI 2025');
  await shot(page, 'refdata-06-kbli-search');
  await page.getByRole('option').first().click();
  await expect(page.getByTestId('kbli-picker-version')).toContainText('padanan KBLI 2020: 10793, 10794');

  // a code the list lacks can be added by the office, then it is picked
  await kbli.click();
  await kbli.fill('47244');
  await page.getByRole('button', { name: 'Tambah kode KBLI yang belum ada' }).click();
  const modal = page.getByRole('dialog', { name: 'Tambah kode KBLI' });
  await expect(modal.getByLabel('Kode (5 angka)')).toHaveValue('47244');
  await modal.getByLabel('Judul resmi').fill('Perdagangan Eceran Tahu, Tempe, Tauco, dan Oncom');
  await shot(page, 'refdata-07-kbli-add');
  await modal.getByRole('button', { name: 'Tambahkan' }).click();
  await expect(kbli).toHaveValue('47244 — Perdagangan Eceran Tahu, Tempe, Tauco, dan Oncom');

  // desa: the office's own kecamatan first; a desa elsewhere is allowed with a warning
  const desa = page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true });
  await desa.click();
  await expect(page.getByText('Desa/kelurahan di Kecamatan Kalisat').filter({ visible: true })).toBeVisible();
  await expect(
    page.getByRole('option', { name: 'Sumberjeruk', exact: true }).filter({ visible: true }),
  ).toBeVisible();
  await shot(page, 'refdata-08-desa-own');
  await desa.fill('ajung');
  await expect(
    page
      .getByRole('option', { name: 'Ajung — Ajung, Kabupaten Jember, Jawa Timur' })
      .filter({ visible: true }),
  ).toBeVisible();
  await page
    .getByRole('option', { name: 'Ajung — Ajung, Kabupaten Jember, Jawa Timur' })
    .filter({ visible: true })
    .click();
  await expect(page.getByTestId('village-outside-warning').last()).toContainText('di luar Kecamatan Kalisat');
  await desa.click();
  await desa.fill('Ajung');
  await page.getByRole('option', { name: 'Ajung', exact: true }).filter({ visible: true }).click();
  await expect(page.getByTestId('village-outside-warning')).toHaveCount(0);

  // size classes are computed from the figures, each with its rule
  await page.getByLabel('Tenaga kerja laki-laki').fill('3');
  await page.getByLabel('Tenaga kerja perempuan').fill('2');
  await expect(page.getByTestId('size-class-bps-value')).toHaveText('Industri Kecil');
  // the rule is one click away (issue 11 item 15)
  await page.getByTestId('size-class-bps-info').click();
  await expect(page.getByTestId('size-class-bps-rule')).toContainText('5–19 tenaga kerja.');
  await page.keyboard.press('Escape');
  await page.getByTestId('size-classes').scrollIntoViewIfNeeded();
  await shot(page, 'refdata-09-size-classes');
});

test('KBLI by everyday words at their start, and NIK warnings, in the registry form', async ({
  page,
  app,
}) => {
  // what the clerk sees on a 1280 × 720 screen, not the whole page
  await page.setViewportSize({ width: 1280, height: 720 });
  const view = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  // the set-up walk is tested above: here the office is set up through the same channel, which is cheaper
  await setUpOfficeByCall(page, app.url);
  await page.goto(`${app.url}#/usaha/baru`);

  const kbli = page.getByTestId('kbli-picker');
  await kbli.click();
  // one word of several is enough; the codes naming the word come before those that exclude it
  await kbli.fill('tahu tempe');
  await expect(page.getByRole('option').nth(0)).toContainText(/10307\s*Pembuatan Tempe Kedelai/);
  await expect(page.getByRole('option').nth(1)).toContainText(/10308\s*Pembuatan Tahu Kedelai/);
  await view('refdata-10-kbli-tahu-tempe');
  // words match at their start ("tape" is not "Serat Stapel"), everyday words lead to their code
  await kbli.fill('tape');
  await expect(page.getByRole('option').first()).toContainText('10309');
  await expect(page.getByRole('option').filter({ hasText: 'Stapel' })).toHaveCount(0);
  await kbli.fill('sangkar burung');
  await expect(page.getByRole('option').first()).toContainText('16299');
  await view('refdata-11-kbli-sangkar-burung');
  await page.keyboard.press('Escape');

  // NIK: a birth date after today is refused; an owner under 17 is only a warning
  const nik = page.getByLabel('NIK pemilik');
  const toTop = () => page.evaluate(() => window.scrollTo(0, 0));
  // two days ahead: the page runs in Asia/Jakarta (UTC+7) and the runner may not, so "tomorrow" here can
  // already be today there (after 17:00 UTC)
  const tomorrow = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  await nik.fill(
    `350927${two(tomorrow.getDate())}${two(tomorrow.getMonth() + 1)}${two(tomorrow.getFullYear() % 100)}0001`,
  );
  await nik.blur();
  const future = page.getByText('Tanggal lahir pada NIK (digit 7–12) jatuh setelah hari ini.');
  await expect(future).toBeVisible();
  await toTop();
  await view('refdata-12-nik-future');
  await nik.fill('3509270101150001');
  await expect(page.getByTestId('nik-warning')).toContainText('di bawah 17');
  await expect(future).toHaveCount(0);
  await toTop();
  await view('refdata-13-nik-under-17');
});

test('size badges are named by their scheme; unknown workers say what is missing; the PP 7/2021 rule is a setting (issue 11 items 9 and 15)', async ({
  page,
  app,
}) => {
  await setUpOfficeByCall(page, app.url);
  // workers left empty; capital says mikro (Rp1 miliar), annual sales say kecil (Rp3 miliar)
  const created = await apiCall(page, 'business:create', {
    ownerName: 'Sri Wahyuni',
    name: 'Keripik Tempe Bu Sri',
    villageName: 'Ajung',
    workersMale: '',
    workersFemale: '',
    investment: '45.000.000',
    capital: '1.000.000.000',
    annualTurnover: '3.000.000.000',
  });
  expect(created.ok).toBe(true);
  // money through the API: plain Rupiah only
  const sci = await apiCall(page, 'business:create', {
    ownerName: 'Budi',
    name: 'Tahu Pak Budi',
    villageName: 'Ajung',
    capital: '1.5e9',
  });
  expect(sci.ok).toBe(false);

  await page.goto(`${app.url}#/usaha/${created.value!.id}`);
  await page.reload();
  await expect(page.getByTestId('size-class-industry-scheme')).toHaveText('Permenperin 64/2016:');
  await expect(page.getByTestId('size-class-bps-scheme')).toHaveText('BPS:');
  await expect(page.getByTestId('size-class-business-scheme')).toHaveText('PP 7/2021:');
  await expect(page.getByTestId('size-class-bps-value')).toHaveText(
    'Belum bisa ditentukan — jumlah tenaga kerja belum diisi',
  );
  await expect(page.getByTestId('size-class-industry-value')).toHaveText(
    'Belum bisa ditentukan — jumlah tenaga kerja belum diisi',
  );
  await expect(page.getByTestId('size-class-business-value')).toHaveText('Usaha Mikro');
  await expect(page.getByTestId('size-class-business-criteria')).toHaveText(
    'Menurut modal usaha: Usaha Mikro · Menurut hasil penjualan tahunan: Usaha Kecil — aturan: modal usaha',
  );
  // the long rule is not printed under the badges, it is one click away
  await expect(page.getByText('Tenaga kerja paling banyak 19 orang')).toHaveCount(0);
  await atEachSize(page, async (w) => {
    await page.getByTestId('size-classes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `size-badges-closed-${w}.png`) });
  });
  await page.getByTestId('size-class-business-info').click();
  await expect(page.getByTestId('size-class-business-rule')).toContainText('Ditentukan oleh modal usaha');
  await expect(page.getByTestId('size-class-business-rule')).toContainText(
    'aturan kantor: menurut modal usaha',
  );
  await atEachSize(page, async (w) => {
    await page.getByTestId('size-classes').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('size-class-business-rule')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `size-badges-${w}.png`) });
  });
  await page.keyboard.press('Escape');

  // the admin chooses annual sales on the settings page; the record follows
  await page.goto(`${app.url}#/pengaturan`);
  await expect(page.getByTestId('size-rule-settings')).toBeVisible();
  await page.getByLabel('Hasil penjualan tahunan (Pasal 35 ayat 5)').check();
  await page.getByTestId('size-rule-save').click();
  await expect(page.getByText('Aturan kelas usaha disimpan.')).toBeVisible();
  await page.getByTestId('size-rule-settings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'size-rule-settings-1366.png') });
  await page.goto(`${app.url}#/usaha/${created.value!.id}`);
  await expect(page.getByTestId('size-class-business-value')).toHaveText('Usaha Kecil');
  await expect(page.getByTestId('size-class-business-rule-used')).toContainText('hasil penjualan tahunan');
});
