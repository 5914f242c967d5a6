import { generateKeyPairSync } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Language, Office, SessionUser } from '../../shared/schemas/office';
import type { setupSchema } from '../../shared/schemas/office';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import type { OfficeRow, UserRow } from '../../db/schema';
import { writeAudit } from '../../db/queries/audit';
import { dbOf, type AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { deriveKey, hashPassword, newKdfParams } from './password';
import { getSetting, setSetting } from './settings';
import { checkOfficeRegion } from './regions';
import { sealedRows } from './secrets';

export function officeFromRow(r: OfficeRow): Office {
  return {
    id: r.id,
    uuid: r.uuid,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    regencyCode: r.regency_code,
    regencyName: r.regency_name,
    districtCode: r.district_code,
    districtName: r.district_name,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    phone: r.phone,
    email: r.email,
    postalCode: r.postal_code,
    camatName: r.camat_name,
    camatRank: r.camat_rank,
    camatNip: r.camat_nip,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function sessionUserFromRow(u: UserRow): SessionUser {
  return { id: u.id, uuid: u.uuid, username: u.username, fullName: u.full_name, role: u.role };
}

export async function getOffice(db: Db): Promise<Office | null> {
  const row = await db.selectFrom('office').selectAll().orderBy('id').executeTakeFirst();
  return row ? officeFromRow(row) : null;
}

export async function requireOffice(db: Db): Promise<Office> {
  const o = await getOffice(db);
  if (!o) throw new AppError('NOT_SET_UP', 'errors.notSetUp');
  return o;
}

export type SetupData = z.output<typeof setupSchema>;

/**
 * First-run set-up, in one transaction: the office profile, the administrator (scrypt hash), the backup key
 * (derived from the passphrase with scrypt; only the derived key and its salt are kept) and the office's
 * Ed25519 letter-signing key pair. Refused if the office already exists.
 */
export async function setupOffice(
  ctx: AppContext,
  input: SetupData,
): Promise<{ office: Office; user: SessionUser }> {
  if (await getOffice(dbOf(ctx))) throw new AppError('ALREADY_SET_UP', 'errors.alreadySetUp');
  // The kecamatan comes from the Kemendagri list and must lie in the kabupaten and province given.
  const regionErrors = await checkOfficeRegion(dbOf(ctx), input.office);
  if (Object.keys(regionErrors).length)
    throw new AppError('VALIDATION', 'errors.validation', { fields: regionErrors });
  const passwordHash = await hashPassword(input.admin.password, ctx.config.scryptN);
  const kdf = newKdfParams(ctx.config.scryptN);
  const backupKey = await deriveKey(input.backupPassphrase, kdf);
  const keys = generateKeyPairSync('ed25519');
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const result = await withWrite(ctx, async (w) => {
    if (await w.trx.selectFrom('office').select('id').executeTakeFirst())
      throw new AppError('ALREADY_SET_UP', 'errors.alreadySetUp');
    const o = input.office;
    const office = await w.trx
      .insertInto('office')
      .values({
        uuid: w.uuid(),
        province_code: o.provinceCode,
        province_name: o.provinceName,
        regency_code: o.regencyCode,
        regency_name: o.regencyName,
        district_code: o.districtCode,
        district_name: o.districtName,
        address_line1: o.addressLine1,
        address_line2: o.addressLine2,
        phone: o.phone,
        email: o.email,
        postal_code: o.postalCode,
        camat_name: o.camatName,
        camat_rank: o.camatRank,
        camat_nip: o.camatNip,
        created_at: w.now,
        updated_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = await w.trx
      .insertInto('users')
      .values({
        uuid: w.uuid(),
        username: input.admin.username,
        full_name: input.admin.fullName,
        role: 'admin',
        password_hash: passwordHash,
        archived_at: null,
        created_at: w.now,
        updated_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // wrapped under the machine key, with the escrow under the backup key (secrets.ts): never plain
    const secrets = sealedRows(ctx.keys.machine, {
      'backup.kdf': JSON.stringify(kdf),
      'backup.key': backupKey.toString('base64'),
      'signing.privateKey': privatePem,
      'signing.publicKey': publicPem,
    });
    for (const [key, value] of secrets)
      await w.trx.insertInto('secrets').values({ key, value, created_at: w.now }).execute();
    // the letter number's classification code as the office confirmed it (stored over the letter defaults;
    // the key is letters/settings.ts's SETTINGS_KEY, not imported to keep office.ts free of the letters code)
    await setSetting(
      w,
      'letters.settings',
      JSON.stringify({ classificationCode: input.letterClassificationCode }),
    );
    const actor = { id: user.id, name: user.username };
    const w2 = { ...w, actor };
    await writeAudit(w2, {
      table: 'office',
      recordId: office.id,
      recordUuid: office.uuid,
      action: 'create',
      after: o,
    });
    await writeAudit(w2, {
      table: 'users',
      recordId: user.id,
      recordUuid: user.uuid,
      action: 'create',
      after: { username: user.username, full_name: user.full_name, role: user.role },
    });
    return { office: officeFromRow(office), user: sessionUserFromRow(user) };
  });
  ctx.session.user = result.user;
  return result;
}

export async function getLanguage(db: Db): Promise<Language> {
  const v = await getSetting(db, 'language');
  return v === 'en' ? 'en' : 'id';
}

export async function setLanguage(ctx: AppContext, language: Language): Promise<void> {
  await withWrite(ctx, (w) => setSetting(w, 'language', language));
}
