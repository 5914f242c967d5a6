import { AppError } from '../../../shared/errors';
import type { PermitOption } from '../../../shared/schemas/activity';
import type { Db } from '../../../db/connection';

/**
 * The outcome "a permit obtained afterwards" points at a row of the permits table. The database holds the
 * rule (migration 015: `(permit_id, business_id) → permits(id, business_id)`); this file labels permits for
 * the activity screens ("P-IRT 2063509010123-26", the type's short name and the number) and gives the
 * clerk a clear message before the key would refuse a link.
 */

function labelOf(r: { id: number; short_name: string; number: string | null }): string {
  return [r.short_name, r.number].filter(Boolean).join(' ') || `#${r.id}`;
}

function permitsWithType(db: Db) {
  return db
    .selectFrom('permits as p')
    .innerJoin('permit_types as t', 't.id', 'p.type_id')
    .select(['p.id', 'p.business_id', 'p.number', 't.short_name']);
}

/** The business's live permits a clerk may link as an outcome, newest first. */
export async function permitOptions(db: Db, businessId: number): Promise<PermitOption[]> {
  const rows = await permitsWithType(db)
    .where('p.business_id', '=', businessId)
    .where('p.archived_at', 'is', null)
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, label: labelOf(r) }));
}

/** Labels for linked permits (archived ones too: an outcome recorded earlier stays readable). */
export async function permitLabels(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = await permitsWithType(db)
    .where('p.id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) out.set(r.id, labelOf(r));
  return out;
}

/** Refuses a permit that does not exist or belongs to another business, with the field's message. */
export async function checkPermitLink(db: Db, permitId: number, businessId: number): Promise<void> {
  const r = await db
    .selectFrom('permits')
    .select('business_id')
    .where('id', '=', permitId)
    .executeTakeFirst();
  if (r?.business_id !== businessId)
    throw new AppError('VALIDATION', 'activities.errors.permitNotFound', {
      fields: { permitId: 'activities.errors.permitNotFound' },
    });
}
