import { z } from 'zod';
import { M, zId, zOptionalNip, zOptionalText, zRequiredText, zText } from './common';

/**
 * Registration letters (surat keterangan terdaftar IKM): the office's letter settings, the register, batch
 * printing and offline verification. The same schemas run in the forms and in main.
 */

export const PAPERS = ['A4', 'F4'] as const;
export type Paper = (typeof PAPERS)[number];

/** Placeholders the office may use in the body texts (documented in docs/letters.md). */
export const BODY_PLACEHOLDERS = [
  'nama_usaha',
  'nama_pemilik',
  'produk',
  'nomor_registrasi',
  'tanggal_registrasi',
  'desa',
  'kecamatan',
  'kabupaten',
  'provinsi',
  'nama_camat',
  'jabatan_penanda_tangan',
  'keperluan',
  'kbli',
  'tahun_mulai',
] as const;

/** Parts of the letter number template (docs/letters.md). `{nomor:N}` pads the yearly counter to N digits. */
export const NUMBER_PARTS = [
  'nomor',
  'kode_kecamatan',
  'kode_kecamatan_polos',
  'bulan_romawi',
  'bulan',
  'tahun',
  'kode_klasifikasi',
] as const;

/** Every `{name}` or `{name:N}` in a text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([a-z_]+)(?::\d+)?\}/g)].map((m) => m[1]!);
}

function onlyPlaceholders(allowed: readonly string[]) {
  return (text: string) => {
    if (/\{(?![a-z_]+(?::\d+)?\})/.test(text)) return false;
    return placeholdersIn(text).every((p) => allowed.includes(p));
  };
}

const zBody = (max: number) =>
  zRequiredText(max).refine(onlyPlaceholders(BODY_PLACEHOLDERS), { error: 'validation.letterPlaceholder' });

export const SIGNER_MODES = ['camat', 'an', 'plt', 'plh'] as const;

export const letterSettingsSchema = z
  .object({
    paper: z.enum(PAPERS, { error: M.required }),
    numberTemplate: zRequiredText(120)
      .refine(onlyPlaceholders(NUMBER_PARTS), { error: 'validation.letterNumberPart' })
      .refine((t) => /\{nomor(?::\d)?\}/.test(t), { error: 'validation.letterNumberNeedsCounter' }),
    /** Kode klasifikasi arsip (Permendagri 83/2022): 500.9 Perindustrian by default; `{kode_klasifikasi}` */
    classificationCode: zText(30),
    title: zRequiredText(200),
    opening: zBody(1000),
    statement: zBody(2000),
    purposeSentence: zBody(500),
    closing: zBody(500),
    defaultPurpose: zRequiredText(200),
    /** camat; a.n. (on the Camat's behalf); Plt. (Pelaksana Tugas); Plh. (Pelaksana Harian) */
    signerMode: z.enum(SIGNER_MODES),
    /** The signer's own office when signing on the Camat's behalf, e.g. "Sekretaris Kecamatan". */
    signerOffice: zOptionalText(120),
    signerName: zOptionalText(120),
    signerRank: zOptionalText(120),
    signerNip: zOptionalNip,
    /** One recipient per line. */
    tembusan: zText(1000),
    website: zOptionalText(120),
  })
  .superRefine((v, ctx) => {
    if (placeholdersIn(v.numberTemplate).includes('kode_klasifikasi') && !v.classificationCode)
      ctx.addIssue({ code: 'custom', path: ['classificationCode'], message: 'validation.required' });
    if (v.signerMode === 'camat') return;
    // the opening names whoever signs: a fixed "Camat …" would be untrue when someone else signs
    if (!placeholdersIn(v.opening).includes('jabatan_penanda_tangan'))
      ctx.addIssue({ code: 'custom', path: ['opening'], message: 'validation.letterOpeningSigner' });
    if (v.signerMode === 'an' && !v.signerOffice)
      ctx.addIssue({ code: 'custom', path: ['signerOffice'], message: 'validation.required' });
    if (!v.signerName) ctx.addIssue({ code: 'custom', path: ['signerName'], message: 'validation.required' });
  });
export type LetterSettings = z.output<typeof letterSettingsSchema>;

export interface LetterSettingsView {
  settings: LetterSettings;
  /** Data-folder relative path of the uploaded emblem (letters/emblem.png), or null. */
  emblemPath: string | null;
  /** The number the next letter would get (not reserved). */
  nextNumberExample: string;
}

/** One purpose per letter: "pelatihan/pameran/bantuan" is refused (a letter says what it is for). */
export const zPurpose = zRequiredText(200).refine((p) => !/\S\s*\/\s*\S/.test(p), {
  error: 'validation.letterOnePurpose',
});

export const letterIssueSchema = z.object({
  businessId: zId,
  purpose: zPurpose,
  /** Print the owner's full NIK instead of the masked one. */
  fullNik: z.boolean().default(false),
});

export const letterIdSchema = z.object({ id: zId });

export const letterVoidSchema = z.object({
  id: zId,
  reason: zRequiredText(500).refine((r) => r.length >= 5, { error: 'validation.reasonTooShort' }),
});

const zIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: M.invalid })
  .nullish()
  .transform((v) => v ?? null);

export const letterListSchema = z
  .object({
    from: zIsoDate,
    to: zIsoDate,
    businessId: zId.nullish(),
    query: z.string().trim().max(200).optional(),
    status: z.enum(['all', 'issued', 'voided']).default('all'),
    limit: z.number().int().min(1).max(500).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .default({ from: null, to: null, status: 'all', limit: 200, offset: 0 });
export type LetterListInput = z.input<typeof letterListSchema>;

export interface LetterListItem {
  id: number;
  uuid: string;
  businessId: number;
  businessName: string;
  registrationNumber: string;
  number: string;
  kind: 'original' | 'salinan';
  originalId: number | null;
  status: 'issued' | 'voided';
  voidReason: string | null;
  purpose: string;
  paper: Paper;
  /** Data-folder relative path of the PDF (letters/2026/…pdf). */
  filePath: string | null;
  page: number | null;
  sha256: string | null;
  verificationCode: string;
  issuedAt: string;
  issuedBy: string | null;
}

export interface LetterPage {
  items: LetterListItem[];
  total: number;
}

export const letterPreviewSchema = z.object({
  businessId: zId.nullish(),
  /** Unsaved settings from the form: the preview shows them before they are saved. */
  settings: letterSettingsSchema.optional(),
});

export const emblemSetSchema = z.object({
  /** PNG or JPEG, base64 */
  dataBase64: z.string().min(8).max(4_000_000, { error: 'validation.emblemTooLarge' }),
});

export const letterVerifySchema = z
  .object({
    text: z.string().trim().max(2000).optional(),
    number: z.string().trim().max(120).optional(),
    code: z.string().trim().max(20).optional(),
  })
  .refine((v) => !!v.text || (!!v.number && !!v.code), { error: 'validation.verifyInput', path: ['text'] });

/** What the QR carries (signed): no NIK, nothing that is not already printed on the letter. */
export interface SignedLetterRecord {
  number: string;
  registrationNumber: string;
  businessName: string;
  /** yyyy-mm-dd */
  date: string;
  /** kecamatan code, dotted */
  officeCode: string;
}

export type VerifyStatus =
  | 'valid' // genuine, and it matches this office's register
  | 'voided' // genuine, but voided in the register
  | 'notInRegister' // genuine signature of this office, but no such letter here
  | 'validOtherOffice' // genuine, signed by an imported office key (its register is not here)
  | 'invalid' // signature does not match: altered text or forged
  | 'unknownKey' // signed by an office whose key was not imported
  | 'malformed' // not a Daftar IKM QR text
  | 'codeMismatch' // typed number + code: the code does not match
  | 'notFound'; // typed number: no such letter here

export interface VerifyResult {
  status: VerifyStatus;
  record: SignedLetterRecord | null;
  letter: LetterListItem | null;
  officeName: string | null;
}

export const keyImportSchema = z.object({ content: z.string().min(10).max(20_000) });

/**
 * Another office's exported public key (`kunci-publik-<code>.json`), read with this schema on import: a file
 * from outside. `regencyName`, `fingerprint` and `exportedAt` are optional to read (the importer recomputes
 * the fingerprint and refuses a file whose stated one differs); the export always writes them.
 */
export const publicKeyFileSchema = z.object({
  format: z.literal('daftar-ikm-public-key'),
  version: z.literal(1),
  officeCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
  officeName: z.string().trim().min(1).max(200),
  regencyName: z.string().trim().max(200).optional(),
  publicKey: z.string().max(4000),
  fingerprint: z.string().max(200).optional(),
  exportedAt: z.string().max(40).optional(),
});
export type PublicKeyFile = Required<z.output<typeof publicKeyFileSchema>>;

export interface OfficeKey {
  id: number;
  officeCode: string;
  officeName: string;
  fingerprint: string;
  createdAt: string;
}

export const batchStartSchema = z
  .object({
    businessIds: z.array(zId).max(5000).optional(),
    registeredFrom: zIsoDate,
    registeredTo: zIsoDate,
    purpose: zPurpose,
    output: z.enum(['single', 'separate']).default('single'),
  })
  .refine((v) => (v.businessIds?.length ?? 0) > 0 || (!!v.registeredFrom && !!v.registeredTo), {
    error: 'validation.batchSelection',
    path: ['registeredFrom'],
  });

export const batchCancelSchema = z.object({ jobId: z.string().min(1).max(100) });

export interface BatchStarted {
  jobId: string;
  total: number;
}

export interface BatchProgress {
  jobId: string;
  done: number;
  total: number;
}

export interface BatchDone {
  jobId: string;
  status: 'done' | 'cancelled' | 'failed';
  total: number;
  rendered: number;
  /** one PDF: its path; separate files: the folder */
  filePath: string | null;
  folder: string | null;
  /** i18n key when failed */
  message: string | null;
}

export interface PrintResult {
  /** true when the system print dialog was shown (Electron); false: open `filePath` in the browser */
  printed: boolean;
  filePath: string;
}
