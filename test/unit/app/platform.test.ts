import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import { insertBusiness } from '../letters/fixtures';

/**
 * Platform services are passed to bootApp (issue 9 item 3): the Electron shell gives its save and scan
 * dialogs in `platform`, the browser mode and the command line give none. No module-level setter is left, so
 * two apps in one process each use their own.
 */
describe('platform services passed to bootApp', () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-platform-'));
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.cleanup();
    app = null;
  });
  beforeAll(() => mkdirSync(outside, { recursive: true }));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  /** A made export, as the export job leaves it under exports/. */
  const madeExport = (a: TestApp, name: string) => {
    mkdirSync(path.join(a.dataDir, 'exports'), { recursive: true });
    writeFileSync(path.join(a.dataDir, 'exports', name), 'no;nama\n1;Keripik Tempe\n');
    return `exports/${name}`;
  };
  const permitOf = async (a: TestApp) => {
    const types = await a.call('permit:types');
    return a.call('permit:create', {
      businessId: insertBusiness(a),
      typeId: types.find((t) => t.code === 'sku')!.id,
      number: '503/1/2026',
      validUntil: '2027-01-31',
    });
  };

  it('without dialogs (browser mode, command line): save-as and scan pick answer unsupported', async () => {
    app = await makeTestApp();
    const fileRel = madeExport(app, 'ikm.csv');
    expect(await app.call('export:saveAs', { fileRel })).toEqual({ supported: false, savedTo: null });
    const p = await permitOf(app);
    expect(await app.call('permit:scanPick', { permitId: p.id })).toEqual({ supported: false, permit: null });
  });

  it("the shell's save dialog: the made file is copied to the path it answers; cancelled copies nothing", async () => {
    const to = path.join(outside, 'disimpan.csv');
    const asked: string[] = [];
    let answer: string | null = to;
    app = await makeTestApp({
      platform: {
        pickSavePath: async (suggested) => {
          asked.push(suggested);
          return answer;
        },
      },
    });
    const fileRel = madeExport(app, 'ikm-2026.csv');
    expect(await app.call('export:saveAs', { fileRel })).toEqual({ supported: true, savedTo: to });
    expect(asked).toEqual(['ikm-2026.csv']);
    expect(readFileSync(to, 'utf8')).toContain('Keripik Tempe');
    answer = null;
    expect(await app.call('export:saveAs', { fileRel })).toEqual({ supported: true, savedTo: null });
  });

  it("the shell's scan dialog: the file it answers is stored as the permit's scan", async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20)]);
    const file = path.join(outside, 'sku.pdf');
    writeFileSync(file, pdf);
    app = await makeTestApp({
      now: () => new Date(2026, 11, 2, 9, 30),
      platform: { pickScanFile: async () => file },
    });
    const p = await permitOf(app);
    const r = await app.call('permit:scanPick', { permitId: p.id });
    expect(r.supported).toBe(true);
    expect(r.permit!.scan).toEqual({ mime: 'application/pdf', fileName: 'sku.pdf', bytes: pdf.length });
    const back = await app.call('permit:scanRead', { id: p.id });
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
  });
});
