import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildLetterDoc,
  formatAddress,
  signerOf,
  villageKind,
  type LetterBusiness,
  type PermitLine,
} from '../../../electron/services/letters/content';
import { loadFonts } from '../../../electron/services/letters/fonts';
import {
  MARGINS_MM,
  renderLettersWithLayout,
  type LetterDoc,
} from '../../../electron/services/letters/render';
import { DEFAULT_LETTER_SETTINGS, upgradeStoredSettings } from '../../../electron/services/letters/settings';
import { formatLetterNumber } from '../../../electron/services/letters/format';
import { letterSettingsSchema, type LetterSettings, type Paper } from '../../../shared/schemas/letter';
import type { Office } from '../../../shared/schemas/office';
import { TEST_SETUP } from '../../fixtures/setup-input';

/**
 * The letter's layout, driven with plain data (permits included), and read back from the PDF with poppler:
 * blocks kept together, every word inside the margins, continuation headers, the real first page in a batch.
 * Set LETTER_SAMPLES=<dir> to keep the PDFs (the PNG samples in docs/img come from there).
 */

// the test office, with the letter's own address, phone and the rank written out
const office: Office = {
  id: 1,
  uuid: 'o',
  createdAt: '',
  updatedAt: '',
  ...TEST_SETUP.office,
  addressLine1: 'Jl. PB Sudirman No. 21, Kalisat',
  phone: '(0331) 591001',
  camatRank: 'Pembina Tingkat I (IV/b)',
};

const LONG_NAME =
  'Usaha Dagang Mebel Jati Hari Mulya Sejahtera Abadi Sentosa Kerajinan Ukir dan Furnitur Kayu Jati Perhutani Lestari';

const business = (over: Partial<LetterBusiness> = {}): LetterBusiness => ({
  id: 7,
  name: 'Keripik Tempe Bu Sri',
  brand: null,
  products: 'Keripik tempe, rempeyek kacang',
  registrationNumber: 'IKM-350927-2026-00042',
  registrationDate: '2026-03-10',
  kbliCode: '10794',
  kbliVersion: '2020',
  kbliTitle: 'Industri Kerupuk, Keripik, Peyek dan Sejenisnya',
  street: 'Dusun Krajan',
  rt: '002',
  rw: '005',
  villageName: 'Kalisat',
  place: { kind: 'Desa', village: 'Kalisat', district: 'Kalisat', regency: 'Kabupaten Jember' },
  yearStarted: 2015,
  workersMale: 2,
  workersFemale: 4,
  investment: 150_000_000,
  capital: 120_000_000,
  annualTurnover: 300_000_000,
  archived: false,
  owner: {
    name: 'Sri Wahyuni',
    nik: '3374124405800003',
    sex: 'P',
    birthPlace: 'Semarang',
    birthDate: '1980-05-04',
    street: 'Jl. Taman Sekaran Asri No. 14',
    rt: '003',
    rw: '007',
    villageName: 'Sekaran',
    // a kelurahan in another kecamatan and another kota: 33.74.12.1009
    place: { kind: 'Kelurahan', village: 'Sekaran', district: 'Gunungpati', regency: 'Kota Semarang' },
  },
  ...over,
});

const FIVE_PERMITS: PermitLine[] = [
  { text: 'NIB 9120301234567, terbit 2 Februari 2021' },
  { text: 'SPP-IRT P-IRT No. 2063509010123-29, berlaku sampai 14 Juli 2029' },
  { text: 'Sertifikat Halal ID35110000123450823, reguler, Badan Penyelenggara Jaminan Produk Halal' },
  { text: 'Nomor Pokok Wajib Pajak 3509274405800003 (sama dengan NIK)' },
  { text: 'Sertifikat Produk Penggunaan Tanda SNI 01-4270-1996, LSPro Balai Besar Industri Agro' },
];

const anSettings = (paper: Paper): LetterSettings =>
  letterSettingsSchema.parse({
    ...DEFAULT_LETTER_SETTINGS,
    paper,
    signerMode: 'an',
    signerOffice: 'Sekretaris Kecamatan',
    signerName: 'Dra. Endang Purwaningsih Kusumawardhani, M.Si.',
    signerRank: 'Penata Tingkat I (III/d)',
    signerNip: '197806152005012003',
    tembusan:
      'Bupati Jember (sebagai laporan)\nKepala Dinas Perindustrian dan Perdagangan Kabupaten Jember\nKepala Desa Kalisat\nArsip',
  });

function doc(settings: LetterSettings, b: LetterBusiness, permits: PermitLine[], seq = 42): LetterDoc {
  const number = formatLetterNumber(settings.numberTemplate, {
    seq,
    districtCode: office.districtCode,
    date: '2026-03-12',
    classificationCode: settings.classificationCode,
  });
  return buildLetterDoc({
    office,
    settings,
    business: b,
    permits,
    number,
    date: '2026-03-12',
    purpose: 'persyaratan mengikuti pelatihan',
    fullNik: false,
    qrText: `IKM1.${'A'.repeat(150)}.${'B'.repeat(86)}`,
    verificationCode: 'K7QM-2XPD',
  });
}

const fonts = loadFonts(null);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'letter-layout-'));
const keep = process.env.LETTER_SAMPLES;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function render(name: string, docs: LetterDoc[]) {
  const r = await renderLettersWithLayout(docs, { fonts, creationDate: new Date(2026, 2, 12) });
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, r.bytes);
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(path.join(keep, `${name}.pdf`), r.bytes);
  }
  return { ...r, file };
}

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points (pdftotext -bbox), and each page's size. */
function words(file: string): { words: Word[]; sizes: { w: number; h: number }[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  const sizes: { w: number; h: number }[] = [];
  for (const pg of html.split('<page ').slice(1)) {
    const m = /width="([\d.]+)" height="([\d.]+)"/.exec(pg)!;
    sizes.push({ w: Number(m[1]), h: Number(m[2]) });
    for (const w of pg.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ))
      out.push({
        page: sizes.length,
        text: w[5]!,
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
      });
  }
  return { words: out, sizes };
}

const MM = 72 / 25.4;

/** Words outside the page margins (the SALINAN marks of a copy are deliberately outside; none here). */
function outsideMargins(file: string): Word[] {
  const { words: ws, sizes } = words(file);
  return ws.filter((w) => {
    const s = sizes[w.page - 1]!;
    return (
      w.xMin < MARGINS_MM.left * MM - 0.5 ||
      w.xMax > s.w - MARGINS_MM.right * MM + 0.5 ||
      w.yMin < MARGINS_MM.top * MM - 0.5 ||
      w.yMax > s.h - MARGINS_MM.bottom * MM + 0.5
    );
  });
}

/** The page each of these words is on (first occurrence). */
function pageOf(file: string, text: string): number {
  const w = words(file).words.find((x) => x.text === text);
  if (!w) throw new Error(`word not found: ${text}`);
  return w.page;
}

const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

describe('letter layout (item 1): blocks kept together, margins on every page', () => {
  for (const paper of ['A4', 'F4'] as const) {
    it(`${paper}: long name, five permits, signed a.n., kelurahan owner from another kota`, async () => {
      const d = doc(anSettings(paper), business({ name: LONG_NAME, brand: 'Jati Mulya' }), FIVE_PERMITS);
      const r = await render(`surat-panjang-${paper}`, [d]);
      const [layout] = r.layouts;
      // no word outside the margins, on any page
      expect(outsideMargins(r.file)).toEqual([]);
      // the signature block is one block, on one page, inside the content area
      const sigPages = layout!.pages
        .map((p, i) => (p.some((b) => b.kind === 'signature') ? i : -1))
        .filter((i) => i >= 0);
      expect(sigPages).toHaveLength(1);
      for (const [i, p] of layout!.pages.entries())
        for (const b of p) {
          expect(b.top).toBeGreaterThanOrEqual(layout!.contentTop[i]! - 0.01);
          expect(b.bottom).toBeLessThanOrEqual(layout!.contentBottom + 0.01);
        }
      // place and date, the a.n. line, title, name, rank and NIP all on the signature's page
      const sp = sigPages[0]! + 1;
      const text = pageText(r.file, sp).replace(/\s+/g, ' ');
      for (const s of [
        'Kalisat, 12 Maret 2026',
        'a.n. CAMAT KALISAT',
        'SEKRETARIS KECAMATAN',
        'Dra. Endang Purwaningsih Kusumawardhani, M.Si.',
        'Penata Tingkat I (III/d)',
        'NIP. 19780615 200501 2 003',
        // the QR's caption with it
        'Kode verifikasi: K7QM-2XPD',
      ])
        expect(text).toContain(s);
      // the closing sentence is never separated from the signature
      expect(text).toContain('Demikian surat keterangan ini');
      // the permits, one row each, all printed
      const all = execFileSync('pdftotext', [r.file, '-'], { encoding: 'utf8' });
      for (const p of FIVE_PERMITS) expect(all.replace(/\s+/g, ' ')).toContain(p.text.slice(0, 25));
      // the tembusan stays in one piece
      expect(pageOf(r.file, 'Tembusan:')).toBe(pageOf(r.file, 'Arsip'));
      // a continuation page carries the number and "halaman N dari M"
      const n = layout!.pages.length;
      expect(n).toBeGreaterThan(1);
      for (let p = 2; p <= n; p++) {
        const t = pageText(r.file, p);
        expect(t).toContain('Nomor : 500.9/042/35.09.27/III/2026');
        expect(t).toContain(`halaman ${p} dari ${n}`);
      }
      expect(pageText(r.file, 1)).not.toContain('halaman 1');
    });
  }

  it('a short letter stays on one page', async () => {
    const r = await render('surat-pendek', [doc({ ...DEFAULT_LETTER_SETTINGS }, business(), [])]);
    expect(r.layouts[0]!.pages).toHaveLength(1);
    expect(outsideMargins(r.file)).toEqual([]);
  });

  it('a batch of letters where one overflows: each letter starts on its own first page', async () => {
    const s = anSettings('A4');
    const docs = [
      doc(s, business({ name: 'Usaha Satu' }), [], 1),
      doc(s, business({ name: LONG_NAME }), FIVE_PERMITS, 2),
      doc(s, business({ name: 'Usaha Tiga' }), [], 3),
    ];
    const r = await render('batch', docs);
    const counts = r.layouts.map((l) => l.pages.length);
    expect(counts[1]).toBeGreaterThan(1);
    const third = 1 + counts[0]! + counts[1]!;
    expect(pageText(r.file, third)).toContain('Nomor : 500.9/003/35.09.27/III/2026');
    expect(pageText(r.file, third)).toContain('PEMERINTAH KABUPATEN JEMBER');
  });
});

describe('letter wording (items 2–5)', () => {
  it('item 2: the number takes the classification from the setting; default 500.9; old 500.1 default upgraded', () => {
    const d = doc({ ...DEFAULT_LETTER_SETTINGS }, business(), []);
    expect(d.number).toBe('500.9/042/35.09.27/III/2026');
    const custom = doc({ ...DEFAULT_LETTER_SETTINGS, classificationCode: '510' }, business(), []);
    expect(custom.number).toBe('510/042/35.09.27/III/2026');
    const upgraded = upgradeStoredSettings({
      numberTemplate: '500.1/{nomor:3}/{kode_kecamatan}/{bulan_romawi}/{tahun}',
      classificationCode: '500.1',
    });
    expect(upgraded).toMatchObject({
      numberTemplate: '{kode_klasifikasi}/{nomor:3}/{kode_kecamatan}/{bulan_romawi}/{tahun}',
      classificationCode: '500.9',
    });
    // an office's own template is kept
    expect(upgradeStoredSettings({ numberTemplate: '503/{nomor:4}/{tahun}' }).numberTemplate).toBe(
      '503/{nomor:4}/{tahun}',
    );
    // a template using the code with the code emptied is refused
    expect(
      letterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, classificationCode: '' }).success,
    ).toBe(false);
  });

  it('item 3: the opening follows the signer (Camat, a.n., Plt., Plh.)', () => {
    const base = { ...DEFAULT_LETTER_SETTINGS, signerName: 'Budi Santoso', signerNip: '197806152005011003' };
    const open = (s: Partial<LetterSettings>) =>
      doc(letterSettingsSchema.parse({ ...base, ...s }), business(), []).opening;
    expect(open({ signerMode: 'camat' })).toBe(
      'Yang bertanda tangan di bawah ini, Camat Kalisat, Kabupaten Jember, menerangkan bahwa:',
    );
    expect(open({ signerMode: 'an', signerOffice: 'Sekretaris Kecamatan' })).toBe(
      'Yang bertanda tangan di bawah ini, Sekretaris Kecamatan Kalisat, atas nama Camat Kalisat, Kabupaten Jember, menerangkan bahwa:',
    );
    expect(open({ signerMode: 'plt' })).toContain('di bawah ini, Pelaksana Tugas Camat Kalisat,');
    expect(open({ signerMode: 'plh' })).toContain('di bawah ini, Pelaksana Harian Camat Kalisat,');
    const plt = signerOf(letterSettingsSchema.parse({ ...base, signerMode: 'plt' }), office);
    expect(plt).toMatchObject({ anLine: null, title: 'Plt. CAMAT KALISAT', name: 'Budi Santoso' });
    const an = signerOf(
      letterSettingsSchema.parse({ ...base, signerMode: 'an', signerOffice: 'Sekretaris Kecamatan' }),
      office,
    );
    expect(an).toMatchObject({ anLine: 'a.n. CAMAT KALISAT', title: 'SEKRETARIS KECAMATAN' });
    // an opening that names the Camat outright is refused when someone else signs
    expect(
      letterSettingsSchema.safeParse({
        ...base,
        signerMode: 'plh',
        opening: 'Yang bertanda tangan di bawah ini Camat {kecamatan}, menerangkan bahwa:',
      }).success,
    ).toBe(false);
  });

  it("item 4: the owner's kecamatan and kabupaten come from the owner's code; Desa or Kelurahan from the code", () => {
    expect(villageKind('33.74.12.1009')).toBe('Kelurahan');
    expect(villageKind('35.09.28.2001')).toBe('Desa');
    expect(villageKind('35.09.28')).toBeNull();
    const d = doc({ ...DEFAULT_LETTER_SETTINGS }, business(), []);
    expect(d.owner.find(([l]) => l === 'Alamat')![1]).toBe(
      'Jl. Taman Sekaran Asri No. 14, RT 003/RW 007, Kelurahan Sekaran, Kecamatan Gunungpati, Kota Semarang',
    );
    // without a code the office's kecamatan is not put on the owner
    expect(formatAddress(null, null, null, null, 'Lembengan', null)).toBe('Lembengan');
  });

  it('item 5: baku wording, Pos-el, one purpose, the QR caption says where to check, no period after the code', () => {
    const d = doc({ ...DEFAULT_LETTER_SETTINGS }, business({ name: 'Usaha Dagang Sinar Jaya' }), []);
    expect(d.statement).toMatch(
      /^Yang bersangkutan benar pemilik Usaha Dagang Sinar Jaya, yang telah terdaftar/,
    );
    expect(d.statement).not.toMatch(/benar-benar|usaha industri Usaha/i);
    expect(d.letterhead.contact.join(' ')).toContain('Pos-el kec.kalisat@jemberkab.go.id');
    expect(d.letterhead.contact.join(' ')).not.toContain('Email');
    expect(d.qr.caption).toContain('Periksa keaslian di aplikasi\nDaftar IKM Kecamatan Kalisat');
    expect(d.qr.caption).toContain('atau Disperindag Kabupaten Jember');
    expect(d.qr.caption).not.toContain('Pindai');
    expect(d.qr.caption).toMatch(/Kode verifikasi: K7QM-2XPD\n/);
    expect(d.qr.caption).not.toMatch(/K7QM-2XPD\./);
    expect(DEFAULT_LETTER_SETTINGS.defaultPurpose).not.toContain('/');
  });
});
