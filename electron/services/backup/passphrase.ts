/**
 * Changing the backup passphrase (issue 10, hole 6). The backup key is derived from the passphrase with new
 * scrypt parameters (a new salt) and stored, wrapped, with the escrow remade under it (secrets.ts), in one
 * transaction. Backups made before keep their own parameters and key check in their header, and their own
 * escrow inside: they open with the passphrase they were made under, never with the new one.
 *
 * Asked for: the administrator's own password (not the old passphrase), so a forgotten passphrase can be
 * replaced for the backups to come; backups made under a forgotten one stay unreadable, as before.
 */
import { writeAudit } from '../../../db/queries/audit';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { confirmOwnPassword } from '../auth';
import { deriveKey, newKdfParams } from '../password';
import { getSecret, putSealedRows, sealedRows, type SecretName } from '../secrets';

export async function changeBackupPassphrase(
  ctx: AppContext,
  input: { password: string; newPassphrase: string },
): Promise<{ changedAt: string }> {
  await confirmOwnPassword(ctx, input.password, {
    audit: () => ({
      table: 'secrets',
      recordId: null,
      recordUuid: null,
      action: 'backup_passphrase_change_failed',
    }),
    fields: { password: 'validation.ownPasswordWrong' },
  });
  // the other secrets as they are (KEYS_UNAVAILABLE here when they were wrapped on another PC)
  const plain: Record<string, string> = {};
  for (const name of ['signing.privateKey', 'signing.publicKey'] satisfies SecretName[]) {
    const v = await getSecret(ctx, name);
    if (v !== null) plain[name] = v;
  }
  if (!(await getSecret(ctx, 'backup.key'))) throw new AppError('INTERNAL', 'backup.errors.noKey');
  const kdf = newKdfParams(ctx.config.scryptN);
  const key = await deriveKey(input.newPassphrase, kdf);
  plain['backup.kdf'] = JSON.stringify(kdf);
  plain['backup.key'] = key.toString('base64');
  const rows = sealedRows(ctx.keys.machine, plain);
  return withWrite(ctx, async (w) => {
    await putSealedRows(w, rows);
    // never the passphrase nor the key in the audit: only that it changed
    await writeAudit(w, {
      table: 'secrets',
      recordId: null,
      recordUuid: null,
      action: 'backup_passphrase_change',
    });
    return { changedAt: w.now };
  });
}
