/**
 * When this PC's machine key no longer opens the stored keys (issue 10, hole 6): the OS cannot decrypt
 * `kunci-mesin.bin` any more (a Windows profile reset, another account), or the key file is missing or
 * damaged. At start, `openMachineKey` keeps the unreadable key aside and makes a new one, and the database's
 * envelopes then name a key this PC does not have (`ctx.keys.state = 'unavailable'`): the register opens,
 * but backups and letters cannot use their keys.
 *
 * Before this, the only way out was restoring a backup from a stick, losing every change since. The live
 * database still holds the escrow (`backup.escrow`, secrets.ts): all its keys under the backup key, which the
 * backup passphrase gives. So an administrator types the passphrase, and the keys are taken from the escrow
 * and written again under the new machine key, escrow remade, in one transaction with its audit row. A wrong
 * passphrase changes nothing, says so in Indonesian, and is audited.
 */
import { writeAudit } from '../../../db/queries/audit';
import { AppError } from '../../../shared/errors';
import { parseJsonWith } from '../../../shared/json';
import { dbOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { withWrite } from '../../app/write';
import { deriveKey } from '../password';
import { envelopeSchema, ESCROW, putSealedRows, sealedRows, SecretError, unwrapEscrow } from '../secrets';

export async function recoverKeys(
  ctx: AppContext,
  input: { passphrase: string },
): Promise<{ recoveredAt: string }> {
  if (ctx.keys.state === 'ok') throw new AppError('CONFLICT', 'keys.errors.notNeeded');
  const row = await dbOf(ctx)
    .selectFrom('secrets')
    .select('value')
    .where('key', '=', ESCROW)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'keys.errors.noEscrow');
  const env = parseJsonWith(envelopeSchema, row.value);
  if (!env.ok || env.value.kek !== 'passphrase') throw new AppError('KEYS_DAMAGED', 'keys.errors.damaged');
  const backupKey = await deriveKey(input.passphrase, env.value.kdf);
  let values: Record<string, string> | null;
  try {
    values = unwrapEscrow(backupKey, row.value);
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    log.error('keys: the escrow is damaged', e);
    throw new AppError('KEYS_DAMAGED', 'keys.errors.damaged');
  }
  if (!values) {
    await withWrite(ctx, (w) =>
      writeAudit(w, { table: 'secrets', recordId: null, recordUuid: null, action: 'keys_recover_failed' }),
    );
    throw new AppError('VALIDATION', 'errors.validation', {
      fields: { passphrase: 'keys.errors.wrongPassphrase' },
    });
  }
  // the escrow holds every key (set-up, a wrap at start and a passphrase change all write it so)
  if (!values['backup.key'] || !values['backup.kdf'] || !values['signing.privateKey'])
    throw new AppError('KEYS_DAMAGED', 'keys.errors.damaged');
  const rows = sealedRows(ctx.keys.machine, values);
  const done = await withWrite(ctx, async (w) => {
    await putSealedRows(w, rows);
    // never the passphrase nor a key in the audit: only that the keys were put back
    await writeAudit(w, { table: 'secrets', recordId: null, recordUuid: null, action: 'keys_recover' });
    return { recoveredAt: w.now };
  });
  ctx.keys = { machine: ctx.keys.machine, state: 'ok' };
  log.info(`keys: recovered from the escrow under machine key ${ctx.keys.machine.id}`);
  return done;
}
