import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { PermitOption } from '../../../shared/schemas/activity';
import type { Db } from '../../../db/connection';

/**
 * The outcome "a permit obtained afterwards" points at a row of the permits table (migration 010, built
 * beside this one). This file is the only place that reads that table, so it is the one place to adjust when
 * its columns settle: it reads the table's own column list and labels a permit "<type> <number>".
 */

interface PermitShape {
  typeCol: string | null;
  numberCol: string | null;
  archivedCol: boolean;
}

const shapes = new WeakMap<object, PermitShape | null>();

async function permitShape(db: Db): Promise<PermitShape | null> {
  const cached = shapes.get(db);
  if (cached !== undefined) return cached;
  const cols = (
    await sql<{ name: string }>`SELECT name FROM pragma_table_info('permits')`.execute(db)
  ).rows.map((r) => r.name);
  const pick = (names: string[]) => names.find((n) => cols.includes(n)) ?? null;
  const shape =
    cols.length === 0 || !cols.includes('business_id')
      ? null
      : {
          typeCol: pick(['type_code', 'type', 'permit_type', 'kind']),
          numberCol: pick(['number', 'permit_number', 'nomor']),
          archivedCol: cols.includes('archived_at'),
        };
  shapes.set(db, shape);
  return shape;
}

function labelOf(shape: PermitShape, r: Record<string, unknown>): string {
  const type = shape.typeCol ? String(r[shape.typeCol] ?? '') : '';
  const number = shape.numberCol ? String(r[shape.numberCol] ?? '') : '';
  return [type.toUpperCase().replace(/_/g, '-'), number].filter(Boolean).join(' ') || `#${String(r.id)}`;
}

/** The business's permits a clerk may link as an outcome (none while the permits table does not exist). */
export async function permitOptions(db: Db, businessId: number): Promise<PermitOption[]> {
  const shape = await permitShape(db);
  if (!shape) return [];
  const archived = shape.archivedCol ? sql`AND archived_at IS NULL` : sql``;
  const rows = await sql<Record<string, unknown>>`SELECT * FROM permits WHERE business_id = ${businessId}
    ${archived} ORDER BY id DESC LIMIT 200`.execute(db);
  return rows.rows.map((r) => ({ id: Number(r.id), label: labelOf(shape, r) }));
}

export async function permitLabels(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const shape = await permitShape(db);
  if (!shape) return out;
  const rows = await sql<
    Record<string, unknown>
  >`SELECT * FROM permits WHERE id IN (${sql.join(ids)})`.execute(db);
  for (const r of rows.rows) out.set(Number(r.id), labelOf(shape, r));
  return out;
}

/** Refuses a permit that does not exist or belongs to another business. */
export async function checkPermitLink(db: Db, permitId: number, businessId: number): Promise<void> {
  const shape = await permitShape(db);
  const fail = () =>
    new AppError('VALIDATION', 'activities.errors.permitNotFound', {
      fields: { permitId: 'activities.errors.permitNotFound' },
    });
  if (!shape) throw fail();
  const r = await sql<{
    business_id: number;
  }>`SELECT business_id FROM permits WHERE id = ${permitId}`.execute(db);
  if (r.rows[0]?.business_id !== businessId) throw fail();
}
