import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { AppError } from '../../shared/errors';
import type { DB } from '../schema';
import { diffFields, diffSides, writeAudit, type AuditEntry, type WriteCtx } from './audit';

/**
 * The two shapes every record write repeats:
 * - `loadOrNotFound`: a row by id, or the NOT_FOUND error the clerk understands (never kysely's
 *   "no result"), inside or outside a transaction;
 * - `auditedUpdate`: an update under the optimistic-lock version (`WHERE version = read version`,
 *   `version + 1`, `updated_at`) and its audit row, in the caller's transaction; a lost race is CONFLICT;
 *   `auditedEdit` is the edit form's case: only when some column changed, the changes as the audit's sides.
 */

/** Tables with an id, a UUID, a version and `updated_at`: the records that are edited under a version. */
export type VersionedTable = {
  [T in keyof DB]: Selectable<DB[T]> extends { id: number; uuid: string; version: number; updated_at: string }
    ? T
    : never;
}[keyof DB];

/** Tables with an integer `id`. */
export type IdTable = {
  [T in keyof DB]: Selectable<DB[T]> extends { id: number } ? T : never;
}[keyof DB];

export interface NotFoundOptions {
  /** i18n key of the message (default `errors.notFound`) */
  message?: string;
  /** field errors to show beside the form fields */
  fields?: Record<string, string>;
}

/** The row with this id, or AppError NOT_FOUND. */
export async function loadOrNotFound<T extends IdTable>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  id: number,
  opts: NotFoundOptions = {},
): Promise<Selectable<DB[T]>> {
  // kysely cannot follow `id` through a generic table name: the query is typed by the caller's T.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const q = (db as unknown as Kysely<any>)
    .selectFrom(table as string)
    .selectAll()
    .where('id', '=', id);
  return (await q.executeTakeFirstOrThrow(
    () =>
      new AppError('NOT_FOUND', opts.message ?? 'errors.notFound', {
        ...(opts.fields ? { fields: opts.fields } : {}),
      }),
  )) as Selectable<DB[T]>;
}

/** Inserts a row and its audit row (on the new row's id and UUID); answers both. */
export async function auditedInsert<T extends IdTable>(
  w: WriteCtx,
  table: T,
  values: Insertable<DB[T]>,
  audit: Omit<AuditEntry, 'table' | 'recordId' | 'recordUuid'>,
): Promise<{ id: number; uuid: string }> {
  /* eslint-disable @typescript-eslint/no-explicit-any -- typed by the caller's T (see loadOrNotFound) */
  const row = await (w.trx as unknown as Kysely<any>)
    .insertInto(table as string)
    .values(values as Record<string, any>)
    .returning(['id', 'uuid'])
    .executeTakeFirstOrThrow();
  /* eslint-enable @typescript-eslint/no-explicit-any */
  await writeAudit(w, { table, recordId: row.id, recordUuid: row.uuid, ...audit });
  return row;
}

export interface AuditedUpdate<T extends VersionedTable> {
  table: T;
  /** the row as read in this transaction (its version is the one checked) */
  row: { id: number; uuid: string; version: number };
  /** the columns to write (version and updated_at are added) */
  set: Updateable<DB[T]>;
  /** the audit action: update, archive, restore, merge, merged_into, … */
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** i18n key of the message when someone else changed the row meanwhile (CONFLICT) */
  conflict: string;
}

/** Writes `set` under the row's version (version + 1, updated_at) and the audit row; returns the new version. */
export async function auditedUpdate<T extends VersionedTable>(
  w: WriteCtx,
  u: AuditedUpdate<T>,
): Promise<number> {
  const version = u.row.version + 1;
  /* eslint-disable @typescript-eslint/no-explicit-any -- typed by the caller's T (see loadOrNotFound) */
  const r = await (w.trx as unknown as Kysely<any>)
    .updateTable(u.table as string)
    .set({ ...(u.set as Record<string, any>), version, updated_at: w.now })
    .where('id', '=', u.row.id)
    .where('version', '=', u.row.version)
    .executeTakeFirst();
  /* eslint-enable @typescript-eslint/no-explicit-any */
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', u.conflict);
  await writeAudit(w, {
    table: u.table,
    recordId: u.row.id,
    recordUuid: u.row.uuid,
    action: u.action,
    ...(u.before !== undefined ? { before: u.before } : {}),
    ...(u.after !== undefined ? { after: u.after } : {}),
    reason: u.reason ?? null,
  });
  return version;
}

export interface AuditedEdit<T extends VersionedTable> extends Omit<
  AuditedUpdate<T>,
  'action' | 'before' | 'after'
> {
  /**
   * the changed columns as { col: [before, after] }; nothing is written when it is empty. Default: the columns of
   * `set` whose value differs in `row` (`diffFields`), for a `row` read whole.
   */
  diff?: Record<string, [unknown, unknown]>;
  /** the audit's before and after objects from the diff (default `diffSides`: the values as they are) */
  sides?: (diff: Record<string, [unknown, unknown]>) => { before: unknown; after: unknown };
}

/** An 'update' of a record's edited columns and its audit row; false (nothing written) when none changed. */
export async function auditedEdit<T extends VersionedTable>(
  w: WriteCtx,
  u: AuditedEdit<T>,
): Promise<boolean> {
  const {
    diff = diffFields(u.row as unknown as Record<string, unknown>, u.set as Record<string, unknown>),
    sides = diffSides,
    ...update
  } = u;
  if (Object.keys(diff).length === 0) return false;
  await auditedUpdate(w, { ...update, action: 'update', ...sides(diff) });
  return true;
}

export interface AuditedArchive<T extends VersionedTable> {
  table: T;
  /** the row as read in this transaction */
  row: { id: number; uuid: string; version: number; archived_at: string | null };
  /** true: archived now; false: restored */
  archived: boolean;
  /** the audit action: withdraw, … (default: archive, or restore when restored) */
  action?: string;
  reason: string | null;
  conflict: string;
}

/** Archives (`archived_at` now) or restores (null) a row under its version; the audit row holds `archived_at`. */
export async function auditedArchive<T extends VersionedTable>(
  w: WriteCtx,
  u: AuditedArchive<T>,
): Promise<number> {
  const at = u.archived ? w.now : null;
  return auditedUpdate(w, {
    table: u.table,
    row: u.row,
    // the row has `archived_at`, so T's table has it; kysely cannot follow that through a generic T
    set: { archived_at: at } as unknown as Updateable<DB[T]>,
    action: u.action ?? (u.archived ? 'archive' : 'restore'),
    before: { archived_at: u.row.archived_at },
    after: { archived_at: at },
    reason: u.reason,
    conflict: u.conflict,
  });
}
