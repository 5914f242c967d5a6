/**
 * The letter register: listing, one letter, voiding (the one place a letter is voided: by the clerk, by a
 * cancelled or failed batch), and the saved PDF (print, read).
 */
import { readFileSync } from 'node:fs';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { writeAudit, type WriteCtx } from '../../../db/queries/audit';
import type { LetterTable } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type {
  LetterListItem,
  LetterPage,
  PrintResult,
  letterListSchema,
} from '../../../shared/schemas/letter';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { resolveStoredFile, UnsafePathError } from '../../app/safe-path';
import { log } from '../../app/log';

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

export function itemQuery(db: Db) {
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

/**
 * Voids letters in the caller's transaction: each keeps its number in the register with the reason, and gets
 * an audit row of its own and a line on its business's timeline. Letters already voided are left as they
 * are. Answers how many were voided.
 */
export async function voidLetters(
  w: WriteCtx,
  ids: readonly number[],
  reason: string,
  batchId: string | null = null,
): Promise<number> {
  let voided = 0;
  // in slices: SQLite limits the parameters of one statement
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const rows = await w.trx
      .selectFrom('letters')
      .select(['id', 'uuid', 'number', 'business_id'])
      .where('id', 'in', slice)
      .where('status', '=', 'issued')
      .execute();
    if (rows.length === 0) continue;
    await w.trx
      .updateTable('letters')
      .set({
        status: 'voided',
        void_reason: reason,
        voided_at: w.now,
        voided_by: w.actor.name,
        updated_at: w.now,
      })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    for (const r of rows) {
      await writeAudit(w, {
        table: 'letters',
        recordId: r.id,
        recordUuid: r.uuid,
        action: 'void',
        before: { status: 'issued' },
        after: batchId
          ? { status: 'voided', number: r.number, batch_id: batchId }
          : { status: 'voided', number: r.number },
        reason,
      });
      await writeAudit(w, {
        table: 'businesses',
        recordId: r.business_id,
        recordUuid: null,
        action: 'letter_voided',
        after: { number: r.number },
        reason,
      });
    }
    voided += rows.length;
  }
  return voided;
}

/** Voids a letter at the clerk's request: it keeps its number in the register, with the reason; audited. */
export async function voidLetter(ctx: AppContext, id: number, reason: string): Promise<LetterListItem> {
  await withWrite(ctx, async (w) => {
    const before = await w.trx.selectFrom('letters').select('status').where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (before.status === 'voided') throw new AppError('CONFLICT', 'letters.errors.alreadyVoided');
    await voidLetters(w, [id], reason);
  });
  return getLetter(dbOf(ctx), id);
}

/**
 * The saved PDF of a letter, found by its id: the stored path (which a restored database could fill with
 * anything) is checked by safe-path.ts (below letters/, no `..`, no symlink, realpath inside, a file).
 */
export function letterFileOf(ctx: AppContext, l: LetterListItem): string {
  if (!l.filePath) throw new AppError('NOT_FOUND', 'letters.errors.noFile');
  try {
    return resolveStoredFile(ctx.dataDir, l.filePath, 'letters');
  } catch (e) {
    if (e instanceof UnsafePathError) {
      log.warn(`letter ${l.id}: stored file path refused (${e.reason})`);
      throw new AppError('IO', 'letters.errors.fileUnsafe');
    }
    throw new AppError('IO', 'letters.errors.fileMissing');
  }
}

export async function printLetter(ctx: AppContext, id: number): Promise<PrintResult> {
  const l = await getLetter(dbOf(ctx), id);
  const file = letterFileOf(ctx, l);
  const p = ctx.platform.printer;
  if (!p) return { printed: false, filePath: l.filePath! };
  await p.print(file);
  return { printed: true, filePath: l.filePath! };
}

export async function readLetterFile(ctx: AppContext, id: number): Promise<{ base64: string }> {
  const l = await getLetter(dbOf(ctx), id);
  const file = letterFileOf(ctx, l);
  try {
    return { base64: readFileSync(file).toString('base64') };
  } catch {
    throw new AppError('IO', 'letters.errors.fileMissing');
  }
}
