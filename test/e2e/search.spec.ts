import type { Page } from '@playwright/test';
import { apiCall, expect, setUpOffice, setUpOfficeByCall, shot, test } from './fixtures';
import type { ChannelName, OutputOf } from '../../shared/ipc/contract';
import type { CallInput } from '../fixtures/call-input';

/**
 * The registry list: one search box, filters, sortable columns, a virtualised table. One business is
 * registered through the form; the rest go through the real dispatcher over the browser-mode bridge (the
 * same HTTP call the renderer makes), so the list has enough rows to scroll.
 */

/** A channel's value, or the test fails with the error. */
async function invoke<C extends ChannelName>(
  page: Page,
  channel: C,
  ...input: CallInput<C>
): Promise<OutputOf<C>> {
  const r = await apiCall(page, channel, ...input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value!;
}

const PRODUCTS = [
  ['Tahu', 'tahu putih', '10392'],
  ['Tempe', 'tempe kedelai', '10391'],
  ['Sambel Pecel', 'sambel pecel kacang', '10779'],
  ['Kerupuk Puli', 'kerupuk puli', '10794'],
  ['Prol Tape', 'prol tape', '10799'],
  ['Kopi Bubuk', 'kopi bubuk robusta', '10761'],
  ['Anyaman Bambu', 'tampah, besek', '16292'],
  ['Mebel Jati', 'kursi jati', '31001'],
] as const;
const OWNERS = [
  'Darmi',
  'Sumarni',
  'Hosniyah',
  'Slamet',
  'Moh. Hasan',
  'Tukiyem',
  'Asep',
  'Rosmaniar',
  'Suparman',
];
const HONORIFIC = ['Bu', 'Mbok', 'Pak', 'Cak', 'Mak'];

async function seed(page: Page, n: number): Promise<void> {
  const villages = await invoke(page, 'region:children', {
    parentCode: '35.09.27',
  });
  for (let i = 0; i < n; i++) {
    const [product, products, kbli] = PRODUCTS[i % PRODUCTS.length]!;
    const owner = OWNERS[i % OWNERS.length]!;
    const v = villages[(i * 7) % villages.length]!;
    await invoke(page, 'business:create', {
      name: `${product} ${HONORIFIC[i % HONORIFIC.length]} ${owner.replace('Moh. ', '')} ${i + 2}`,
      ownerName: owner,
      products,
      kbliCode: kbli,
      kbliVersion: '2020',
      villageCode: v.code,
      villageName: v.displayName,
      status: i % 6 === 5 ? 'musiman' : 'aktif',
      workersMale: i % 4,
      workersFemale: i % 3,
    });
  }
}

test('a clerk finds a business by a fragment, a typo and a NIK; filters and sorts the list', async ({
  page,
  app,
}) => {
  await setUpOffice(page, app.url);

  // One registration through the form …
  await page.getByRole('link', { name: 'Daftarkan Usaha' }).first().click();
  await page.getByLabel('Nama pemilik').fill('Sri Wahyuni');
  await page.getByLabel('NIK pemilik').fill('3509274508850003');
  await page.getByLabel('Nama usaha').fill('Keripik Tempe Bu Sri');
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).click();
  await page.getByRole('combobox', { name: 'Desa/kelurahan', exact: true }).fill('Ajung');
  await page.getByRole('option', { name: 'Ajung', exact: true }).click();
  await page.getByRole('button', { name: 'Simpan dan beri nomor' }).click();
  await expect(page.getByTestId('registration-number')).toBeVisible();
  // … and 80 more through the dispatcher, one with a long name in a desa of another kecamatan (Lembengan,
  // Kecamatan Ledokombo), and one archived.
  await seed(page, 80);
  const longName = 'Mebel Jati Hari Makmur Sejahtera Abadi Jaya';
  await invoke(page, 'business:create', {
    name: longName,
    ownerName: 'Hosniyah binti Abdurrahman',
    products: 'kursi, meja, lemari jati ukir',
    villageCode: '35.09.28.2001',
    villageName: 'Lembengan',
  });
  const gone = await invoke(page, 'business:create', {
    name: 'Batik Tulis Lama Bu Ani',
    ownerName: 'Ani',
    villageCode: '35.09.27.2001',
    villageName: 'Ajung',
  });
  await invoke(page, 'business:archive', { id: gone.id, reason: 'usaha tutup' });

  await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
  const table = page.getByTestId('business-table');
  await expect(page.getByTestId('business-count')).toHaveText('82 usaha');
  await expect(table).toContainText('Mebel Jati');
  await shot(page, 'search-01-list-many-rows');

  // Readable at the office laptop's 1280 × 720 and 1366 × 768 (issue 11 item 14): a long name is not cut, a
  // desa outside the office's kecamatan names its kecamatan, an archived row says so instead of "Aktif".
  const search0 = page.getByTestId('business-search');
  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await search0.fill('sejahtera abadi');
    await expect(table).toHaveAttribute('data-results-for', 'sejahtera abadi');
    const row = page.getByTestId('business-row').filter({ hasText: longName });
    await expect(row.getByTestId('row-district')).toHaveText('Kec. Ledokombo');
    const clipped = await row
      .getByText(longName, { exact: true })
      .evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1);
    expect(clipped, `the name is cut at ${width} px`).toBe(false);
    await search0.fill('');
    await expect(table).toHaveAttribute('data-results-for', '');
    await shot(page, `search-01-list-${width}x${height}`);
  }
  await page.getByRole('switch', { name: 'Termasuk yang diarsipkan' }).click();
  await search0.fill('batik tulis lama');
  await expect(table).toHaveAttribute('data-results-for', 'batik tulis lama');
  const archivedRow = page.getByTestId('business-row').filter({ hasText: 'Batik Tulis Lama Bu Ani' });
  await expect(archivedRow).toContainText('diarsipkan');
  await expect(archivedRow).not.toContainText('Aktif');
  await shot(page, 'search-01-archived-1366x768');
  await page.getByRole('switch', { name: 'Termasuk yang diarsipkan' }).click();
  await search0.fill('');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The table is virtualised: only the visible rows exist; scrolling brings the next window from main.
  const rendered = await page.getByTestId('business-row').count();
  expect(rendered).toBeLessThan(60);
  await page.getByTestId('business-rows').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table).toContainText('Keripik Tempe Bu Sri');

  // Types into the box and waits until the table shows the results of exactly that text.
  const search = page.getByTestId('business-search');
  const searchFor = async (text: string) => {
    await search.fill(text);
    await expect(table).toHaveAttribute('data-results-for', text.trim());
  };

  // A fragment of the name.
  await searchFor('ripik te');
  await expect(page.getByTestId('business-count')).toHaveText('1 usaha');
  await expect(table).toContainText('Keripik Tempe Bu Sri');
  await expect(table).toContainText('Sri Wahyuni');
  await shot(page, 'search-02-fragment');

  // The NIK, with the spaces a clerk may type; shown masked.
  await searchFor('3509 2745 0885 0003');
  await expect(page.getByTestId('business-count')).toHaveText('1 usaha');
  await expect(table).toContainText('3509••••••••0003');
  await expect(table).not.toContainText('3509274508850003');

  // A typo still finds it, marked as a similar spelling.
  await searchFor('kripik');
  await expect(table).toContainText('Keripik Tempe Bu Sri');
  await expect(page.getByTestId('similar-words')).toContainText('keripik');
  await shot(page, 'search-03-typo');

  // A filter narrows the list.
  await searchFor('');
  await expect(page.getByTestId('business-count')).toHaveText('82 usaha');
  await page.getByTestId('filter-status').click();
  await page.getByRole('option', { name: 'Musiman' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('business-count')).toHaveText('13 usaha');
  await expect(page.getByTestId('business-row').first()).toContainText('Musiman');
  await page.getByTestId('filter-village').click();
  await page.getByRole('option', { name: 'Ajung', exact: true }).click();
  await expect(page.getByTestId('business-count')).not.toHaveText('13 usaha');
  const narrowed = Number((await page.getByTestId('business-count').innerText()).split(' ')[0]);
  expect(narrowed).toBeLessThan(13);
  await shot(page, 'search-04-filters');
  await page.getByRole('button', { name: 'Hapus penyaring' }).click();
  await expect(page.getByTestId('business-count')).toHaveText('82 usaha');

  // Sorting by name, both ways.
  const firstName = () => page.getByTestId('business-row').first().locator('p').nth(1).innerText();
  await page.getByTestId('sort-name').click();
  await expect.poll(firstName).toBe('Anyaman Bambu Bu Rosmaniar 72');
  await page.getByTestId('sort-name').click();
  await expect.poll(firstName).toBe('Tempe Pak Suparman 19');
  await shot(page, 'search-05-sorted-desc');

  // A row opens the record.
  await searchFor('wahyuni');
  await expect(page.getByTestId('business-count')).toHaveText('1 usaha');
  await page.getByTestId('business-row').filter({ hasText: 'Keripik Tempe Bu Sri' }).click();
  await expect(page.getByTestId('registration-number')).toHaveText(/IKM-350927-\d{4}-00001/);
});

test('when the list cannot be loaded the clerk is told what to do and can try again', async ({
  page,
  app,
}) => {
  await setUpOfficeByCall(page, app.url);
  // main stops answering the list's calls (as when the browser mode's process has gone away) …
  let failing = true;
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { channel?: string };
    if (failing && body.channel === 'business:list') await route.fulfill({ status: 503, body: '' });
    else await route.continue();
  });
  await page.goto(`${app.url}#/usaha`);
  const alert = page.getByTestId('business-list-error');
  await expect(alert).toContainText('Tidak tersambung ke aplikasi');
  await shot(page, 'daftar-usaha-gagal-dimuat');
  // … and answers again: one click brings the list back, without reloading the page
  failing = false;
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByTestId('business-count')).toHaveText('0 usaha');
  await expect(page.getByText('Belum ada usaha terdaftar')).toBeVisible();
});
