import type { Transaction } from 'kysely';
import type { DB } from '../schema';

/**
 * Takes the next value of a yearly counter inside the caller's transaction. SQLite serialises writers, so two
 * concurrent transactions can never get the same value; the table's triggers forbid going back or deleting.
 */
export async function nextSequence(trx: Transaction<DB>, name: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('sequences')
    .values({ name, year, value: 1 })
    .onConflict((oc) =>
      oc.columns(['name', 'year']).doUpdateSet((eb) => ({ value: eb('sequences.value', '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function peekSequence(trx: Transaction<DB>, name: string, year: number): Promise<number> {
  const row = await trx
    .selectFrom('sequences')
    .select('value')
    .where('name', '=', name)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.value ?? 0;
}
