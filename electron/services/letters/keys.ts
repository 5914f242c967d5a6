/**
 * Public keys between offices: this office's key exported as a file, other offices' keys imported from such a
 * file (parsed with a schema: data from outside), listed and archived (never deleted).
 */
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { writeAudit } from '../../../db/queries/audit';
import { auditedInsert } from '../../../db/queries/record-write';
import { parseJsonWith } from '../../../shared/json';
import { AppError } from '../../../shared/errors';
import { publicKeyFileSchema, type OfficeKey, type PublicKeyFile } from '../../../shared/schemas/letter';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { requireOffice } from '../office';
import { assertEd25519Public, keyFingerprint } from './signing';
import { ownPublicKey } from './verification';

export async function exportPublicKey(ctx: AppContext): Promise<{ fileName: string; content: string }> {
  const db = dbOf(ctx);
  const office = await requireOffice(db);
  const pem = await ownPublicKey(ctx);
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

/** The key file's content, or the clerk's "not a key file of Daftar IKM" (any other shape, a damaged key). */
function readKeyFile(content: string): { file: z.output<typeof publicKeyFileSchema>; fingerprint: string } {
  const bad = () =>
    new AppError('VALIDATION', 'letters.errors.keyFile', { fields: { content: 'letters.errors.keyFile' } });
  const r = parseJsonWith(publicKeyFileSchema, content);
  if (!r.ok) throw bad();
  try {
    assertEd25519Public(r.value.publicKey);
  } catch {
    throw bad();
  }
  const fingerprint = keyFingerprint(r.value.publicKey);
  // a stated fingerprint that does not match the key: a damaged or altered file
  if (r.value.fingerprint !== undefined && r.value.fingerprint !== fingerprint) throw bad();
  return { file: r.value, fingerprint };
}

export async function importPublicKey(ctx: AppContext, content: string): Promise<OfficeKey> {
  const { file: f, fingerprint } = readKeyFile(content);
  const db = dbOf(ctx);
  if (fingerprint === keyFingerprint(await ownPublicKey(ctx)))
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
    const row = await auditedInsert(
      w,
      'letter_keys',
      {
        uuid: w.uuid(),
        office_code: f.officeCode,
        office_name: officeName,
        public_key: f.publicKey,
        fingerprint,
        archived_at: null,
        created_at: w.now,
        updated_at: w.now,
      },
      { action: 'create', after: { office_code: f.officeCode, office_name: officeName, fingerprint } },
    );
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
