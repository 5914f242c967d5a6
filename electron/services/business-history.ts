import type { HistoryChange, HistoryEvent } from '../../shared/schemas/business';
import { BUSINESS_HISTORY_NAMES, OWNER_HISTORY_NAMES, RECORD_FIELDS } from '../../shared/records/business';
import { maskValue } from '../../shared/records/field';
import type { Db } from '../../db/connection';
import type { AuditRow } from '../../db/schema';
import { AppError } from '../../shared/errors';

/**
 * A business's timeline, built from the audit log: its own rows and its owner's. Field names in `changes`
 * are the form's names (`name`, `workersMale`, `ownerPhone`, …) so the renderer labels them with the same
 * keys as the form.
 *
 * Other domains add events in one of two ways:
 * 1. write an audit row on the business (`table: 'businesses'`, `recordId: businessId`) with their own
 *    action, e.g. `letter_printed` and `after: { number: '…' }`: it becomes kind `letterPrinted` with the
 *    `after` values as params (add `business.history.kind.letterPrinted` to the locale files);
 * 2. or push a `HistorySource` into `historySources` that returns events from their own tables.
 */
export type HistorySource = (db: Db, business: { id: number; ownerId: number }) => Promise<HistoryEvent[]>;
export const historySources: HistorySource[] = [];

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The form's name of a business column (field table); other columns (owner_id, …) camelCased. */
export function businessFieldName(col: string): string {
  return BUSINESS_HISTORY_NAMES[col] ?? camel(col);
}

/** The form's name of an owner column: `owner<Field>`. */
export function ownerFieldName(col: string): string {
  const name = OWNER_HISTORY_NAMES[col];
  if (name) return name;
  const base = camel(col);
  return `owner${base[0]!.toUpperCase()}${base.slice(1)}`;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Personal data (the field table's `personal`: the NIK) is shown masked in the timeline. */
function safe(field: string, v: unknown): unknown {
  const def = RECORD_FIELDS.get(field);
  return def ? maskValue(def, v) : v;
}

function changesOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  name: (col: string) => string,
): HistoryChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((k) => {
    const field = name(k);
    return { field, before: safe(field, before[k] ?? null), after: safe(field, after[k] ?? null) };
  });
}

function primitives(o: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** A merge's audit row: the record merged in (`merged_from`) and the fields it changed. */
function mergeOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  name: (col: string) => string,
): { from: Record<string, unknown>; changes: HistoryChange[] } {
  const fields = (after.fields as Record<string, unknown> | undefined) ?? {};
  const fieldsBefore = (before.fields as Record<string, unknown> | undefined) ?? {};
  return {
    from: (after.merged_from as Record<string, unknown> | undefined) ?? {},
    changes: changesOf(fieldsBefore, fields, name),
  };
}

function eventOf(a: AuditRow): HistoryEvent | null {
  const before = parse(a.before_json);
  const after = parse(a.after_json);
  const base = {
    key: `audit:${a.id}`,
    at: a.at,
    actor: a.user_name,
    reason: a.reason,
    changes: [] as HistoryChange[],
    params: {} as Record<string, string | number>,
    otherBusinessId: null as number | null,
  };
  if (a.table_name === 'owners') {
    if (a.action === 'update')
      return { ...base, kind: 'ownerChanged', changes: changesOf(before, after, ownerFieldName) };
    if (a.action === 'merge') {
      const merge = mergeOf(before, after, ownerFieldName);
      return { ...base, kind: 'ownerMerged', changes: merge.changes, params: primitives(merge.from) };
    }
    return null; // the owner's creation is part of "registered"
  }
  switch (a.action) {
    case 'create':
      return {
        ...base,
        kind: 'registered',
        params: { number: String(after.registration_number ?? '') },
      };
    case 'update': {
      const changes = changesOf(before, after, businessFieldName);
      return { ...base, kind: 'status' in after ? 'statusChanged' : 'changed', changes };
    }
    case 'archive':
      return { ...base, kind: 'archived' };
    case 'restore':
      return { ...base, kind: 'restored' };
    case 'merge': {
      const { from, changes } = mergeOf(before, after, businessFieldName);
      return {
        ...base,
        kind: 'mergedFrom',
        changes,
        params: primitives(from),
        otherBusinessId: typeof from.id === 'number' ? from.id : null,
      };
    }
    case 'merged_into': {
      const into = (after.merged_into as Record<string, unknown> | undefined) ?? {};
      return {
        ...base,
        kind: 'mergedInto',
        params: primitives(into),
        otherBusinessId: typeof into.id === 'number' ? into.id : null,
      };
    }
    case 'duplicate_decision': {
      const other = typeof after.other_business_id === 'number' ? after.other_business_id : null;
      const reasons = Array.isArray(after.reasons) ? (after.reasons as string[]).join(',') : '';
      return {
        ...base,
        kind: after.decision === 'same' ? 'duplicateSame' : 'duplicateDifferent',
        params: { ...primitives(after), reasons },
        otherBusinessId: other,
      };
    }
    default:
      return { ...base, kind: camel(a.action), params: primitives(after) };
  }
}

/** Newest first. */
export async function businessHistory(db: Db, id: number): Promise<HistoryEvent[]> {
  const b = await db
    .selectFrom('businesses')
    .select(['id', 'owner_id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!b) throw new AppError('NOT_FOUND', 'errors.notFound');
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('table_name', '=', 'businesses'), eb('record_id', '=', id)]),
        // the owner's changes from the moment this business was registered
        eb.and([
          eb('table_name', '=', 'owners'),
          eb('record_id', '=', b.owner_id),
          eb('at', '>=', b.created_at),
        ]),
      ]),
    )
    .orderBy('id', 'desc')
    .execute();
  const events = rows.map(eventOf).filter((e): e is HistoryEvent => e !== null);
  for (const source of historySources) events.push(...(await source(db, { id, ownerId: b.owner_id })));
  // newest first; events of the same moment (one transaction, a test clock) in the audit log's order
  return events.sort((x, y) => (x.at === y.at ? auditOrder(y) - auditOrder(x) : x.at < y.at ? 1 : -1));
}

/** The audit row id of an `audit:<id>` event (written order), 0 for events of other sources. */
function auditOrder(e: HistoryEvent): number {
  return e.key.startsWith('audit:') ? Number(e.key.slice('audit:'.length)) || 0 : 0;
}
