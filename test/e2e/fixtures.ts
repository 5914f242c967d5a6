import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db/connection';
import type { ChannelName, OutputOf } from '../../shared/ipc/contract';
import type { CallInput } from '../fixtures/call-input';
import type { UserRole } from '../../shared/schemas/accounts';
import { TEST_SETUP } from '../fixtures/setup-input';

/** A running browser-mode app (the real main side) on its own data folder. */
export class WebApp {
  proc: ChildProcess | null = null;
  url = '';
  constructor(readonly dataDir: string) {}

  async start(extraEnv: Record<string, string> = {}): Promise<string> {
    // a new data folder starts from the migrated template (global-setup.ts), as a first start would leave it
    const template = process.env.DAFTAR_IKM_E2E_TEMPLATE;
    const db = path.join(this.dataDir, DB_FILE_NAME);
    if (template && !existsSync(db)) {
      mkdirSync(this.dataDir, { recursive: true });
      copyFileSync(template, db);
    }
    const web = path.join(process.env.DAFTAR_IKM_DIST_DIR ?? 'dist', 'node', 'web.mjs');
    const proc = spawn(process.execPath, [web], {
      env: { ...process.env, DAFTAR_IKM_DATA_DIR: this.dataDir, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${stderr}`)), 30_000);
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /DAFTAR_IKM_URL=(\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`browser mode exited with ${code}:\n${stderr}`));
      });
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
    this.proc = null;
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }
}

export const SCREENSHOT_DIR = path.join('test', 'e2e', 'screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ app: WebApp }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-e2e-'));
    const app = new WebApp(dir);
    await app.start();
    await use(app);
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Home industries of Kalisat, for seeding lists (the first ten and all twenty are used). */
export const BUSINESS_NAMES = [
  'Keripik Tempe Bu Sri',
  'Tape Singkong Manis',
  'Kerajinan Bambu Sumber',
  'Batik Tulis Kalisat',
  'Kopi Robusta Gunung Raung',
  'Dodol Nangka Pak Hadi',
  'Anyaman Pandan Ajung',
  'Roti Kering Barokah',
  'Tahu Putih Sumberjeruk',
  'Sambal Pecel Mbok Darmi',
  'Meubel Jati Glagahwero',
  'Emping Melinjo Sukoreno',
  'Jamu Gendong Lestari',
  'Opak Gulung Sebanen',
  'Gula Merah Kelapa Plalangan',
  'Tas Rajut Sumberketempa',
  'Kue Bolu Gambiran',
  'Sepatu Kulit Patempuran',
  'Manisan Pala Sumberkalong',
  'Ikan Asap Gumuksari',
];

/** The office the set-up screens are walked with: TEST_SETUP's, the address under the form's name. */
export const OFFICE = { ...TEST_SETUP.office, address: TEST_SETUP.office.addressLine1 };

/** Picks a region in one of the set-up's searchable lists: types part of the name, clicks the option. */
export async function pickRegion(page: Page, label: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await expect(input).toBeEnabled();
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(input).toHaveValue(name);
}

/** Walks the first-run set-up the way a clerk does (opening `url` first when given). */
export async function setUpOffice(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Daftar IKM' })).toBeVisible();
  await pickRegion(page, 'Provinsi', OFFICE.provinceName);
  await pickRegion(page, 'Kabupaten/Kota', OFFICE.regencyName);
  await pickRegion(page, 'Kecamatan', OFFICE.districtName);
  await expect(page.getByText(`Kode Kemendagri: ${OFFICE.districtCode}`)).toBeVisible();
  await page.getByLabel('Alamat kantor').fill(OFFICE.address);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Nama Camat').fill(OFFICE.camatName);
  await page.getByLabel('Pangkat/golongan').fill(OFFICE.camatRank);
  await page.getByLabel('NIP Camat').fill(OFFICE.camatNip);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  const { admin } = TEST_SETUP;
  await page.getByLabel('Nama lengkap').fill(admin.fullName);
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel(/^Kata sandi/).fill(admin.password);
  await page.getByLabel('Ulangi kata sandi').fill(admin.passwordConfirm);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel(/^Frasa sandi cadangan/).fill(TEST_SETUP.backupPassphrase);
  await page.getByLabel('Ulangi frasa sandi cadangan').fill(TEST_SETUP.backupPassphraseConfirm);
  await page.getByRole('button', { name: 'Selesai dan mulai' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(admin.fullName);
}

/** Fills the sign-in form and presses Masuk (the administrator unless told); waits for nothing. */
export async function submitSignIn(
  page: Page,
  username: string = TEST_SETUP.admin.username,
  password: string = TEST_SETUP.admin.password,
): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Signs the administrator in and waits until the app shows them. */
export async function logIn(page: Page): Promise<void> {
  await submitSignIn(page);
  await expect(page.getByTestId('signed-in-user')).toContainText(TEST_SETUP.admin.fullName);
}

/**
 * Sets the office up through its channel (cheaper than the screens, whose walk refdata.spec tests): opens
 * `url`, sends TEST_SETUP, reloads and waits for the administrator the set-up signed in.
 */
export async function setUpOfficeByCall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const setup = await apiCall(page, 'office:setup', TEST_SETUP);
  expect(setup.ok, JSON.stringify(setup.error)).toBe(true);
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toContainText(TEST_SETUP.admin.fullName);
}

/** Fills each field found by its label with its value, in order. */
export async function fillByLabel(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
}

/** The password the e2e tests give the users they create. */
export const USER_PASSWORD = 'sandi-kalisat-1';

/** Creates a user through the page's own call (the page must be signed in as the administrator). */
export async function createUser(
  page: Page,
  username: string,
  fullName: string,
  role: UserRole,
): Promise<void> {
  const r = await apiCall(page, 'user:create', {
    username,
    fullName,
    role,
    password: USER_PASSWORD,
    passwordConfirm: USER_PASSWORD,
  });
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
}

/** Both screen sizes the screenshots are taken at. */
const SCREEN_SIZES = [
  [1280, 720],
  [1366, 768],
] as const;

/** Sets the page to each screen size in turn and calls `each` there. */
export async function atEachSize(
  page: Page,
  each: (w: number, h: number) => Promise<unknown>,
): Promise<void> {
  for (const [w, h] of SCREEN_SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await each(w, h);
  }
}

/** A full-page screenshot `name-WxH` at each screen size. */
export function shotEachSize(page: Page, name: string): Promise<void> {
  return atEachSize(page, (w, h) => shot(page, `${name}-${w}x${h}`));
}

export function tmpDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Calls a channel exactly as renderer/lib/ipc.ts does in the browser mode (the page's own secret), for seeding
 * records whose forms are not under test. Answers the envelope.
 */
export function apiCall<C extends ChannelName>(
  page: Page,
  channel: C,
  ...[input]: CallInput<C>
): Promise<{ ok: boolean; value?: OutputOf<C>; error?: unknown }> {
  return page.evaluate(
    async ([c, i]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="daftar-ikm-token"]')!.content;
      const r = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': token },
        body: JSON.stringify({ channel: c, input: i }),
      });
      return (await r.json()) as { ok: boolean; value?: OutputOf<C>; error?: unknown };
    },
    [channel, input] as const,
  );
}

/**
 * A PDF preview (PdfCanvasViewer, `testId`) has drawn its page with PDF.js: the canvas has a size and
 * non-white pixels (text), and the page holds no frame, embed or object (the PDF plugin is off in Electron,
 * and the CSP's frame-src/object-src are 'none'). Waits for the state, never for a time.
 */
export async function expectPdfDrawn(page: Page, testId: string, pageNo = 1): Promise<void> {
  const canvas = page.getByTestId(`${testId}-canvas`);
  // the first preview also starts PDF.js's worker (1.3 MB of script): on the loaded shared machine that took
  // 16 s to arrive, so the state gets a longer ceiling than the default
  await expect(canvas).toHaveAttribute('data-drawn', String(pageNo), { timeout: 120_000 });
  const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) ink++;
    const box = c.parentElement!;
    return {
      width: c.width,
      height: c.height,
      cssWidth: c.clientWidth,
      ink,
      // at "fit to width" the page fits the viewer: no sideways scrolling
      overflow: box.scrollWidth - box.clientWidth,
    };
  });
  expect(drawn.width).toBeGreaterThan(300);
  expect(drawn.height).toBeGreaterThan(300);
  expect(drawn.cssWidth).toBeGreaterThan(300);
  expect(drawn.ink).toBeGreaterThan(1000);
  expect(drawn.overflow).toBeLessThanOrEqual(0); // the viewer opens at "fit to width"
  await expect(page.locator('iframe, embed, object')).toHaveCount(0);
}
