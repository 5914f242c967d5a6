import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiCall, expect, setUpOffice, shot, shotEachSize, test } from './fixtures';

const OUT = path.join('test-results', 'permits');

async function fetchPdf(page: Page, rel: string) {
  const token = await page.locator('meta[name="daftar-ikm-token"]').getAttribute('content');
  const res = await page.request.get(new URL(`/files/${rel}?token=${token}`, page.url()).href);
  expect(res.status()).toBe(200);
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'surat-dengan-izin.pdf');
  writeFileSync(file, await res.body());
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a clerk records an NIB and a P-IRT, the business leaves the "no permit" list, the letter lists both', async ({
  page,
  app,
}) => {
  test.slow();
  await setUpOffice(page, app.url);
  const mk = async (name: string, products: string) => {
    const r = await apiCall(page, 'business:create', {
      ownerName: `Pemilik ${name}`,
      name,
      products,
      villageName: 'Kalisat',
      kbliCode: '10794',
      kbliVersion: '2020',
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value!.id;
  };
  const id = await mk('Keripik Tempe Bu Sri', 'Keripik tempe');
  await mk('Tape Singkong Manis', 'Tape singkong');

  // the Izin page: both businesses have no permit yet
  await page.goto(`${app.url}#/izin?daftar=none`);
  await expect(page.getByTestId('worklist-tab-none')).toContainText('2');
  await expect(page.getByTestId('worklist-row').filter({ hasText: 'Keripik Tempe Bu Sri' })).toBeVisible();

  // the business page: add an NIB (valid while the business runs)
  await page.goto(`${app.url}#/usaha/${id}`);
  await expect(page.getByTestId('permits-empty')).toBeVisible();
  await page.getByTestId('permit-add').click();
  const form = page.getByTestId('permit-form');
  await form.getByTestId('permit-number').fill('123456789012');
  await form.getByTestId('permit-save').click();
  // bad input: the message beside the field, nothing saved
  await expect(form.getByText('NIB harus tepat 13 angka. Salin nomor dari dokumen NIB OSS.')).toBeVisible();
  await form.getByTestId('permit-number').fill('9120 0012 3456 7');
  await form.getByTestId('permit-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('permit-row').filter({ hasText: '9120001234567' })).toContainText('Berlaku');

  // a P-IRT whose region digits (3505, Blitar) disagree with the business's kabupaten (35.09, Jember)
  await page.getByTestId('permit-add').click();
  await form.getByTestId('permit-type').click();
  await page.getByRole('option', { name: /^P-IRT/ }).click();
  await form.getByTestId('permit-number').fill('P-IRT No. 2063505010123');
  await form.getByTestId('permit-issue-date').fill('12/03/2022');
  await form.getByTestId('permit-valid-until').fill('12/03/2021');
  // dates are typed and shown dd/mm/yyyy; the calendar (Indonesian months) opens from its icon only
  await expect(form.getByTestId('permit-issue-date')).toHaveValue('12/03/2022');
  await form.getByRole('button', { name: 'Buka kalender' }).nth(1).click();
  await expect(page.getByText('Maret 2021')).toBeVisible();
  await shot(page, 'permits-form-calendar');
  await form.getByRole('button', { name: 'Buka kalender' }).nth(1).click();
  await expect(page.getByText('Maret 2021')).toBeHidden();
  await form.getByTestId('permit-save').click();
  await expect(form.getByText('Nomor P-IRT harus 15 angka', { exact: false })).toBeVisible();
  await expect(
    form.getByText('Tanggal berlaku sampai tidak boleh sebelum tanggal terbit', { exact: false }),
  ).toBeVisible();
  await form.getByTestId('permit-number').fill('P-IRT No. 2063505010123-27');
  await form.getByTestId('permit-valid-until').fill('12/03/2027');
  // the warning shows while typing, and does not stop the save
  await expect(form.getByTestId('permit-warning')).toContainText('(3505)');
  await shot(page, 'permits-form-warning');
  await form.getByTestId('permit-save').click();
  await expect(form).toBeHidden();
  const pirt = page.getByTestId('permit-row').filter({ hasText: '2063505010123-27' });
  await expect(pirt).toBeVisible();
  await expect(page.getByTestId('card-permits').getByTestId('permit-warning')).toContainText(
    'tidak sama dengan kabupaten usaha (3509)',
  );

  // a scan that is not a PDF or image is refused; a PDF is kept
  const uploadScan = (buffer: Buffer) =>
    page
      .getByTestId('card-permits')
      .locator('input[type=file]')
      .last()
      .setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer });
  await uploadScan(Buffer.from('PK\u0003\u0004 bukan pdf'));
  await expect(page.getByText('Berkas ini bukan PDF, JPG, atau PNG.', { exact: false })).toBeVisible();
  await uploadScan(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500 * 1024, 0x20)]));
  await expect(page.getByText('Pindaian tersimpan.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka pindaian' })).toHaveCount(1);
  // the scan opens in the app (no new window, no PDF plugin); this "PDF" is only a header and spaces, so
  // the viewer says it cannot show it and what to do, instead of an empty frame
  await page.getByRole('button', { name: 'Buka pindaian' }).click();
  // (the first preview starts PDF.js's worker, slow on the loaded shared machine: see expectPdfDrawn)
  await expect(page.getByTestId('scan-preview-error')).toContainText('Pratinjau tidak dapat ditampilkan.', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('scan-preview-error')).toContainText('Coba lagi');
  await expect(page.locator('iframe, embed, object')).toHaveCount(0);
  await shotEachSize(page, 'permits-scan-preview-error');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scan-preview-error')).toHaveCount(0);
  await page.getByTestId('card-permits').scrollIntoViewIfNeeded();
  await shotEachSize(page, 'permits-business-page');

  // the business left the "no permit" and the food lists
  await page.goto(`${app.url}#/izin?daftar=none`);
  await expect(page.getByTestId('worklist-tab-none')).toContainText('1');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await expect(page.getByTestId('worklist-row').filter({ hasText: 'Keripik Tempe Bu Sri' })).toHaveCount(0);
  await shotEachSize(page, 'permits-izin-none');
  await page.getByTestId('worklist-tab-food').click();
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await expect(page.getByTestId('worklist-row')).toContainText('Tape Singkong Manis');

  // the registration letter lists the permits in force
  await page.goto(`${app.url}#/usaha/${id}`);
  await page.getByTestId('letter-open').click();
  // no emblem in this office: the clerk confirms printing without it (issue 11 item 5)
  await page.getByLabel('Saya mengerti, tetap cetak tanpa lambang').check();
  await page.getByRole('button', { name: 'Cetak surat keterangan' }).click();
  const frame = page.getByTestId('letter-preview');
  await expect(frame).toHaveAttribute('data-file', /surat-\d{4}-00001\.pdf/);
  const text = await fetchPdf(page, (await frame.getAttribute('data-file'))!);
  expect(text).toContain('NIB 9120001234567 (berlaku selama usaha berjalan)');
  expect(text).toContain('P-IRT 2063505010123-27, berlaku s.d. 12 Maret 2027');
  expect(text).not.toContain('Belum ada izin');

  // the business's timeline tells the permits' story too (audited like the business)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const timeline = page.getByTestId('business-timeline');
  await expect(timeline).toContainText('Izin NIB dicatat, nomor 9120001234567');
  await expect(timeline).toContainText('Izin P-IRT dicatat, nomor 2063505010123-27');
  await timeline.scrollIntoViewIfNeeded();
  await shotEachSize(page, 'permits-business-timeline');
});

test('the home page and the Izin page show the worklist counts', async ({ page, app }) => {
  await setUpOffice(page, app.url);
  const types = await apiCall(page, 'permit:types', {});
  const typeId = (c: string) => types.value!.find((t) => t.code === c)!.id;
  const today = new Date();
  const iso = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  for (const [i, days] of [30, 60, -10, -400, 400].entries()) {
    const b = await apiCall(page, 'business:create', {
      ownerName: `Pemilik ${i}`,
      name: `Usaha Uji ${i + 1}`,
      villageName: 'Kalisat',
      kbliCode: i % 2 ? '13134' : '10794',
      kbliVersion: '2020',
    });
    const p = await apiCall(page, 'permit:create', {
      businessId: b.value!.id,
      typeId: typeId('sku'),
      number: `503/${i + 1}/2026`,
      validUntil: iso(days),
    });
    expect(p.ok, JSON.stringify(p.error)).toBe(true);
  }
  await apiCall(page, 'business:create', {
    ownerName: 'Tanpa Izin',
    name: 'Usaha Tanpa Izin',
    villageName: 'Kalisat',
  });
  // the permits were added behind the page's back: load the home page afresh
  await page.reload();
  await expect(page.getByTestId('home-permits-due')).toContainText('2');
  await expect(page.getByTestId('home-permits-expired')).toContainText('2');
  await expect(page.getByTestId('home-permits-none')).toContainText('1');
  await page.getByTestId('home-permits-due').click();
  await expect(page.getByTestId('worklist-row')).toHaveCount(2);
  await expect(page.getByTestId('worklist-row').first()).toContainText('Usaha Uji 1');
  await page.getByTestId('worklist-kbli').fill('131');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await expect(page.getByTestId('worklist-row')).toContainText('Usaha Uji 2');
  await page.getByTestId('worklist-kbli').fill('');
  await page.getByTestId('worklist-tab-expired').click();
  await expect(page.getByTestId('worklist-row')).toHaveCount(2);
  await shotEachSize(page, 'permits-izin-expired');
  await page.goto(`${app.url}#/`);
  await shotEachSize(page, 'permits-home');
});
