import type { Page } from '@playwright/test';
import { expect, fillByLabel, setUpOffice, shot, test } from './fixtures';

/** Picks a desa in a VillagePicker: types part of the name, clicks the option. */
async function pickVillage(page: Page, label: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(input).toHaveValue(name);
}

async function openRegister(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Daftarkan Usaha' }).first().click();
  await expect(page.getByTestId('business-form')).toBeVisible();
}

test('a clerk registers a home industry completely, a near-duplicate is caught side by side, an edit shows in the timeline, archive and restore', async ({
  page,
  app,
}) => {
  await setUpOffice(page, app.url);
  const year = new Date().getFullYear();

  // ── 1. The complete registration ──
  await openRegister(page);
  await page.getByLabel('Nama pemilik').fill('Sri Wahyuni');
  // region digits that are not in the Kemendagri list: a warning, not an error
  await page.getByLabel('NIK pemilik').fill('9909274508850003');
  await expect(page.getByTestId('nik-region-warning')).toContainText('Kode provinsi 99');
  await page.getByLabel('NIK pemilik').fill('3509274508850003');
  await expect(page.getByText('Dari NIK: perempuan, lahir 5 Agustus 1985')).toBeVisible();
  await expect(page.getByTestId('nik-region-warning')).toBeHidden();
  // sex and date of birth are pre-filled from the NIK, and stay editable
  await expect(page.getByLabel('Tanggal lahir')).toHaveValue('05/08/1985'); // entered and shown dd/mm/yyyy (issue 11 item 16)
  await expect(page.getByRole('radio', { name: 'Perempuan' })).toBeChecked();
  await page.getByLabel('Tempat lahir').fill('Jember');
  await page.getByLabel('Nomor HP/WA').fill('0812-3456-7890');
  await page.getByLabel('Alamat rumah (jalan, dusun, nomor)').fill('Dusun Krajan');
  await page.getByLabel('RT', { exact: true }).first().fill('2');
  await page.getByLabel('RW', { exact: true }).first().fill('14');
  await pickVillage(page, 'Desa tempat tinggal', 'Ajung');

  await page.getByLabel('Nama usaha').fill('Keripik Tempe Bu Sri');
  await page.getByLabel('Produk', { exact: true }).fill('Keripik tempe original dan pedas');
  await page.getByLabel('Merek').fill('Sri Rasa');
  // KBLI found by an everyday word
  const kbli = page.getByRole('combobox', { name: 'KBLI', exact: true });
  await kbli.click();
  await kbli.fill('keripik');
  const firstKbli = page.getByRole('option').first();
  await expect(firstKbli).toBeVisible();
  const kbliText = (await firstKbli.innerText()).trim();
  const kbliCode = /\d{5}/.exec(kbliText)?.[0] ?? '';
  expect(kbliCode).toMatch(/^\d{5}$/);
  await firstKbli.click();
  await page.getByRole('combobox', { name: 'Bentuk usaha' }).click();
  await page.getByRole('option', { name: 'Perorangan' }).click();
  await page.getByLabel('Tahun mulai usaha').fill('2015');
  await page.getByRole('button', { name: 'Sama dengan alamat rumah pemilik' }).click();
  await expect(page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true })).toHaveValue('Ajung');
  await fillByLabel(page, {
    'Tenaga kerja laki-laki': '1',
    'Tenaga kerja perempuan': '3',
    'Nilai investasi (di luar tanah dan bangunan)': '45000000',
    'Modal usaha (di luar tanah dan bangunan)': '30000000',
    'Hasil penjualan tahunan': '180000000',
    'Kapasitas produksi': '1500',
    'Satuan kapasitas': 'kg/bulan',
    'Bahan baku utama': 'Tempe, minyak goreng, tepung beras',
    'Pemakaian energi (listrik, BBM, LPG)': 'LPG 3 kg, 8 tabung/bulan',
    'Pemakaian air': 'Sumur',
  });
  await page.getByRole('checkbox', { name: 'Sama dengan NIK' }).check();
  await page.getByText('Modal', { exact: true }).click();
  await page.getByText('Pemasaran', { exact: true }).click();
  await page.getByText('Sertifikasi halal', { exact: true }).click();
  await shot(page, 'registry-01-form-complete');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();

  await expect(page.getByTestId('registration-number')).toHaveText(`IKM-350927-${year}-00001`);
  const firstUrl = page.url();
  const owner = page.getByTestId('card-owner');
  await expect(owner).toContainText('Sri Wahyuni');
  await expect(owner).toContainText('3509••••••••0003');
  await expect(owner).toContainText('Perempuan');
  await expect(owner).toContainText('+62 812-3456-7890');
  await expect(owner).toContainText('Dusun Krajan, RT 002/RW 014, Ajung');
  await expect(page.getByTestId('kbli')).toContainText(kbliCode);
  await expect(page.getByTestId('card-business')).toContainText('Perorangan');
  await expect(page.getByText('Rp45.000.000')).toBeVisible();
  await expect(page.getByTestId('business-timeline')).toContainText(
    `Didaftarkan dengan nomor IKM-350927-${year}-00001`,
  );
  await shot(page, 'registry-02-record');

  // ── 2. The same owner again with a near-identical name in the same desa ──
  await openRegister(page);
  await page.getByLabel('Nama pemilik').fill('Sri Wahyuni');
  await page.getByLabel('NIK pemilik').fill('3509274508850003');
  await page.getByLabel('Nama usaha').fill('Kripik Tempe Sri');
  await pickVillage(page, 'Desa/kelurahan', 'Ajung');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  const modal = page.getByTestId('duplicates-modal');
  await expect(modal).toBeVisible();
  await expect(modal).toContainText('NIK sama');
  await expect(modal).toContainText('Nama mirip di desa yang sama');
  const compare = page.getByTestId('duplicates-compare');
  await expect(compare).toContainText('Kripik Tempe Sri');
  await expect(compare).toContainText('Keripik Tempe Bu Sri');
  await expect(compare).toContainText(`IKM-350927-${year}-00001`);
  // the name differs, the NIK does not
  await expect(compare.locator('td[data-differs="true"]').first()).toBeVisible();
  await page.screenshot({ path: 'test/e2e/screenshots/registry-03-duplicate-side-by-side.png' });
  await page.getByRole('button', { name: 'Usaha yang berbeda' }).click();
  await expect(page.getByTestId('registration-number')).toHaveText(`IKM-350927-${year}-00002`);
  await expect(page.getByTestId('business-timeline')).toContainText('Dinyatakan usaha yang berbeda');
  // same NIK, a different business: one person with two businesses, not two people
  await expect(page.getByTestId('card-other-businesses')).toContainText('Keripik Tempe Bu Sri');
  await expect(page.getByTestId('card-owner')).toContainText('+62 812-3456-7890');

  // ── 3. An edit with a reason shows in the timeline ──
  await page.goto(firstUrl);
  await page.getByRole('link', { name: 'Ubah' }).click();
  await expect(page.getByRole('heading', { name: 'Ubah Data Usaha' })).toBeVisible();
  await page.getByLabel('Tenaga kerja perempuan').fill('6');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Tulis alasan perubahan').first()).toBeVisible();
  await page.getByLabel('Alasan perubahan').fill('Hasil kunjungan lapangan');
  await shot(page, 'registry-04-edit-with-reason');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  const timeline = page.getByTestId('business-timeline');
  await expect(timeline).toContainText('Data diubah');
  await expect(timeline).toContainText('Tenaga kerja perempuan: 3 orang → 6 orang');
  await expect(timeline).toContainText('Alasan: Hasil kunjungan lapangan');
  await expect(timeline).toContainText('oleh siti');
  await shot(page, 'registry-05-timeline');

  // ── 4. Archive and restore ──
  await page.getByRole('button', { name: 'Arsipkan' }).click();
  await page.getByRole('button', { name: 'Arsipkan' }).last().click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await page.getByLabel('Alasan diarsipkan').fill('Salah input, usaha pindah ke kecamatan lain');
  await page.getByRole('button', { name: 'Arsipkan' }).last().click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await expect(timeline).toContainText('Diarsipkan');
  await shot(page, 'registry-06-archived');
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByTestId('business-table')).toContainText('Kripik Tempe Sri');
  await expect(page.getByTestId('business-table')).not.toContainText('Keripik Tempe Bu Sri');
  await page.goto(firstUrl);
  await page.getByRole('button', { name: 'Pulihkan' }).click();
  await page.getByRole('button', { name: 'Pulihkan' }).last().click();
  await expect(page.getByTestId('archived-banner')).toBeHidden();
  await expect(timeline).toContainText('Dipulihkan');
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByTestId('business-table')).toContainText('Keripik Tempe Bu Sri');
});

test('two records of one business are merged after comparing them side by side', async ({ page, app }) => {
  await setUpOffice(page, app.url);
  const year = new Date().getFullYear();
  for (const [name, nik] of [
    ['Sambel Pecel Mbok Darmi', ''],
    ['Sambal Pecel Darmi', '3509275506700002'],
  ] as const) {
    await openRegister(page);
    await page.getByLabel('Nama pemilik').fill('Darmi');
    if (nik) await page.getByLabel('NIK pemilik').fill(nik);
    await page.getByLabel('Nama usaha').fill(name);
    await page.getByLabel('Produk', { exact: true }).fill(nik ? 'Sambel pecel 250 g' : '');
    await pickVillage(page, 'Desa/kelurahan', 'Kalisat');
    await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
    if (nik) {
      await expect(page.getByTestId('duplicates-modal')).toBeVisible();
      await page.getByRole('button', { name: 'Usaha yang berbeda' }).click();
    }
    await expect(page.getByTestId('registration-number')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await page.getByTestId('business-table').getByText('Sambel Pecel Mbok Darmi').click();
  await page.getByRole('button', { name: 'Gabungkan' }).click();
  const pick = page.getByRole('combobox', { name: 'Data yang digabungkan ke sini' });
  await pick.click();
  await pick.fill('Sambal');
  await page.getByRole('option', { name: /Sambal Pecel Darmi/ }).click();
  const compare = page.getByTestId('merge-compare');
  await expect(compare).toContainText('Sambel pecel 250 g');
  await page.getByLabel('Alasan penggabungan').fill('Terdaftar dua kali');
  await page.screenshot({ path: 'test/e2e/screenshots/registry-07-merge-side-by-side.png' });
  await page.getByRole('button', { name: 'Gabungkan' }).last().click();
  await expect(page.getByTestId('business-timeline')).toContainText(
    `Digabungkan dengan IKM-350927-${year}-00002 (Sambal Pecel Darmi)`,
  );
  await expect(page.getByTestId('card-business')).toContainText('Sambel pecel 250 g');
  await shot(page, 'registry-08-merged');
});

test('a second business is registered for an owner found by NIK, without a second person', async ({
  page,
  app,
}) => {
  await setUpOffice(page, app.url);
  await openRegister(page);
  await page.getByLabel('Nama pemilik').fill('Ahmad Fauzi');
  await page.getByLabel('NIK pemilik').fill('3509271203900001');
  await page.getByLabel('Nomor HP/WA').fill('081999888777');
  await page.getByLabel('Nama usaha').fill('Tahu Tempe Pak Ahmad');
  await pickVillage(page, 'Desa/kelurahan', 'Sumberjeruk');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  await expect(page.getByTestId('registration-number')).toBeVisible();

  await openRegister(page);
  const search = page.getByRole('combobox', { name: 'Cari pemilik yang sudah terdaftar' });
  await search.click();
  await search.fill('3509271203900001');
  await page.getByRole('option', { name: /Ahmad Fauzi/ }).click();
  await expect(page.getByTestId('owner-picked')).toContainText('Ahmad Fauzi');
  await expect(page.getByLabel('Nama pemilik')).toHaveValue('Ahmad Fauzi');
  await expect(page.getByLabel('Nomor HP/WA')).toHaveValue('+62 819-9988-8777');
  await page.getByLabel('Nama usaha').fill('Kerupuk Puli Pak Ahmad');
  await pickVillage(page, 'Desa/kelurahan', 'Sumberjeruk');
  await shot(page, 'registry-09-existing-owner');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  // the same person's other business is not a duplicate: no question asked
  await expect(page.getByTestId('registration-number')).toBeVisible();
  await expect(page.getByTestId('card-other-businesses')).toContainText('Tahu Tempe Pak Ahmad');

  // The same business typed again by someone else: "Ini usaha yang sama" opens it, nothing new is saved.
  await openRegister(page);
  await page.getByLabel('Nama pemilik').fill('Ahmad');
  await page.getByLabel('Nama usaha').fill('Tahu-Tempe Ahmad');
  await pickVillage(page, 'Desa/kelurahan', 'Sumberjeruk');
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  await expect(page.getByTestId('duplicates-modal')).toContainText('Nama mirip di desa yang sama');
  await page.getByRole('button', { name: 'Ini usaha yang sama' }).click();
  await expect(page.getByRole('heading', { name: 'Ubah Data Usaha' })).toBeVisible();
  await expect(page.getByLabel('Nama usaha')).toHaveValue('Tahu Tempe Pak Ahmad');
  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  await expect(page.getByTestId('business-table')).not.toContainText('Tahu-Tempe Ahmad');
});
