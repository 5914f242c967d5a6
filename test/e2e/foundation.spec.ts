import { expect, logIn, setUpOffice, shot, test } from './fixtures';

test('a clerk sets up the office, registers a business and finds it again after a restart', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await shot(page, '01-setup');
  await setUpOffice(page);
  await expect(page.getByTestId('office-name')).toContainText('Kalisat');
  await shot(page, '02-home');

  await page.getByRole('link', { name: 'Daftarkan Usaha' }).first().click();
  await page.getByLabel('Nama pemilik').fill('Sri Wahyuni');
  await page.getByLabel('NIK pemilik').fill('3509274508850003');
  await expect(page.getByText('Dari NIK: perempuan, lahir 5 Agustus 1985')).toBeVisible();
  await page.getByLabel('Nama usaha').fill('Keripik Tempe Bu Sri');
  // the desa is picked from the office's kecamatan list
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).click();
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).fill('Ajung');
  await page.getByRole('option', { name: 'Ajung', exact: true }).click();
  await shot(page, '03-register-form');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  const year = new Date().getFullYear();
  await expect(page.getByTestId('registration-number')).toHaveText(`IKM-350927-${year}-00001`);
  await shot(page, '04-business-detail');

  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByTestId('business-table')).toContainText('Keripik Tempe Bu Sri');
  await expect(page.getByTestId('business-table')).toContainText('3509••••••••0003');

  // Restart the app: the record is still there (after signing in again).
  await page.goto(await app.restart());
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await shot(page, '05-login');
  await logIn(page);
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByTestId('business-table')).toContainText('Keripik Tempe Bu Sri');
  await shot(page, '06-list-after-restart');
});

test('a bad NIK is refused with a message next to the field and nothing is saved', async ({ page, app }) => {
  await page.goto(app.url);
  await setUpOffice(page);
  await page.getByRole('link', { name: 'Daftarkan Usaha' }).first().click();
  await page.getByLabel('Nama pemilik').fill('Ahmad Fauzi');
  await page.getByLabel('Nama usaha').fill('Tahu Tempe Pak Ahmad');
  // the desa is picked from the office's kecamatan list
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).click();
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).fill('Sumberjeruk');
  await page.getByRole('option', { name: 'Sumberjeruk', exact: true }).click();
  // Month 13 cannot be.
  await page.getByLabel('NIK pemilik').fill('3509271513850001');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  await expect(page.getByText('Bulan lahir pada NIK (digit 9–10) harus 01–12.')).toBeVisible();
  await page.getByLabel('NIK pemilik').fill('35092712');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  await expect(page.getByText('NIK harus 16 angka.')).toBeVisible();
  await shot(page, '07-bad-nik');
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByText('Belum ada usaha terdaftar')).toBeVisible();
});

test('the language can be switched to English and is remembered', async ({ page, app }) => {
  await page.goto(app.url);
  await setUpOffice(page);
  await page.getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(await app.restart());
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shot(page, '08-login-english');
});
