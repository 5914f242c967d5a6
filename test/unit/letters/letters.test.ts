import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SETUP, type TestApp } from '../../fixtures/app';
import { testAppForEach, withTestApp } from '../../fixtures/app-hooks';
import { insertBusiness, issueLetter } from './fixtures';
import { readPdf } from './pdf';
import { rawOf } from '../../../electron/app/context';

/** pdffonts: every font embedded, none of the standard 14. */
function fonts(file: string) {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => ({
      name: l.split(/\s+/)[0]!,
      emb: / yes +(yes|no) +(yes|no) +\d+/.test(l) && l.includes(' yes '),
    }));
}

describe('letters', () => {
  let app: TestApp;
  testAppForEach((made) => (app = made), { now: () => new Date(2026, 2, 12, 9, 30) });

  it('issues a letter: text, number, Indonesian date, embedded fonts, A4', async () => {
    const l = await issueLetter(app, 'persyaratan mengikuti pelatihan');
    expect(l.number).toBe('500.9/001/35.09.27/III/2026');
    expect(l.filePath).toBe('letters/2026/surat-2026-00001.pdf');
    const file = path.join(app.dataDir, l.filePath!);
    const [page, ...rest] = readPdf(file);
    expect(rest).toHaveLength(0);
    expect(page!.widthMm).toBeCloseTo(210, 0);
    expect(page!.heightMm).toBeCloseTo(297, 0);
    const text = page!.text;
    for (const printed of [
      'SURAT KETERANGAN TERDAFTAR INDUSTRI KECIL DAN MENENGAH',
      'Nomor : 500.9/001/35.09.27/III/2026',
      'PEMERINTAH KABUPATEN JEMBER',
      'KECAMATAN KALISAT',
      'Keripik Tempe Bu Sri',
      'Sri Wahyuni',
      '3509••••••••0003',
      'Kalisat, 12 Maret 2026',
      'Jember, 4 Mei 1980',
      'NIP. 19750101 200003 1 001',
      'Drs. Bambang Sutrisno, M.Si.',
      'persyaratan mengikuti pelatihan',
      'Industri Kecil (Permenperin 64/M-IND/PER/7/2016)',
      'Belum ada izin yang tercatat',
      `Kode verifikasi: ${l.verificationCode}`,
    ])
      expect(text).toContain(printed);
    expect(text).not.toContain('3509274405800003');
    expect(text).not.toContain('SALINAN');
    const f = fonts(file);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.emb).toBe(true);
      expect(x.name).toMatch(/\+LiberationSerif/);
    }
    const sha = (await import('node:crypto')).createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(l.sha256).toBe(sha);
  });

  it("item 4: the owner's address takes kecamatan and kabupaten from the owner's own village code", async () => {
    const id = insertBusiness(app, { village: 'Lembengan' });
    const raw = rawOf(app.ctx);
    // an owner in Lembengan (Kecamatan Ledokombo), a business in Desa Kalisat
    raw
      .prepare('UPDATE owners SET village_code = ? WHERE id = (SELECT owner_id FROM businesses WHERE id = ?)')
      .run('35.09.28.2001', id);
    raw
      .prepare('UPDATE businesses SET village_code = ?, village_name = ? WHERE id = ?')
      .run('35.09.27.2007', 'Kalisat', id);
    const l = await app.call('letter:issue', { businessId: id, purpose: 'bantuan alat' });
    const text = readPdf(path.join(app.dataDir, l.filePath!))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Desa Lembengan, Kecamatan Ledokombo, Kabupaten Jember');
    expect(text).not.toContain('Lembengan, Kecamatan Kalisat');
    expect(text).toMatch(/Desa \w+, Kecamatan Kalisat, Kabupaten Jember/);
  });

  it('item 2: the classification code confirmed at set-up numbers the letters', async () => {
    await withTestApp({ setUp: false, now: () => new Date(2026, 2, 12, 9, 30) }, async (other) => {
      await other.call('office:setup', { ...TEST_SETUP, letterClassificationCode: '500.9.1' });
      const l = await issueLetter(other, 'bantuan alat');
      expect(l.number).toBe('500.9.1/001/35.09.27/III/2026');
    });
  });

  it('prints the full NIK only when asked', async () => {
    const l = await issueLetter(app, 'bantuan', { fullNik: true });
    const [page] = readPdf(path.join(app.dataDir, l.filePath!));
    expect(page!.text).toContain('3509274405800003');
  });

  it('F4 paper from the settings', async () => {
    const view = await app.call('letter:settingsGet');
    await app.call('letter:settingsSave', {
      ...view.settings,
      paper: 'F4',
      tembusan: 'Dinas Perindustrian\nArsip',
    });
    const l = await issueLetter(app, 'pameran');
    const [page] = readPdf(path.join(app.dataDir, l.filePath!));
    expect(page!.widthMm).toBeCloseTo(215, 0);
    expect(page!.heightMm).toBeCloseTo(330, 0);
    expect(page!.text).toContain('Tembusan:');
    expect(page!.text).toContain('1. Dinas Perindustrian');
  });

  it('reprint keeps the number and says SALINAN; void keeps the number with the reason', async () => {
    const a = insertBusiness(app);
    const first = await app.call('letter:issue', { businessId: a, purpose: 'bantuan' });
    const copy = await app.call('letter:reprint', { id: first.id });
    expect(copy.number).toBe(first.number);
    expect(copy.kind).toBe('salinan');
    expect(copy.filePath).toBe('letters/2026/surat-2026-00001-salinan-1.pdf');
    const [page] = readPdf(path.join(app.dataDir, copy.filePath!));
    expect(page!.text).toContain('SALINAN');
    expect(page!.text).toContain(first.number);

    const second = await app.call('letter:issue', { businessId: a, purpose: 'pameran' });
    const voided = await app.call('letter:void', {
      id: second.id,
      reason: 'Salah keperluan',
    });
    expect(voided.status).toBe('voided');
    expect(voided.number).toBe('500.9/002/35.09.27/III/2026');
    expect(voided.voidReason).toBe('Salah keperluan');
    const third = await app.call('letter:issue', { businessId: a, purpose: 'pameran' });
    expect(third.number).toBe('500.9/003/35.09.27/III/2026');
    await expect(app.call('letter:reprint', { id: second.id })).rejects.toThrow(/CONFLICT/);
    const all = await app.call('letter:list', { status: 'voided' });
    expect(all.items.map((i) => i.number)).toEqual([second.number]);
    const audit = app.ctx.opened.raw
      .prepare(`SELECT action, reason FROM audit_log WHERE table_name = 'letters' AND record_id = ?`)
      .all(second.id);
    expect(audit).toEqual(expect.arrayContaining([{ action: 'void', reason: 'Salah keperluan' }]));
  });

  it('never issues a number twice, even with two letters made at once', async () => {
    const ids = [insertBusiness(app), insertBusiness(app), insertBusiness(app)];
    const made = await Promise.all(
      ids.flatMap((b) => [
        app.call('letter:issue', { businessId: b, purpose: 'bantuan' }),
        app.call('letter:issue', { businessId: b, purpose: 'pelatihan' }),
      ]),
    );
    const numbers = made.map((m) => m.number);
    expect(new Set(numbers).size).toBe(6);
    expect(new Set(made.map((m) => m.filePath)).size).toBe(6);
    for (const m of made) expect(existsSync(path.join(app.dataDir, m.filePath!))).toBe(true);
  });

  it('verifies a genuine QR, refuses a tampered one, and checks a typed number + code', async () => {
    const l = await issueLetter(app, 'bantuan');
    const row = app.ctx.opened.raw.prepare('SELECT payload FROM letters WHERE id = ?').get(l.id) as {
      payload: string;
    };
    const ok = await app.call('letter:verify', { text: row.payload });
    expect(ok.status).toBe('valid');
    expect(ok.record).toMatchObject({
      number: l.number,
      businessName: 'Keripik Tempe Bu Sri',
      date: '2026-03-12',
      officeCode: '35.09.27',
    });
    expect(ok.letter?.id).toBe(l.id);
    expect(row.payload).not.toContain('3509274405800003');
    expect(Buffer.from(row.payload.split('.')[1]!, 'base64url').toString()).not.toMatch(/\d{16}/);

    // tamper: another business name in the payload, the same signature
    const [p, payload, sig] = row.payload.split('.');
    const arr = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as string[];
    arr[2] = 'Keripik Tempe Palsu';
    const forged = `${p}.${Buffer.from(JSON.stringify(arr)).toString('base64url')}.${sig}`;
    expect((await app.call('letter:verify', { text: forged })).status).toBe('invalid');
    // one character of the signature changed
    const flipped = row.payload.slice(0, -2) + (row.payload.at(-2) === 'A' ? 'B' : 'A') + row.payload.at(-1);
    expect((await app.call('letter:verify', { text: flipped })).status).toBe('invalid');
    expect((await app.call('letter:verify', { text: 'hello' })).status).toBe('malformed');

    const typed = await app.call('letter:verify', {
      number: l.number,
      code: l.verificationCode.toLowerCase().replace('-', ''),
    });
    expect(typed.status).toBe('valid');
    expect((await app.call('letter:verify', { number: l.number, code: 'AAAA-AAAA' })).status).toBe(
      'codeMismatch',
    );

    await app.call('letter:void', { id: l.id, reason: 'Data usaha keliru' });
    expect((await app.call('letter:verify', { text: row.payload })).status).toBe('voided');
  });

  it("exports the public key and verifies another office's letters after importing its key", async () => {
    await withTestApp({ now: () => new Date(2026, 2, 12) }, async (other) => {
      // the other office is another kecamatan with its own key
      other.ctx.opened.raw
        .prepare(`UPDATE office SET district_code = '35.09.28', district_name = 'Ledokombo'`)
        .run();
      const l = await issueLetter(other, 'bantuan');
      const payload = (
        other.ctx.opened.raw.prepare('SELECT payload FROM letters WHERE id = ?').get(l.id) as {
          payload: string;
        }
      ).payload;
      expect((await app.call('letter:verify', { text: payload })).status).toBe('unknownKey');
      const exported = await other.call('letter:keyExport');
      expect(exported.fileName).toBe('kunci-publik-350928.json');
      await app.call('letter:keyImport', { content: exported.content });
      const r = await app.call('letter:verify', { text: payload });
      expect(r.status).toBe('validOtherOffice');
      expect(r.officeName).toContain('Ledokombo');
      const own = await app.call('letter:keyExport');
      await expect(app.call('letter:keyImport', { content: own.content })).rejects.toThrow(/CONFLICT/);
      await expect(app.call('letter:keyImport', { content: '{"format":"x"}' })).rejects.toThrow(/VALIDATION/);
    });
  });

  it('refuses a key file of the wrong shape (data from outside) with the key-file message', async () => {
    await withTestApp({ now: () => new Date(2026, 2, 12) }, async (other) => {
      other.ctx.opened.raw.prepare(`UPDATE office SET district_code = '35.09.28'`).run();
      const exported = await other.call('letter:keyExport');
      const good = JSON.parse(exported.content) as Record<string, unknown>;
      for (const bad of [
        { ...good, regencyName: { nama: 'Jember' } },
        { ...good, version: 2 },
        { ...good, officeName: '' },
        // the stated fingerprint is not the key's: a damaged or altered file
        { ...good, fingerprint: '0000 0000 0000 0000 0000 0000' },
        [good],
      ]) {
        const e = await app.call('letter:keyImport', { content: JSON.stringify(bad) }).then(
          () => null,
          (err: { envelope?: { code: string; fields?: Record<string, string> } }) => err.envelope,
        );
        expect(e, JSON.stringify(bad).slice(0, 80)).toEqual({
          code: 'VALIDATION',
          message: 'letters.errors.keyFile',
          fields: { content: 'letters.errors.keyFile' },
        });
      }
      expect(await app.call('letter:keyList')).toEqual([]);
      await app.call('letter:keyImport', { content: exported.content });
      expect(await app.call('letter:keyList')).toHaveLength(1);
    });
  });

  it('a stored letter whose content is damaged (a restored database) is not reprinted from it', async () => {
    const l = await issueLetter(app, 'x');
    app.ctx.opened.raw
      .prepare(`UPDATE letters SET content_json = '{"paper":"A4","owner":"?"}' WHERE id = ?`)
      .run(l.id);
    await expect(app.call('letter:reprint', { id: l.id })).rejects.toThrow(
      /CONFLICT letters.errors.contentDamaged/,
    );
    expect((await app.call('letter:list', {})).total).toBe(1);
  });

  it('preview renders the unsaved settings without taking a number', async () => {
    insertBusiness(app);
    const view = await app.call('letter:settingsGet');
    expect(view.nextNumberExample).toBe('500.9/001/35.09.27/III/2026');
    const p = await app.call('letter:preview', {
      settings: { ...view.settings, closing: 'Demikian untuk diketahui oleh {nama_pemilik}.' },
    });
    const [page] = readPdf(path.join(app.dataDir, p.filePath));
    expect(page!.text).toContain('Demikian untuk diketahui oleh Sri Wahyuni.');
    expect(Buffer.from(p.base64, 'base64').equals(readFileSync(path.join(app.dataDir, p.filePath)))).toBe(
      true,
    );
    const again = await app.call('letter:settingsGet');
    expect(again.nextNumberExample).toBe('500.9/001/35.09.27/III/2026');
    await expect(
      app.call('letter:settingsSave', { ...view.settings, opening: 'Hai {tidak_ada}' }),
    ).rejects.toThrow(/VALIDATION/);
  });

  it('embeds an uploaded PNG emblem and refuses a file that is not an image', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emblem-'));
    const png = path.join(dir, 'e.png');
    // a small PNG drawn by pdftoppm from a one-page PDF (a real PNG encoder, not a hand-made header)
    const l0 = await issueLetter(app, 'x bantuan');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '8',
      '-singlefile',
      path.join(app.dataDir, l0.filePath!),
      path.join(dir, 'e'),
    ]);
    const view = await app.call('letter:emblemSet', {
      dataBase64: readFileSync(png).toString('base64'),
    });
    expect(view.emblemPath).toBe('letters/emblem.png');
    const l = await issueLetter(app, 'bantuan');
    const listing = execFileSync('pdfimages', ['-list', path.join(app.dataDir, l.filePath!)], {
      encoding: 'utf8',
    });
    expect(listing.split('\n').length).toBeGreaterThan(3);
    writeFileSync(path.join(dir, 'x.txt'), 'not an image');
    await expect(
      app.call('letter:emblemSet', { dataBase64: Buffer.from('not an image at all').toString('base64') }),
    ).rejects.toThrow(/VALIDATION/);
  });

  it('print: the browser mode gets the file to open; with a printer adapter (Electron) the file is printed', async () => {
    const l = await issueLetter(app, 'bantuan');
    expect(await app.call('letter:print', { id: l.id })).toEqual({ printed: false, filePath: l.filePath });
    const printed: string[] = [];
    // the host's printer, as the Electron shell passes it to bootApp
    app.ctx.platform.printer = { print: async (f) => void printed.push(f) };
    try {
      expect(await app.call('letter:print', { id: l.id })).toEqual({ printed: true, filePath: l.filePath });
      expect(printed).toEqual([path.join(app.dataDir, l.filePath!)]);
    } finally {
      app.ctx.platform.printer = null;
    }
  });
});
