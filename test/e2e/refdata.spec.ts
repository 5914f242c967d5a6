import { expect, OFFICE, pickRegion, setUpOffice, shot, test } from './fixtures';

test('the office picks its kecamatan from the Kemendagri list; About credits the data', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Daftar IKM' })).toBeVisible();
  // the lower levels wait for the level above
  await expect(page.getByRole('combobox', { name: 'Kabupaten/Kota', exact: true })).toBeDisabled();
  await pickRegion(page, 'Provinsi', OFFICE.provinceName);
  const regency = page.getByRole('combobox', { name: 'Kabupaten/Kota', exact: true });
  await regency.click();
  await regency.fill('jemb');
  await expect(page.getByRole('option', { name: 'Kabupaten Jember', exact: true })).toBeVisible();
  await shot(page, 'refdata-01-regency-search');
  await page.getByRole('option', { name: 'Kabupaten Jember', exact: true }).click();
  const district = page.getByRole('combobox', { name: 'Kecamatan', exact: true });
  await district.click();
  await district.fill('kali');
  await expect(page.getByRole('option', { name: 'Kalisat', exact: true })).toBeVisible();
  await shot(page, 'refdata-02-district-search');
  await page.getByRole('option', { name: 'Kalisat', exact: true }).click();
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
