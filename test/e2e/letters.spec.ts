import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  apiCall,
  atEachSize,
  BUSINESS_NAMES,
  expect,
  expectPdfDrawn,
  setUpOffice,
  shot,
  test,
} from './fixtures';
import { firstPagePng } from '../fixtures/pdf-png';

const OUT = path.join('test-results', 'letters-pdf');

/** The server's calendar day (the test runs on the same machine as the browser-mode server). */
function serverToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Downloads a saved PDF (data-folder path, or a /files/ URL) and reads it back with poppler. */
async function fetchPdf(page: Page, relOrUrl: string, name: string) {
  const token = await page.locator('meta[name="daftar-ikm-token"]').getAttribute('content');
  const url = relOrUrl.startsWith('/files/') ? relOrUrl : `/files/${relOrUrl}?token=${token}`;
  const res = await page.request.get(new URL(url, page.url()).href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, await res.body());
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  firstPagePng(file, file.replace(/\.pdf$/, ''));
  return { text, pages };
}

test('a clerk prints, reprints, voids, verifies and prints a batch of twenty letters', async ({
  page,
  app,
  context,
}) => {
  test.slow(); // a long walk through the app: three times the default ceiling
  // PDF.js must run its real worker (loaded from 'self') and break no CSP rule (no eval, no WebAssembly)
  const pdfjsTrouble: string[] = [];
  page.on('console', (m) => {
    if (/fake worker|Content Security Policy|Refused to|wasm|MIME type/i.test(m.text()))
      pdfjsTrouble.push(m.text());
  });
  await setUpOffice(page, app.url);
  const ids: number[] = [];
  for (const [i, name] of BUSINESS_NAMES.entries()) {
    const r = await apiCall(page, 'business:create', {
      ownerName: `Pemilik ${name.split(' ').at(-1)} ${i + 1}`,
      ownerNik: i === 0 ? '3509274405800003' : null,
      name,
      products: name.split(' ').slice(0, 2).join(' '),
      villageName: 'Kalisat',
      workersMale: 1 + (i % 3),
      workersFemale: 2,
      investment: 25_000_000 * (i + 1),
      yearStarted: 2010 + (i % 12),
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    ids.push(r.value!.id);
  }

  // 1. Print a letter from the business's page: the preview is the saved PDF itself.
  await page.goto(`${app.url}#/usaha/${ids[0]}`);
  await page.getByTestId('letter-open').click();
  await expect(page.getByLabel('Keperluan')).toHaveValue('persyaratan mengikuti pelatihan');
  // no emblem uploaded: the clerk is warned and confirms before the letter can be issued (issue 11 item 5)
  await expect(page.getByTestId('no-emblem-warning')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cetak surat keterangan' })).toBeDisabled();
  await shot(page, 'letters-01-issue-form');
  await atEachSize(page, (w) =>
    page.screenshot({ path: `test/e2e/screenshots/letters-issue-no-emblem-${w}.png` }),
  );
  await page.getByLabel('Saya mengerti, tetap cetak tanpa lambang').check();
  await page.getByRole('button', { name: 'Cetak surat keterangan' }).click();
  const frame = page.getByTestId('letter-preview');
  const year = new Date().getFullYear();
  await expect(frame).toHaveAttribute('data-file', `letters/${year}/surat-${year}-00001.pdf`);
  // PDF.js drew the saved PDF on a canvas; no frame, embed or object, so no PDF plugin (issue 10 item 8)
  await expectPdfDrawn(page, 'letter-preview');
  await expect(page.getByTestId('letter-preview-pages')).toHaveText('Halaman 1 dari 1');
  await shot(page, 'letters-02-preview');
  await atEachSize(page, async (w) => {
    await expectPdfDrawn(page, 'letter-preview');
    await page.screenshot({ path: `test/e2e/screenshots/letters-preview-canvas-${w}.png` });
  });
  const first = await fetchPdf(page, (await frame.getAttribute('data-file'))!, 'surat-asli');
  expect(first.pages).toBe(1);
  expect(first.text).toContain('SURAT KETERANGAN TERDAFTAR INDUSTRI KECIL DAN MENENGAH');
  const number = /Nomor : (\S+)/.exec(first.text)![1]!;
  expect(number).toMatch(new RegExp(`^500\\.9/001/35\\.09\\.27/[IVX]+/${year}$`));
  expect(first.text).toContain('Keripik Tempe Bu Sri');
  expect(first.text).toContain('3509••••••••0003');
  expect(first.text).not.toContain('SALINAN');
  // printing in the browser mode opens the PDF in a new tab
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('preview-print').click()]);
  await expect.poll(() => tab.url()).toContain(`/files/letters/${year}/surat-${year}-00001.pdf`);
  await tab.close();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // 2. Reprint from the register: same number, marked SALINAN.
  await page.getByRole('link', { name: 'Register Surat' }).click();
  const row = page.getByTestId('letter-row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Cetak ulang (salinan)' }).click();
  await expect(frame).toHaveAttribute('data-file', /surat-\d{4}-00001-salinan-1\.pdf/);
  await expectPdfDrawn(page, 'letter-preview');
  const copy = await fetchPdf(page, (await frame.getAttribute('data-file'))!, 'surat-salinan');
  expect(copy.text).toContain('SALINAN');
  expect(copy.text).toContain(`Nomor : ${number}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('letter-row').filter({ hasText: number })).toHaveCount(2);

  // 3. Print another and void it with a reason: it keeps its number in the register.
  await page.goto(`${app.url}#/usaha/${ids[1]}`);
  await page.getByTestId('letter-open').click();
  await page.getByLabel('Keperluan').fill('persyaratan pengajuan bantuan alat');
  await page.getByLabel('Saya mengerti, tetap cetak tanpa lambang').check();
  await page.getByRole('button', { name: 'Cetak surat keterangan' }).click();
  await expect(frame).toHaveAttribute('data-file', /surat-\d{4}-00002\.pdf/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.goto(`${app.url}#/surat`);
  const second = page.getByTestId('letter-row').filter({ hasText: '500.9/002/' });
  await second.getByRole('button', { name: 'Batalkan' }).click();
  await page.getByLabel('Alasan pembatalan').fill('Keperluan salah ketik');
  await page.getByRole('button', { name: 'Batalkan surat' }).click();
  await expect(second).toContainText('Dibatalkan');
  await expect(second.getByTestId('void-reason')).toHaveText('Keperluan salah ketik');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'letters-03-register');

  // 4. Verify a genuine QR text, then an altered one.
  const db = new Database(path.join(app.dataDir, 'daftar-ikm.sqlite'), { readonly: true });
  const qr = (
    db.prepare(`SELECT payload FROM letters WHERE number = ? AND kind = 'original'`).get(number) as {
      payload: string;
    }
  ).payload;
  db.close();
  await page.getByRole('link', { name: 'Periksa Surat' }).click();
  await page.getByLabel('Teks dari kode QR').fill(qr);
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('verify-result')).toContainText('Keripik Tempe Bu Sri');
  await shot(page, 'letters-04-verify-valid');
  const [prefix, payload, signature] = qr.split('.');
  const record = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as string[];
  record[2] = 'Keripik Tempe Bu Sri Palsu';
  const altered = `${prefix}.${Buffer.from(JSON.stringify(record)).toString('base64url')}.${signature}`;
  await page.getByLabel('Teks dari kode QR').fill(altered);
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'invalid');
  await shot(page, 'letters-05-verify-invalid');

  // 5. A batch of twenty: everything registered today, in one PDF, with progress.
  await page.getByRole('link', { name: 'Register Surat' }).click();
  await page.getByRole('button', { name: 'Cetak massal' }).click();
  await page.getByLabel('Terdaftar dari').fill(serverToday());
  await page.getByLabel('Terdaftar sampai').fill(serverToday());
  await page.getByLabel('Saya mengerti, tetap cetak tanpa lambang').check();
  await page.getByRole('button', { name: 'Mulai cetak' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Selesai: 20 surat.', { timeout: 90_000 });
  await expect(page.getByTestId('batch-progress')).toHaveText('20 dari 20 surat');
  await shot(page, 'letters-06-batch-done');
  const href = await page.getByTestId('batch-open').getAttribute('href');
  const batch = await fetchPdf(page, href!, 'cetak-massal');
  expect(batch.pages).toBe(20);
  expect(batch.text).toContain('500.9/003/');
  expect(batch.text).toContain('500.9/022/');
  await page.getByRole('button', { name: 'Tutup' }).click();
  await expect(page.getByTestId('letter-total')).toHaveText('23 surat');
  // a letter of the batch opens on its own page of the 20-page file; the keyboard moves through the pages
  const inBatch = page.getByTestId('letter-row').filter({ hasText: '500.9/022/' });
  await inBatch.getByRole('button', { name: 'Lihat' }).click();
  const viewer = page.getByTestId('letter-preview');
  await expect(viewer).toHaveAttribute('data-pages', '20');
  const opened = Number(await viewer.getAttribute('data-page'));
  expect(opened).toBeGreaterThan(1);
  await expectPdfDrawn(page, 'letter-preview', opened);
  await viewer.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('letter-preview-pages')).toHaveText('Halaman 20 dari 20');
  await expectPdfDrawn(page, 'letter-preview', 20);
  await page.keyboard.press('PageUp');
  await expectPdfDrawn(page, 'letter-preview', 19);
  await page.keyboard.press('Home');
  await expectPdfDrawn(page, 'letter-preview', 1);
  await expect(page.getByTestId('letter-preview-prev')).toBeDisabled();
  await page.getByTestId('letter-preview-next').click();
  await expectPdfDrawn(page, 'letter-preview', 2);
  await page.getByRole('button', { name: 'Perbesar' }).click();
  await expect(page.getByRole('button', { name: 'Sesuai lebar' })).toHaveText('125%');
  await page.getByRole('button', { name: 'Sesuai lebar' }).click();
  await expectPdfDrawn(page, 'letter-preview', 2);
  await shot(page, 'letters-06b-batch-letter-preview');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);

  // 6. The letter settings: the preview renders the unsaved text without taking a number.
  await page.getByRole('link', { name: 'Pengaturan', exact: true }).click();
  await page.getByTestId('letter-settings-link').click();
  await expect(page.getByTestId('next-number')).toContainText('500.9/023/');
  // the signer choices (Camat, a.n., Plt., Plh.) and the classification hint (issue 11 items 2, 3)
  await page.getByText('Plt. Camat', { exact: true }).click();
  await expect(page.getByLabel('Nama penanda tangan')).toBeVisible();
  await atEachSize(page, (w) =>
    page.screenshot({ path: `test/e2e/screenshots/letters-settings-signer-${w}.png`, fullPage: true }),
  );
  await page.getByText('Camat', { exact: true }).click();
  await page.getByLabel('Penutup').fill('Demikian surat keterangan ini dibuat dengan sebenarnya.');
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await expectPdfDrawn(page, 'settings-preview');
  expect(pdfjsTrouble).toEqual([]);
  await shot(page, 'letters-07-settings-preview');
  await expect(page.getByTestId('next-number')).toContainText('500.9/023/');
});
