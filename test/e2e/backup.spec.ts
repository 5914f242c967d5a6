import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TEST_SETUP } from '../fixtures/setup-input';
import {
  WebApp,
  apiCall,
  expect,
  logIn,
  setUpOffice,
  setUpOfficeByCall,
  shot,
  shotEachSize,
  test,
  tmpDir,
} from './fixtures';

/**
 * Backup to a "stick" (a temporary folder the fake drive list offers) and restore it on a second, fresh app
 * instance (another PC), then see the same record there.
 */
test('a clerk backs up to a stick and restores it on a new PC', async ({ page, browser }) => {
  test.slow(); // a long walk through the app: three times the default ceiling
  const root = tmpDir('daftar-ikm-e2e-backup-');
  const stick = path.join(root, 'FLASHDISK');
  mkdirSync(stick);
  // SANDISK is "not plugged in" until its folder exists.
  const later = path.join(root, 'SANDISK');
  const drives = JSON.stringify([
    { path: stick, label: 'FLASHDISK', fsType: 'vfat' },
    { path: later, label: 'SANDISK', fsType: 'exfat' },
  ]);
  const a = new WebApp(path.join(root, 'pc-a'));
  const b = new WebApp(path.join(root, 'pc-b'));
  mkdirSync(a.dataDir);
  mkdirSync(b.dataDir);
  try {
    await page.goto(await a.start({ DAFTAR_IKM_FAKE_DRIVES: drives }));
    await setUpOffice(page);
    // Never backed up: the home screen reminds.
    await expect(page.getByTestId('backup-reminder')).toContainText('belum pernah dicadangkan');
    await shot(page, 'backup-01-home-reminder');

    // The record (the registration form itself is covered by registry.spec.ts).
    const created = await apiCall(page, 'business:create', {
      name: 'Keripik Tempe Bu Sri',
      ownerName: 'Sri Wahyuni',
      villageName: 'Ajung',
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);

    await page.getByRole('link', { name: 'Cadangan' }).first().click();
    await expect(page.getByTestId('drive-FLASHDISK')).toContainText('FAT32');
    await expect(page.getByTestId('drive-SANDISK')).toHaveCount(0);
    // Plugging a stick in shows it without a reload (main polls and pushes backup:drives).
    mkdirSync(later);
    await expect(page.getByTestId('drive-SANDISK')).toContainText('exFAT');
    await shot(page, 'backup-02-drive-list');
    await page.getByTestId('drive-FLASHDISK').click();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect(page.getByTestId('backup-done')).toContainText('Aman untuk dicabut', { timeout: 60_000 });
    await shot(page, 'backup-03-done-safe-to-remove');
    const files = readdirSync(path.join(stick, 'Daftar-IKM-Cadangan'));
    expect(files.filter((f) => f.endsWith('.dikm'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.partial'))).toHaveLength(0);
    // The reminder is gone now.
    await page.getByRole('link', { name: 'Beranda' }).first().click();
    await expect(page.getByTestId('home-count')).toBeVisible();
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

    // The second PC: fresh data folder, restore from the set-up screen.
    const page2 = await browser.newPage();
    await page2.goto(await b.start({ DAFTAR_IKM_FAKE_DRIVES: drives }));
    await expect(page2.getByRole('heading', { name: 'Selamat datang di Daftar IKM' })).toBeVisible();
    await page2.getByTestId('restore-from-setup').click();
    const dialog = page2.getByRole('dialog');
    await dialog.getByTestId('drive-FLASHDISK').click();
    await expect(dialog.getByTestId('backup-list')).toContainText('Kec. Kalisat');
    await dialog.getByRole('button', { name: 'Pilih', exact: true }).click();
    await dialog.getByLabel('Frasa sandi cadangan').fill('salah sekali');
    await dialog.getByRole('button', { name: 'Periksa cadangan' }).click();
    await expect(dialog.getByTestId('restore-error')).toContainText('Frasa sandi cadangan salah');
    await dialog.getByLabel('Frasa sandi cadangan').fill('tembakau kalisat 2026');
    await dialog.getByRole('button', { name: 'Periksa cadangan' }).click();
    await expect(dialog.getByTestId('restore-compare')).toContainText('Kec. Kalisat', { timeout: 60_000 });
    await expect(dialog.getByTestId('restore-compare')).toContainText('kosong (belum diatur)');
    await shot(page2, 'backup-04-restore-confirm');
    await dialog.getByLabel('Saya mengerti: data sekarang diganti dengan isi cadangan.').check();
    await dialog.getByRole('button', { name: 'Ganti dengan cadangan' }).click();
    await expect(dialog.getByTestId('restore-done')).toBeVisible({ timeout: 60_000 });
    // what was restored, in words, and no raw path (issue 11 item 18)
    await expect(dialog.getByTestId('restore-done-body')).toContainText(
      'Isi daftar sekarang adalah cadangan yang dibuat',
    );
    await expect(dialog.getByTestId('restore-done')).not.toContainText('/');
    await shot(page2, 'backup-05-restore-done');
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page2.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await logIn(page2);
    // the restored register knows its backup: the backup page says when it was made, not "never" (item 13)
    await page2.getByRole('link', { name: 'Cadangan' }).first().click();
    await expect(page2.getByTestId('last-usb')).toContainText(
      'dipulihkan dari cadangan diska lepas yang dibuat',
    );
    await page2.getByRole('link', { name: 'Daftar Usaha' }).first().click();
    await expect(page2.getByTestId('business-table')).toContainText('Keripik Tempe Bu Sri');
    await shot(page2, 'backup-06-restored-list');
    await page2.close();
  } finally {
    await a.stop();
    await b.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * No stick at hand and the register went wrong: the clerk restores from the automatic copy the app made when
 * it was last closed, after seeing what will replace what; a safety copy of the present register is kept.
 */
test('a clerk restores the register from an automatic copy made at exit', async ({ page }) => {
  const root = tmpDir('daftar-ikm-e2e-auto-');
  const app = new WebApp(path.join(root, 'pc'));
  mkdirSync(app.dataDir);
  const create = async (name: string) =>
    (await apiCall(page, 'business:create', { name, ownerName: 'Darto', villageName: 'Ajung' })).ok;
  try {
    await page.goto(await app.start());
    await setUpOffice(page);
    expect(await create('Tahu Pak Darto')).toBe(true);
    // Closing the app leaves an automatic copy; the next day's work goes on after it.
    await page.goto(await app.restart());
    await logIn(page);
    expect(await create('Usaha Salah Ketik')).toBe(true);

    await page.getByRole('link', { name: 'Cadangan' }).first().click();
    await page.getByRole('tab', { name: 'Salinan otomatis' }).click();
    const list = page.getByTestId('auto-list');
    await expect(list).toContainText('Saat keluar');
    await list
      .getByRole('row', { name: /Saat keluar/ })
      .first()
      .getByRole('button', { name: 'Pulihkan' })
      .click();
    const compare = page.getByTestId('restore-compare');
    await expect(compare).toBeVisible({ timeout: 60_000 });
    await expect(compare.getByRole('row', { name: /Usaha/ }).first()).toContainText('2');
    await shot(page, 'backup-07-auto-restore-confirm');
    await page.getByLabel('Saya mengerti: data sekarang diganti dengan isi cadangan.').check();
    await page.getByRole('button', { name: 'Ganti dengan cadangan' }).click();
    await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await logIn(page);
    await page.getByRole('link', { name: 'Daftar Usaha' }).first().click();
    await expect(page.getByTestId('business-table')).toContainText('Tahu Pak Darto');
    await expect(page.getByTestId('business-table')).not.toContainText('Usaha Salah Ketik');
    await shot(page, 'backup-08-auto-restored-list');
    expect(readdirSync(path.join(app.dataDir, 'backups', 'sebelum-pulih'))).toHaveLength(1);
  } finally {
    await app.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * Issue 10, hole 6: the administrator changes the backup passphrase on the backup page, confirming with their
 * own password; the page says older backups keep opening with the old passphrase. A backup made before opens
 * with the old passphrase only, one made after with the new one only (checked through the page's own calls).
 */
test('an administrator changes the backup passphrase; older backups keep the old one', async ({
  page,
  app,
}) => {
  const OLD = TEST_SETUP.backupPassphrase;
  const NEW = 'kopi robusta sidomulyo 27';
  const stick = path.join(tmpDir('daftar-ikm-e2e-pass-'), 'FLASHDISK');
  mkdirSync(stick);
  await setUpOfficeByCall(page, app.url);
  const backup = async () => {
    const started = await apiCall(page, 'backup:start', { target: stick });
    expect(started.ok, JSON.stringify(started.error)).toBe(true);
    // done when the job is no longer running (written, read back and recorded)
    await expect
      .poll(async () => (await apiCall(page, 'backup:status')).value?.running ?? null, {
        timeout: 60_000,
      })
      .toBeNull();
    const dir = path.join(stick, 'Daftar-IKM-Cadangan');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.dikm'))
      .map((f) => path.join(dir, f));
  };
  const before = await backup();

  await page.getByRole('link', { name: 'Cadangan' }).first().click();
  await page.getByRole('tab', { name: 'Frasa sandi' }).click();
  await expect(page.getByTestId('passphrase-old-backups')).toContainText(
    'Cadangan lama tetap dibuka dengan frasa sandi lama',
  );
  // the wrong account password: refused on its field, nothing changed
  await page.getByLabel('Kata sandi akun Anda').fill('bukan-sandi-saya');
  await page.getByLabel('Frasa sandi cadangan baru', { exact: true }).fill(NEW);
  await page.getByLabel('Ulangi frasa sandi cadangan baru').fill(NEW);
  await page.getByRole('button', { name: 'Ganti frasa sandi' }).click();
  await expect(page.getByText('Kata sandi akun Anda salah.')).toBeVisible();
  await shotEachSize(page, 'backup-passphrase');
  await page.getByLabel('Kata sandi akun Anda').fill(TEST_SETUP.admin.password);
  await page.getByRole('button', { name: 'Ganti frasa sandi' }).click();
  await expect(page.getByText('Frasa sandi cadangan diganti.')).toBeVisible();
  await expect(page.getByLabel('Frasa sandi cadangan baru', { exact: true })).toHaveValue('');
  await shot(page, 'backup-passphrase-done');

  // a backup made before opens with the old passphrase only
  const check = (file: string, passphrase: string) =>
    apiCall(page, 'backup:restoreCheck', { file, passphrase });
  expect((await check(before[0]!, OLD)).ok).toBe(true);
  expect((await check(before[0]!, NEW)).error).toMatchObject({ code: 'WRONG_PASSPHRASE' });
  rmSync(before[0]!);
  rmSync(before[0]!.replace(/\.dikm$/, '.dikm.json'), { force: true });
  // one made after, with the new one only
  const after = await backup();
  expect((await check(after[0]!, NEW)).ok).toBe(true);
  expect((await check(after[0]!, OLD)).error).toMatchObject({ code: 'WRONG_PASSPHRASE' });
  await apiCall(page, 'backup:restoreDiscard', undefined);
});

/**
 * Issue 10, hole 6: this PC's machine key is lost (the key file beside the data folder is gone). After
 * sign-in the administrator sees "Kunci aplikasi tidak dapat dibuka di komputer ini"; a wrong backup
 * passphrase is said under the field; the right one brings the keys back and the app opens.
 */
test('an administrator recovers the keys with the backup passphrase after the machine key is lost', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await setUpOffice(page);
  await app.stop();
  rmSync(path.join(`${app.dataDir}-kunci`, 'kunci-mesin.key'));
  try {
    await page.goto(await app.start());
    await page.getByLabel('Nama pengguna').fill('siti');
    await page.getByLabel('Kata sandi').fill('rahasia-kalisat');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(
      page.getByRole('heading', { name: 'Kunci aplikasi tidak dapat dibuka di komputer ini' }),
    ).toBeVisible();
    await page.getByLabel('Frasa sandi cadangan').fill('bukan frasa yang benar');
    await page.getByRole('button', { name: 'Pulihkan kunci' }).click();
    await expect(page.getByText(/^Frasa sandi cadangan salah\./)).toBeVisible();
    await shot(page, 'keys-recover-wrong-passphrase');
    await page.getByLabel('Frasa sandi cadangan').fill('tembakau kalisat 2026');
    await page.getByRole('button', { name: 'Pulihkan kunci' }).click();
    await expect(page.getByText('Kunci dipulihkan.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText('Siti Aminah');
    expect((await apiCall(page, 'app:info')).value?.keysUnavailable).toBe(false);
  } finally {
    rmSync(`${app.dataDir}-kunci`, { recursive: true, force: true });
  }
});
