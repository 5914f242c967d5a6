/**
 * Renders sample registration letters through the real services (a temporary office and business) and
 * writes PNG pages with pdftoppm: `node --import tsx scripts/letter-sample.mts [outDir]`.
 * docs/img/surat-contoh.png (A4, the README's picture) comes from here.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { rawOf } from '../electron/app/context';
import { makeTestApp } from '../test/fixtures/app';
import { firstPagePng } from '../test/fixtures/pdf-png';
import type { LetterListItem } from '../shared/schemas/letter';

const out = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'letter-sample'));
mkdirSync(out, { recursive: true });
const app = await makeTestApp({ now: () => new Date(2026, 2, 12, 10, 0) });
try {
  const raw = rawOf(app.ctx);
  const now = new Date().toISOString();
  const owner = raw
    .prepare(
      `INSERT INTO owners (uuid, nik, name, sex, birth_date, birth_place, address_street, rt, rw, village_name, created_at, updated_at)
       VALUES ('o1', '3509274405800003', 'Sri Wahyuni', 'P', '1980-05-04', 'Jember', 'Dusun Krajan', '002', '005', 'Kalisat', ?, ?)`,
    )
    .run(now, now);
  const kbli = raw.prepare(`SELECT code, version FROM kbli WHERE code = '10794' LIMIT 1`).get() as
    { code: string; version: string } | undefined;
  const b = raw
    .prepare(
      `INSERT INTO businesses (uuid, registration_number, registration_date, name, brand, owner_id, village_name, status,
         products, kbli_code, kbli_version, address_street, rt, rw, year_started, workers_male, workers_female,
         investment, capital, annual_turnover, created_at, updated_at)
       VALUES ('b1', 'IKM-350927-2026-00042', '2026-03-10', 'Keripik Tempe Bu Sri', 'Sri Rasa', ?, 'Kalisat', 'aktif',
         'Keripik tempe, rempeyek kacang', ?, ?, 'Dusun Krajan', '002', '005', 2015, 2, 4,
         150000000, 120000000, 300000000, ?, ?)`,
    )
    .run(owner.lastInsertRowid, kbli?.code ?? '10794', kbli?.version ?? '2020', now, now);
  const businessId = Number(b.lastInsertRowid);
  const view = await app.call<{ settings: Record<string, unknown> }>('letter:settingsGet');
  const settings = { ...view.settings, tembusan: 'Kepala Dinas Perindustrian Kabupaten Jember\nArsip' };
  const page = (pdf: string, name: string) => firstPagePng(pdf, path.join(out, name));

  await app.call('letter:settingsSave', { ...settings, paper: 'A4' });
  const a4 = await app.call<LetterListItem>('letter:issue', {
    businessId,
    purpose: 'persyaratan mengikuti pelatihan',
  });
  const a4png = page(path.join(app.dataDir, a4.filePath!), 'surat-a4');
  copyFileSync(path.join(app.dataDir, a4.filePath!), path.join(out, 'surat-a4.pdf'));

  const copy = await app.call<LetterListItem>('letter:reprint', { id: a4.id });
  page(path.join(app.dataDir, copy.filePath!), 'surat-a4-salinan');

  // F4, signed on the Camat's behalf, with an emblem (a plain drawn shield standing in for the Pemda's)
  const emblem = new PDFDocument({ size: [90, 110], margin: 0 });
  const chunks: Buffer[] = [];
  emblem.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => emblem.on('end', r));
  emblem
    .path('M5 5 L85 5 L85 60 Q85 95 45 108 Q5 95 5 60 Z')
    .lineWidth(4)
    .fillAndStroke('#2e7d32', '#c9a227');
  emblem.circle(45, 50, 18).fill('#f2d24b');
  emblem.end();
  await ended;
  writeFileSync(path.join(out, 'emblem.pdf'), Buffer.concat(chunks));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '200',
    '-singlefile',
    path.join(out, 'emblem.pdf'),
    path.join(out, 'emblem'),
  ]);
  await app.call('letter:emblemSet', {
    dataBase64: readFileSync(path.join(out, 'emblem.png')).toString('base64'),
  });
  await app.call('letter:settingsSave', {
    ...settings,
    paper: 'F4',
    signerMode: 'an',
    signerOffice: 'Sekretaris Kecamatan',
    signerName: 'Hj. Siti Nurhayati, S.Sos.',
    signerRank: 'Penata Tk. I (III/d)',
    signerNip: '198003152005012002',
  });
  const f4 = await app.call<LetterListItem>('letter:issue', {
    businessId,
    purpose: 'persyaratan pengajuan KUR',
  });
  page(path.join(app.dataDir, f4.filePath!), 'surat-f4');
  process.stdout.write(`${a4png}\n${out}\n`);
} finally {
  await app.cleanup();
}
