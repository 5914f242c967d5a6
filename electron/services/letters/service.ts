import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type {
  LetterListItem,
  LetterPage,
  LetterSettings,
  LetterSettingsView,
  OfficeKey,
  PrintResult,
  PublicKeyFile,
  SignedLetterRecord,
  VerifyResult,
  letterIssueSchema,
  letterListSchema,
  letterVerifySchema,
} from '../../../shared/schemas/letter';
import type { Office } from '../../../shared/schemas/office';
import type { Db } from '../../../db/connection';
import type { WriteCtx } from '../../../db/queries/audit';
import { writeAudit } from '../../../db/queries/audit';
import { nextSequence, peekSequence } from '../../../db/queries/sequence';
import type { LetterTable } from '../../../db/schema';
import type { Selectable } from 'kysely';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { localDate } from '../business';
import { requireOffice } from '../office';
import { getSecret } from '../settings';
import { buildLetterDoc, loadLetterBusinesses, permitsFor, type LetterBusiness } from './content';
import { writeLetterBytes } from './files';
import { formatLetterNumber } from './format';
import { pdfPrinter } from './print';
import { renderLetter, type LetterDoc } from './render';
import {
  emblemAbsPath,
  emblemRelPath,
  getLetterSettings,
  saveLetterSettings,
  clearEmblem,
  storeEmblem,
} from './settings';
import {
  assertEd25519Public,
  keyFingerprint,
  normalizeCode,
  parseQr,
  signRecord,
  verifySignature,
} from './signing';

export const LETTER_SEQUENCE = 'letter';

type LetterRow = Selectable<LetterTable>;
type ItemRow = LetterRow & { business_name: string; registration_number: string };

export function toLetterItem(r: ItemRow): LetterListItem {
  return {
    id: r.id,
    uuid: r.uuid,
    businessId: r.business_id,
    businessName: r.business_name,
    registrationNumber: r.registration_number,
    number: r.number,
    kind: r.kind,
    originalId: r.original_id,
    status: r.status,
    voidReason: r.void_reason,
    purpose: r.purpose,
    paper: r.paper,
    filePath: r.file_path,
    page: r.page,
    sha256: r.sha256,
    verificationCode: r.verification_code,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
  };
}

function itemQuery(db: Db) {
  return db
    .selectFrom('letters as l')
    .innerJoin('businesses as b', 'b.id', 'l.business_id')
    .selectAll('l')
    .select(['b.name as business_name', 'b.registration_number']);
}

export async function getLetter(db: Db, id: number): Promise<LetterListItem> {
  const r = await itemQuery(db).where('l.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return toLetterItem(r);
}

/** Local midnight of a calendar date, as the ISO instant stored in issued_at. */
function localMidnightIso(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

export async function listLetters(db: Db, f: z.output<typeof letterListSchema>): Promise<LetterPage> {
  let q = itemQuery(db);
  if (f.from) q = q.where('l.issued_at', '>=', localMidnightIso(f.from));
  if (f.to) q = q.where('l.issued_at', '<', localMidnightIso(f.to, 1));
  if (f.businessId) q = q.where('l.business_id', '=', f.businessId);
  if (f.status !== 'all') q = q.where('l.status', '=', f.status);
  const term = f.query?.trim();
  if (term) {
    const like = `%${term}%`;
    q = q.where((eb) =>
      eb.or([
        eb('b.name', 'like', like),
        eb('l.number', 'like', like),
        eb('b.registration_number', 'like', like),
      ]),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('l.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toLetterItem), total: Number(total.n) };
}

/** letters/2026/surat-2026-00042.pdf; a reprint: …-salinan-2.pdf */
export function letterRelPath(year: number, seq: number, copyNo = 0): string {
  const base = `surat-${year}-${String(seq).padStart(5, '0')}`;
  return `letters/${year}/${copyNo ? `${base}-salinan-${copyNo}` : base}.pdf`;
}

/** Writes atomically (temp file, then rename) and answers the SHA-256 of the bytes. */
export const writeLetterFile = writeLetterBytes;

export interface IssueContext {
  office: Office;
  settings: LetterSettings;
  privatePem: string;
}

export async function issueContext(db: Db): Promise<IssueContext> {
  const office = await requireOffice(db);
  const settings = await getLetterSettings(db);
  const privatePem = await getSecret(db, 'signing.privateKey');
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
  permits: Awaited<ReturnType<typeof permitsFor>>,
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

async function loadOne(db: Db, businessId: number): Promise<LetterBusiness> {
  const [b] = await loadLetterBusinesses(db, [businessId]);
  if (!b) throw new AppError('NOT_FOUND', 'errors.notFound');
  if (b.archived) throw new AppError('CONFLICT', 'letters.errors.businessArchived');
  return b;
}

/** Issues one letter: the next number, the PDF saved with its SHA-256, and the register row, in one transaction. */
export async function issueLetter(
  ctx: AppContext,
  input: z.output<typeof letterIssueSchema>,
): Promise<LetterListItem> {
  const db = dbOf(ctx);
  const ic = await issueContext(db);
  const business = await loadOne(db, input.businessId);
  const permits = await permitsFor(db, business.id);
  const date = localDate(ctx.now());
  const year = Number(date.slice(0, 4));
  const emblemPath = emblemAbsPath(ctx.dataDir);
  let written: string | null = null;
  try {
    const id = await withWrite(ctx, async (w) => {
      const seq = await nextSequence(w.trx, LETTER_SEQUENCE, year);
      const p = prepareLetter(ic, business, permits, seq, date, input.purpose, input.fullNik);
      const bytes = await renderLetter({ ...p.doc, emblemPath });
      const rel = letterRelPath(year, seq);
      written = path.join(ctx.dataDir, rel);
      const sha256 = writeLetterFile(ctx.dataDir, rel, bytes);
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
    return await getLetter(db, id);
  } catch (e) {
    if (written) rmSync(written, { force: true });
    throw e;
  }
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
  const row = await w.trx
    .insertInto('letters')
    .values({
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
    })
    .returning(['id', 'uuid'])
    .executeTakeFirstOrThrow();
  await writeAudit(w, {
    table: 'letters',
    recordId: row.id,
    recordUuid: row.uuid,
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
  });
  await writeAudit(w, {
    table: 'businesses',
    recordId: l.businessId,
    recordUuid: null,
    action: l.kind === 'original' ? 'letter_printed' : 'letter_reprinted',
    after: { number: l.number, purpose: l.purpose },
  });
  return row.id;
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
  const doc = { ...(JSON.parse(original.content_json) as LetterDoc), copy: true };
  const emblemPath = emblemAbsPath(ctx.dataDir);
  let written: string | null = null;
  try {
    const newId = await withWrite(ctx, async (w) => {
      const n = await w.trx
        .selectFrom('letters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('original_id', '=', original.id)
        .executeTakeFirstOrThrow();
      const rel = letterRelPath(original.year, original.seq, Number(n.n) + 1);
      const bytes = await renderLetter({ ...doc, emblemPath });
      written = path.join(ctx.dataDir, rel);
      const sha256 = writeLetterFile(ctx.dataDir, rel, bytes);
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
        doc: { ...doc, copy: false },
        batchId: null,
      });
    });
    return await getLetter(db, newId);
  } catch (e) {
    if (written) rmSync(written, { force: true });
    throw e;
  }
}

/** Voids a letter: it keeps its number in the register, with the reason; audited. */
export async function voidLetter(ctx: AppContext, id: number, reason: string): Promise<LetterListItem> {
  await withWrite(ctx, async (w) => {
    const before = await w.trx.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (before.status === 'voided') throw new AppError('CONFLICT', 'letters.errors.alreadyVoided');
    await w.trx
      .updateTable('letters')
      .set({
        status: 'voided',
        void_reason: reason,
        voided_at: w.now,
        voided_by: w.actor.name,
        updated_at: w.now,
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(w, {
      table: 'letters',
      recordId: id,
      recordUuid: before.uuid,
      action: 'void',
      before: { status: before.status },
      after: { status: 'voided', number: before.number },
      reason,
    });
    await writeAudit(w, {
      table: 'businesses',
      recordId: before.business_id,
      recordUuid: null,
      action: 'letter_voided',
      after: { number: before.number },
      reason,
    });
  });
  return getLetter(dbOf(ctx), id);
}

export async function printLetter(ctx: AppContext, id: number): Promise<PrintResult> {
  const l = await getLetter(dbOf(ctx), id);
  if (!l.filePath) throw new AppError('NOT_FOUND', 'letters.errors.noFile');
  const p = pdfPrinter();
  if (!p) return { printed: false, filePath: l.filePath };
  await p.print(path.join(ctx.dataDir, l.filePath));
  return { printed: true, filePath: l.filePath };
}

export async function readLetterFile(ctx: AppContext, id: number): Promise<{ base64: string }> {
  const l = await getLetter(dbOf(ctx), id);
  if (!l.filePath) throw new AppError('NOT_FOUND', 'letters.errors.noFile');
  try {
    return { base64: readFileSync(path.join(ctx.dataDir, l.filePath)).toString('base64') };
  } catch {
    throw new AppError('IO', 'letters.errors.fileMissing');
  }
}

// ---- settings, emblem, preview ----

export async function settingsView(ctx: AppContext): Promise<LetterSettingsView> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const settings = await getLetterSettings(db);
  const date = localDate(ctx.now());
  const year = Number(date.slice(0, 4));
  const seq = (await db.transaction().execute((trx) => peekSequence(trx, LETTER_SEQUENCE, year))) + 1;
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

/** A stand-in business when none is registered yet, so the office can see its letterhead. */
function sampleBusiness(): LetterBusiness {
  return {
    id: 0,
    name: 'Keripik Tempe Contoh',
    brand: null,
    products: 'Keripik tempe',
    registrationNumber: 'IKM-000000-0000-00000',
    registrationDate: '2026-01-02',
    kbliCode: '10794',
    kbliVersion: '2020',
    kbliTitle: null,
    street: 'Jl. Contoh No. 1',
    rt: '001',
    rw: '002',
    villageName: 'Contoh',
    yearStarted: 2020,
    workersMale: 1,
    workersFemale: 2,
    investment: 50_000_000,
    capital: null,
    annualTurnover: null,
    archived: false,
    owner: {
      name: 'Nama Pemilik',
      nik: null,
      sex: 'P',
      birthPlace: 'Contoh',
      birthDate: '1980-05-04',
      street: 'Jl. Contoh No. 1',
      rt: '001',
      rw: '002',
      villageName: 'Contoh',
    },
  };
}

/**
 * Renders the letter exactly as it would print, with the given (unsaved) settings and the next number,
 * into letters/preview/ — nothing is recorded and no number is taken.
 */
export async function previewLetter(
  ctx: AppContext,
  input: { businessId?: number | null; settings?: LetterSettings | undefined },
): Promise<{ filePath: string; base64: string }> {
  const db = dbOf(ctx);
  const ic = await issueContext(db);
  if (input.settings) ic.settings = input.settings;
  let business: LetterBusiness;
  if (input.businessId) business = await loadOne(db, input.businessId);
  else {
    const last = await db
      .selectFrom('businesses')
      .select('id')
      .where('archived_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    business = last ? await loadOne(db, last.id) : sampleBusiness();
  }
  const date = localDate(ctx.now());
  const year = Number(date.slice(0, 4));
  const seq = (await db.transaction().execute((trx) => peekSequence(trx, LETTER_SEQUENCE, year))) + 1;
  const p = prepareLetter(
    ic,
    business,
    await permitsFor(db, business.id),
    seq,
    date,
    ic.settings.defaultPurpose,
    false,
  );
  const bytes = await renderLetter({ ...p.doc, emblemPath: emblemAbsPath(ctx.dataDir) });
  const dir = path.join(ctx.dataDir, 'letters', 'preview');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
  const rel = `letters/preview/pratinjau-${ctx.uuid().slice(0, 8)}.pdf`;
  writeLetterFile(ctx.dataDir, rel, bytes);
  return { filePath: rel, base64: bytes.toString('base64') };
}

// ---- verification and keys ----

async function ownPublicKey(db: Db): Promise<string> {
  const pem = await getSecret(db, 'signing.publicKey');
  if (!pem) throw new AppError('NOT_SET_UP', 'letters.errors.noSigningKey');
  return pem;
}

async function originalByNumber(db: Db, number: string): Promise<LetterListItem | null> {
  const r = await itemQuery(db)
    .where('l.number', '=', number)
    .where('l.kind', '=', 'original')
    .executeTakeFirst();
  return r ? toLetterItem(r) : null;
}

export async function verifyLetter(
  ctx: AppContext,
  input: z.output<typeof letterVerifySchema>,
): Promise<VerifyResult> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const officeName = `Kecamatan ${office.districtName}`;
  if (!input.text) {
    const letter = await originalByNumber(db, input.number!.trim());
    if (!letter) return { status: 'notFound', record: null, letter: null, officeName };
    if (normalizeCode(input.code!) !== letter.verificationCode)
      return { status: 'codeMismatch', record: null, letter: null, officeName };
    return { status: letter.status === 'voided' ? 'voided' : 'valid', record: null, letter, officeName };
  }
  const q = parseQr(input.text);
  if (!q) return { status: 'malformed', record: null, letter: null, officeName: null };
  const record = q.record;
  if (record.officeCode === office.districtCode) {
    if (!verifySignature(q, await ownPublicKey(db)))
      return { status: 'invalid', record, letter: null, officeName };
    const letter = await originalByNumber(db, record.number);
    if (!letter || letter.registrationNumber !== record.registrationNumber)
      return { status: 'notInRegister', record, letter: null, officeName };
    return { status: letter.status === 'voided' ? 'voided' : 'valid', record, letter, officeName };
  }
  const keys = await db
    .selectFrom('letter_keys')
    .selectAll()
    .where('office_code', '=', record.officeCode)
    .where('archived_at', 'is', null)
    .execute();
  if (keys.length === 0) return { status: 'unknownKey', record, letter: null, officeName: null };
  const match = keys.find((k) => verifySignature(q, k.public_key));
  if (!match) return { status: 'invalid', record, letter: null, officeName: keys[0]!.office_name };
  return { status: 'validOtherOffice', record, letter: null, officeName: match.office_name };
}

export async function exportPublicKey(ctx: AppContext): Promise<{ fileName: string; content: string }> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const pem = await ownPublicKey(db);
  const file: PublicKeyFile = {
    format: 'daftar-ikm-public-key',
    version: 1,
    officeCode: office.districtCode,
    officeName: `Kecamatan ${office.districtName}`,
    regencyName: office.regencyName,
    publicKey: pem,
    fingerprint: keyFingerprint(pem),
    exportedAt: ctx.now().toISOString(),
  };
  return {
    fileName: `kunci-publik-${office.districtCode.replace(/\./g, '')}.json`,
    content: JSON.stringify(file, null, 2) + '\n',
  };
}

function keyFromRow(r: {
  id: number;
  office_code: string;
  office_name: string;
  fingerprint: string;
  created_at: string;
}): OfficeKey {
  return {
    id: r.id,
    officeCode: r.office_code,
    officeName: r.office_name,
    fingerprint: r.fingerprint,
    createdAt: r.created_at,
  };
}

export async function importPublicKey(ctx: AppContext, content: string): Promise<OfficeKey> {
  const bad = () =>
    new AppError('VALIDATION', 'letters.errors.keyFile', { fields: { content: 'letters.errors.keyFile' } });
  let f: Partial<PublicKeyFile>;
  try {
    f = JSON.parse(content) as Partial<PublicKeyFile>;
  } catch {
    throw bad();
  }
  if (
    f.format !== 'daftar-ikm-public-key' ||
    typeof f.publicKey !== 'string' ||
    typeof f.officeCode !== 'string' ||
    !/^\d{2}\.\d{2}\.\d{2}$/.test(f.officeCode) ||
    typeof f.officeName !== 'string'
  )
    throw bad();
  try {
    assertEd25519Public(f.publicKey);
  } catch {
    throw bad();
  }
  const db = dbOf(ctx);
  const fingerprint = keyFingerprint(f.publicKey);
  if (fingerprint === keyFingerprint(await ownPublicKey(db)))
    throw new AppError('CONFLICT', 'letters.errors.ownKey');
  const existing = await db
    .selectFrom('letter_keys')
    .selectAll()
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  if (existing && !existing.archived_at) return keyFromRow(existing);
  const officeName = `${f.officeName}${f.regencyName ? `, ${f.regencyName}` : ''}`.slice(0, 200);
  const id = await withWrite(ctx, async (w) => {
    if (existing) {
      await w.trx
        .updateTable('letter_keys')
        .set({ archived_at: null, updated_at: w.now })
        .where('id', '=', existing.id)
        .execute();
      await writeAudit(w, {
        table: 'letter_keys',
        recordId: existing.id,
        recordUuid: existing.uuid,
        action: 'restore',
      });
      return existing.id;
    }
    const row = await w.trx
      .insertInto('letter_keys')
      .values({
        uuid: w.uuid(),
        office_code: f.officeCode!,
        office_name: officeName,
        public_key: f.publicKey!,
        fingerprint,
        archived_at: null,
        created_at: w.now,
        updated_at: w.now,
      })
      .returning(['id', 'uuid'])
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'letter_keys',
      recordId: row.id,
      recordUuid: row.uuid,
      action: 'create',
      after: { office_code: f.officeCode, office_name: officeName, fingerprint },
    });
    return row.id;
  });
  const row = await db.selectFrom('letter_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return keyFromRow(row);
}

export async function listKeys(db: Db): Promise<OfficeKey[]> {
  const rows = await db
    .selectFrom('letter_keys')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('office_code')
    .execute();
  return rows.map(keyFromRow);
}

/** Keys are archived, never deleted. */
export async function removeKey(ctx: AppContext, id: number): Promise<{ ok: true }> {
  await withWrite(ctx, async (w) => {
    const r = await w.trx.selectFrom('letter_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
    await w.trx
      .updateTable('letter_keys')
      .set({ archived_at: w.now, updated_at: w.now })
      .where('id', '=', id)
      .execute();
    await writeAudit(w, { table: 'letter_keys', recordId: id, recordUuid: r.uuid, action: 'archive' });
  });
  return { ok: true };
}
