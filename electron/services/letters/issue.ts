/**
 * Issuing letters: the next number from the yearly sequence, the signed QR, the worded letter and the register
 * row with its audit lines, all in one transaction; the PDF is written atomically and removed again if the
 * transaction fails. Used for single letters and reprints here, and chunk by chunk by batches (batch.ts).
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { writeAudit, type WriteCtx } from '../../../db/queries/audit';
import { auditedInsert } from '../../../db/queries/record-write';
import { nextSequence } from '../../../db/queries/sequence';
import { parseJsonWith } from '../../../shared/json';
import { AppError } from '../../../shared/errors';
import {
  PAPERS,
  type LetterListItem,
  type LetterSettings,
  type SignedLetterRecord,
  type letterIssueSchema,
} from '../../../shared/schemas/letter';
import type { Office } from '../../../shared/schemas/office';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { localDate } from '../business';
import { requireOffice } from '../office';
import { getSecret } from '../secrets';
import {
  buildLetterDoc,
  loadLetterBusinesses,
  type LetterBusiness,
  type PermitLine,
  permitsFor,
} from './content';
import { writeLetterBytes } from './files';
import { loadFonts } from './fonts';
import { formatLetterNumber } from './format';
import { getLetter } from './register';
import { renderLetter, type LetterDoc } from './render';
import { LETTER_SEQUENCE, emblemAbsPath, getLetterSettings } from './settings';
import { signRecord } from './signing';

/** letters/2026/surat-2026-00042.pdf; a reprint: …-salinan-2.pdf */
export function letterRelPath(year: number, seq: number, copyNo = 0): string {
  const base = `surat-${year}-${String(seq).padStart(5, '0')}`;
  return `letters/${year}/${copyNo ? `${base}-salinan-${copyNo}` : base}.pdf`;
}

const pair = z.tuple([z.string(), z.string()]);
/** A stored letter's content (`letters.content_json`, which may come from a restored database): checked. */
const letterDocSchema = z.object({
  paper: z.enum(PAPERS),
  copy: z.boolean(),
  emblemPath: z.string().nullable(),
  letterhead: z.object({ top: z.array(z.string()), contact: z.array(z.string()) }),
  title: z.string(),
  number: z.string(),
  opening: z.string(),
  owner: z.array(pair),
  businessIntro: z.string(),
  business: z.array(pair),
  statement: z.string(),
  purpose: z.string(),
  closing: z.string(),
  placeDate: z.string(),
  signer: z.object({
    anLine: z.string().nullable(),
    title: z.string(),
    name: z.string(),
    rank: z.string().nullable(),
    nip: z.string().nullable(),
  }),
  qr: z.object({ text: z.string(), caption: z.string() }),
  tembusan: z.array(z.string()),
}) satisfies z.ZodType<LetterDoc>;

export interface IssueContext {
  office: Office;
  settings: LetterSettings;
  privatePem: string;
}

export async function issueContext(ctx: AppContext): Promise<IssueContext> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const settings = await getLetterSettings(db);
  const privatePem = await getSecret(ctx, 'signing.privateKey');
  if (!privatePem) throw new AppError('NOT_SET_UP', 'letters.errors.noSigningKey');
  return { office, settings, privatePem };
}

export interface PreparedLetter {
  record: SignedLetterRecord;
  doc: LetterDoc;
  payload: string;
  verificationCode: string;
}

/** Number, signed QR and the worded letter: everything but the PDF bytes. */
export function prepareLetter(
  ic: IssueContext,
  business: LetterBusiness,
  permits: PermitLine[],
  seq: number,
  date: string,
  purpose: string,
  fullNik: boolean,
): PreparedLetter {
  const number = formatLetterNumber(ic.settings.numberTemplate, {
    seq,
    districtCode: ic.office.districtCode,
    date,
    classificationCode: ic.settings.classificationCode,
  });
  const record: SignedLetterRecord = {
    number,
    registrationNumber: business.registrationNumber,
    businessName: business.name,
    date,
    officeCode: ic.office.districtCode,
  };
  const qr = signRecord(record, ic.privatePem);
  const doc = buildLetterDoc({
    office: ic.office,
    settings: ic.settings,
    business,
    permits,
    number,
    date,
    purpose,
    fullNik,
    qrText: qr.text,
    verificationCode: qr.verificationCode,
  });
  return { record, doc, payload: qr.text, verificationCode: qr.verificationCode };
}

export async function loadOne(db: Db, businessId: number): Promise<LetterBusiness> {
  const [b] = await loadLetterBusinesses(db, [businessId]);
  if (!b) throw new AppError('NOT_FOUND', 'errors.notFound');
  if (b.archived) throw new AppError('CONFLICT', 'letters.errors.businessArchived');
  return b;
}

export interface LetterInsert {
  businessId: number;
  number: string;
  seq: number;
  year: number;
  kind: 'original' | 'salinan';
  originalId: number | null;
  purpose: string;
  paper: 'A4' | 'F4';
  fullNik: boolean;
  filePath: string | null;
  page: number | null;
  sha256: string | null;
  payload: string;
  verificationCode: string;
  doc: LetterDoc;
  batchId: string | null;
}

/** Inserts the register row and its audit rows (the letter's, and a line on the business's timeline). */
export async function recordLetter(w: WriteCtx, l: LetterInsert): Promise<number> {
  const row = await auditedInsert(
    w,
    'letters',
    {
      uuid: w.uuid(),
      business_id: l.businessId,
      number: l.number,
      seq: l.seq,
      year: l.year,
      kind: l.kind,
      original_id: l.originalId,
      status: 'issued',
      void_reason: null,
      voided_at: null,
      voided_by: null,
      purpose: l.purpose,
      paper: l.paper,
      full_nik: l.fullNik ? 1 : 0,
      file_path: l.filePath,
      page: l.page,
      sha256: l.sha256,
      payload: l.payload,
      verification_code: l.verificationCode,
      content_json: JSON.stringify({ ...l.doc, copy: false, emblemPath: null }),
      batch_id: l.batchId,
      issued_at: w.now,
      issued_by: w.actor.name,
      created_at: w.now,
      updated_at: w.now,
    },
    {
      action: l.kind === 'original' ? 'issue' : 'reprint',
      after: {
        number: l.number,
        business_id: l.businessId,
        kind: l.kind,
        purpose: l.purpose,
        file_path: l.filePath,
        sha256: l.sha256,
        batch_id: l.batchId,
      },
    },
  );
  await writeAudit(w, {
    table: 'businesses',
    recordId: l.businessId,
    recordUuid: null,
    action: l.kind === 'original' ? 'letter_printed' : 'letter_reprinted',
    after: { number: l.number, purpose: l.purpose },
  });
  return row.id;
}

/**
 * Renders inside the caller's transaction and writes the PDF; the file is removed again when the transaction
 * does not commit, so a register row never lacks its file and no file lacks its row.
 */
async function withLetterFile(
  ctx: AppContext,
  write: (w: WriteCtx, save: (rel: string, doc: LetterDoc) => Promise<string>) => Promise<number>,
): Promise<LetterListItem> {
  const fonts = loadFonts(ctx.config.fontsDir);
  const emblemPath = emblemAbsPath(ctx.dataDir);
  let written: string | null = null;
  try {
    const id = await withWrite(ctx, (w) =>
      write(w, async (rel, doc) => {
        const bytes = await renderLetter({ ...doc, emblemPath }, { fonts });
        written = path.join(ctx.dataDir, rel);
        return writeLetterBytes(ctx.dataDir, rel, bytes);
      }),
    );
    return await getLetter(dbOf(ctx), id);
  } catch (e) {
    if (written) rmSync(written, { force: true });
    throw e;
  }
}

/** Issues one letter: the next number, the PDF saved with its SHA-256, and the register row, in one transaction. */
export async function issueLetter(
  ctx: AppContext,
  input: z.output<typeof letterIssueSchema>,
): Promise<LetterListItem> {
  const db = dbOf(ctx);
  const ic = await issueContext(ctx);
  const business = await loadOne(db, input.businessId);
  const date = localDate(ctx.now());
  const permits = await permitsFor(db, business.id, date);
  const year = Number(date.slice(0, 4));
  return withLetterFile(ctx, async (w, save) => {
    const seq = await nextSequence(w.trx, LETTER_SEQUENCE, year);
    const p = prepareLetter(ic, business, permits, seq, date, input.purpose, input.fullNik);
    const rel = letterRelPath(year, seq);
    const sha256 = await save(rel, p.doc);
    return recordLetter(w, {
      businessId: business.id,
      number: p.record.number,
      seq,
      year,
      kind: 'original',
      originalId: null,
      purpose: input.purpose,
      paper: ic.settings.paper,
      fullNik: input.fullNik,
      filePath: rel,
      page: null,
      sha256,
      payload: p.payload,
      verificationCode: p.verificationCode,
      doc: p.doc,
      batchId: null,
    });
  });
}

/** A copy: the same number and content as the original, marked SALINAN, recorded as its own row. */
export async function reprintLetter(ctx: AppContext, id: number): Promise<LetterListItem> {
  const db = dbOf(ctx);
  const found = await db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'errors.notFound');
  const original =
    found.kind === 'original'
      ? found
      : await db
          .selectFrom('letters')
          .selectAll()
          .where('id', '=', found.original_id!)
          .executeTakeFirstOrThrow();
  if (original.status === 'voided') throw new AppError('CONFLICT', 'letters.errors.voidedNoReprint');
  // the stored content may come from a restored database: checked, and its emblem path never used
  const parsed = parseJsonWith(letterDocSchema, original.content_json);
  if (!parsed.ok) throw new AppError('CONFLICT', 'letters.errors.contentDamaged');
  const stored = parsed.value;
  return withLetterFile(ctx, async (w, save) => {
    const n = await w.trx
      .selectFrom('letters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('original_id', '=', original.id)
      .executeTakeFirstOrThrow();
    const rel = letterRelPath(original.year, original.seq, Number(n.n) + 1);
    const sha256 = await save(rel, { ...stored, copy: true });
    return recordLetter(w, {
      businessId: original.business_id,
      number: original.number,
      seq: original.seq,
      year: original.year,
      kind: 'salinan',
      originalId: original.id,
      purpose: original.purpose,
      paper: original.paper,
      fullNik: original.full_nik === 1,
      filePath: rel,
      page: null,
      sha256,
      payload: original.payload,
      verificationCode: original.verification_code,
      doc: { ...stored, copy: false },
      batchId: null,
    });
  });
}
