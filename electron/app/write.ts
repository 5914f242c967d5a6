import type { WriteCtx } from '../../db/queries/audit';
import { actorOf, dbOf, type AppContext } from './context';

/**
 * Runs `fn` in one transaction with the actor, a single timestamp and the id source. Every write in the app
 * goes through here (or a prepared-statement transaction for bulk work), together with its audit rows.
 */
export async function withWrite<T>(ctx: AppContext, fn: (w: WriteCtx) => Promise<T>): Promise<T> {
  const now = ctx.now().toISOString();
  return dbOf(ctx)
    .transaction()
    .execute((trx) => fn({ trx, actor: actorOf(ctx), now, uuid: ctx.uuid }));
}
