/**
 * The office's letter settings and emblem: stored (settings table, letters/emblem.*), and the settings page's
 * calls (view with the next number, save, emblem set and clear), each audited.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import { jsonOr } from '../../../shared/json';
import { AppError } from '../../../shared/errors';
import {
  letterSettingsSchema,
  type LetterSettings,
  type LetterSettingsView,
} from '../../../shared/schemas/letter';
import type { Db } from '../../../db/connection';
import type { WriteCtx } from '../../../db/queries/audit';
import { writeAudit } from '../../../db/queries/audit';
import { peekSequence } from '../../../db/queries/sequence';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { localDate } from '../business';
import { requireOffice } from '../office';
import { getSetting, setSetting } from '../settings';
import { formatLetterNumber } from './format';

export const SETTINGS_KEY = 'letters.settings';
/** the yearly sequence letter numbers are taken from */
export const LETTER_SEQUENCE = 'letter';

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  paper: 'A4',
  numberTemplate: '{kode_klasifikasi}/{nomor:3}/{kode_kecamatan}/{bulan_romawi}/{tahun}',
  // 500.9 Perindustrian in the classification list of Permendagri 83/2022 (docs/letters.md); confirmed by
  // the office at set-up
  classificationCode: '500.9',
  title: 'SURAT KETERANGAN TERDAFTAR INDUSTRI KECIL DAN MENENGAH',
  opening: 'Yang bertanda tangan di bawah ini, {jabatan_penanda_tangan}, {kabupaten}, menerangkan bahwa:',
  statement:
    'Yang bersangkutan benar pemilik {nama_usaha}, yang telah terdaftar dalam Daftar IKM Kecamatan {kecamatan} dengan nomor pendaftaran {nomor_registrasi} sejak tanggal {tanggal_registrasi}.',
  purposeSentence: 'Surat keterangan ini diberikan sebagai {keperluan}.',
  closing: 'Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.',
  defaultPurpose: 'persyaratan mengikuti pelatihan',
  signerMode: 'camat',
  signerOffice: null,
  signerName: null,
  signerRank: null,
  signerNip: null,
  tembusan: '',
  website: null,
};

/**
 * Texts earlier versions saved as their defaults, which were wrong (500.1 typed into the number, "Camat" in
 * the opening whoever signs, non-standard wording): a stored value equal to one of these is read as today's
 * default. A text the office edited is kept as it is.
 */
const OLD_DEFAULTS: Partial<Record<keyof LetterSettings, unknown[]>> = {
  numberTemplate: ['500.1/{nomor:3}/{kode_kecamatan}/{bulan_romawi}/{tahun}'],
  opening: ['Yang bertanda tangan di bawah ini Camat {kecamatan}, {kabupaten}, menerangkan bahwa:'],
  statement: [
    'Nama tersebut di atas benar-benar memiliki usaha industri {nama_usaha} dan telah terdaftar dalam Daftar IKM Kecamatan {kecamatan} dengan nomor registrasi {nomor_registrasi} sejak tanggal {tanggal_registrasi}.',
  ],
  defaultPurpose: ['persyaratan mengikuti pelatihan/pameran/bantuan'],
};

/** A stored settings object with the old defaults replaced by today's (the 500.1 code along with its template). */
export function upgradeStoredSettings(stored: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  for (const [key, olds] of Object.entries(OLD_DEFAULTS)) {
    if (!olds.includes(out[key])) continue;
    out[key] = DEFAULT_LETTER_SETTINGS[key as keyof LetterSettings];
    if (key === 'numberTemplate' && out.classificationCode === '500.1')
      out.classificationCode = DEFAULT_LETTER_SETTINGS.classificationCode;
  }
  return out;
}

/** The stored settings over the defaults (a setting added later takes its default). */
export async function getLetterSettings(db: Db): Promise<LetterSettings> {
  const raw = await getSetting(db, SETTINGS_KEY);
  // a damaged value reads as nothing stored: the defaults
  const stored = upgradeStoredSettings({
    ...DEFAULT_LETTER_SETTINGS,
    ...jsonOr(z.record(z.string(), z.unknown()), raw, {}),
  });
  const parsed = letterSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // A rule that became stricter (a signer NIP saved before the NIP check) empties only the fields it now
  // refuses, where the settings page shows them to fill in again; the rest of the office's settings stay.
  const refused = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => !refused.has(k)));
  const again = letterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, ...kept });
  return again.success ? again.data : DEFAULT_LETTER_SETTINGS;
}

async function saveLetterSettings(w: WriteCtx, before: LetterSettings, s: LetterSettings) {
  await setSetting(w, SETTINGS_KEY, JSON.stringify(s));
  await writeAudit(w, {
    table: 'settings',
    recordId: null,
    recordUuid: null,
    action: 'update',
    before: { key: SETTINGS_KEY, value: before },
    after: { key: SETTINGS_KEY, value: s },
  });
}

const EMBLEM_NAMES = ['emblem.png', 'emblem.jpg'] as const;

/** Data-folder relative path of the emblem, or null. */
function emblemRelPath(dataDir: string): string | null {
  for (const n of EMBLEM_NAMES) if (existsSync(path.join(dataDir, 'letters', n))) return `letters/${n}`;
  return null;
}

export function emblemAbsPath(dataDir: string): string | null {
  const rel = emblemRelPath(dataDir);
  return rel ? path.join(dataDir, rel) : null;
}

/** Checks the bytes are a PNG or JPEG pdfkit can embed, then stores them as letters/emblem.<ext>. */
function storeEmblem(dataDir: string, data: Buffer): string {
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  if (!isPng && !isJpeg)
    throw new AppError('VALIDATION', 'letters.errors.emblemFormat', {
      fields: { dataBase64: 'letters.errors.emblemFormat' },
    });
  try {
    const probe = new PDFDocument({ autoFirstPage: true });
    probe.image(data, 0, 0, { width: 10 });
    probe.end();
  } catch {
    throw new AppError('VALIDATION', 'letters.errors.emblemUnreadable', {
      fields: { dataBase64: 'letters.errors.emblemUnreadable' },
    });
  }
  const dir = path.join(dataDir, 'letters');
  mkdirSync(dir, { recursive: true });
  clearEmblem(dataDir);
  const name = isPng ? 'emblem.png' : 'emblem.jpg';
  writeFileSync(path.join(dir, name), data);
  return `letters/${name}`;
}

function clearEmblem(dataDir: string): void {
  for (const n of EMBLEM_NAMES) rmSync(path.join(dataDir, 'letters', n), { force: true });
}

/** The number the next letter of this year would get (nothing is taken). */
export async function nextSequenceNumber(db: Db, sequence: string, year: number): Promise<number> {
  return (await db.transaction().execute((trx) => peekSequence(trx, sequence, year))) + 1;
}

export async function settingsView(ctx: AppContext): Promise<LetterSettingsView> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const settings = await getLetterSettings(db);
  const date = localDate(ctx.now());
  const seq = await nextSequenceNumber(db, LETTER_SEQUENCE, Number(date.slice(0, 4)));
  return {
    settings,
    emblemPath: emblemRelPath(ctx.dataDir),
    nextNumberExample: formatLetterNumber(settings.numberTemplate, {
      seq,
      districtCode: office.districtCode,
      date,
      classificationCode: settings.classificationCode,
    }),
  };
}

export async function saveSettings(ctx: AppContext, s: LetterSettings): Promise<LetterSettingsView> {
  const before = await getLetterSettings(dbOf(ctx));
  await withWrite(ctx, (w) => saveLetterSettings(w, before, s));
  return settingsView(ctx);
}

export async function setEmblem(ctx: AppContext, dataBase64: string): Promise<LetterSettingsView> {
  const data = Buffer.from(dataBase64.replace(/^data:[^,]*,/, ''), 'base64');
  const rel = storeEmblem(ctx.dataDir, data);
  await withWrite(ctx, (w) =>
    writeAudit(w, {
      table: 'settings',
      recordId: null,
      recordUuid: null,
      action: 'emblem_set',
      after: { path: rel, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') },
    }),
  );
  return settingsView(ctx);
}

export async function removeEmblem(ctx: AppContext): Promise<LetterSettingsView> {
  clearEmblem(ctx.dataDir);
  await withWrite(ctx, (w) =>
    writeAudit(w, { table: 'settings', recordId: null, recordUuid: null, action: 'emblem_clear' }),
  );
  return settingsView(ctx);
}
