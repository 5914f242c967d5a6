/**
 * "Periksa surat": a scanned QR (its Ed25519 signature, by this office's key or an imported one) or a typed
 * number and verification code, checked against the register. Offline.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../shared/errors';
import type { LetterListItem, VerifyResult, letterVerifySchema } from '../../../shared/schemas/letter';
import { dbOf, type AppContext } from '../../app/context';
import { requireOffice } from '../office';
import { getSecret } from '../secrets';
import { itemQuery, toLetterItem } from './register';
import { normalizeCode, parseQr, verifySignature } from './signing';

/** This office's public key (PEM). */
export async function ownPublicKey(ctx: AppContext): Promise<string> {
  const pem = await getSecret(ctx, 'signing.publicKey');
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
    if (!verifySignature(q, await ownPublicKey(ctx)))
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
