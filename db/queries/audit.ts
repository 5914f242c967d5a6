import type { Transaction } from 'kysely';
import type { DB } from '../schema';

export interface Actor {
  id: number | null;
  name: string | null;
}

/** Everything a write needs: the transaction (so the compiler enforces one), who, when, and an id source. */
export interface WriteCtx {
  trx: Transaction<DB>;
  actor: Actor;
  /** ISO timestamp of this write */
  now: string;
  uuid: () => string;
}

export interface AuditEntry {
  table: string;
  recordId: number | null;
  recordUuid: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes one audit row in the same transaction as the change it describes. */
export async function writeAudit(ctx: WriteCtx, e: AuditEntry): Promise<void> {
  await ctx.trx
    .insertInto('audit_log')
    .values({
      uuid: ctx.uuid(),
      at: ctx.now,
      user_id: ctx.actor.id,
      user_name: ctx.actor.name,
      table_name: e.table,
      record_id: e.recordId,
      record_uuid: e.recordUuid,
      action: e.action,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}

/** { field: [before, after] } (from `diffFields`) → the before and after objects of an audit row. */
export function diffSides(
  diff: Record<string, [unknown, unknown]>,
  value: (field: string, v: unknown) => unknown = (_field, v) => v,
) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, [b, a]] of Object.entries(diff)) {
    before[k] = value(k, b);
    after[k] = value(k, a);
  }
  return { before, after };
}

/** Only the fields whose value changed, as { field: [before, after] }. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  ignore: readonly string[] = ['updated_at'],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after)) {
    if (ignore.includes(k)) continue;
    const a = before[k];
    const b = after[k];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out[k] = [a ?? null, b ?? null];
  }
  return out;
}
