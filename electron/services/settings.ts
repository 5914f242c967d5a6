import type { Db } from '../../db/connection';
import type { WriteCtx } from '../../db/queries/audit';

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(
  ctx: Pick<WriteCtx, 'trx' | 'now'>,
  key: string,
  value: string,
): Promise<void> {
  await ctx.trx
    .insertInto('settings')
    .values({ key, value, updated_at: ctx.now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: ctx.now }))
    .execute();
}
