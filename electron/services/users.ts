import { AppError } from '../../shared/errors';
import type { UserRole, UserSummary } from '../../shared/schemas/accounts';
import type { Db } from '../../db/connection';
import type { Updateable } from 'kysely';
import type { DB, UserRow } from '../../db/schema';
import { diffFields, diffSides, writeAudit, type WriteCtx } from '../../db/queries/audit';
import type { AppContext } from '../app/context';
import { withWrite } from '../app/write';
import { hashPassword } from './password';
import { sessionUserFromRow } from './office';

/**
 * Users, managed by the admin: add, change name and role, disable and enable (never delete: the audit log
 * refers to every account), reset a password, unlock. Each change is one transaction with its audit row; the
 * sessions of the user follow at once (disabled or reset: signed out; new role: applies to the next call).
 * The office always keeps at least one enabled admin.
 */
export function userSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    uuid: r.uuid,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    disabled: r.archived_at !== null,
    disabledAt: r.archived_at,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    passwordChangedAt: r.password_changed_at,
    createdAt: r.created_at,
  };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .orderBy((eb) => eb.fn.coalesce('archived_at', eb.val('')), 'asc')
    .orderBy('full_name')
    .execute();
  return rows.map(userSummary);
}

async function userRow(db: Db, id: number): Promise<UserRow> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return r;
}

const auditImage = (r: UserRow) => ({
  username: r.username,
  full_name: r.full_name,
  role: r.role,
  archived_at: r.archived_at,
});

async function enabledAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function createUser(
  ctx: AppContext,
  input: { username: string; fullName: string; role: UserRole; password: string },
): Promise<UserSummary> {
  const hash = await hashPassword(input.password);
  return withWrite(ctx, async (w) => {
    const taken = await w.trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken)
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: { username: 'validation.usernameTaken' },
      });
    const row = await w.trx
      .insertInto('users')
      .values({
        uuid: w.uuid(),
        username: input.username,
        full_name: input.fullName,
        role: input.role,
        password_hash: hash,
        archived_at: null,
        password_changed_at: w.now,
        created_at: w.now,
        updated_at: w.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(w, {
      table: 'users',
      recordId: row.id,
      recordUuid: row.uuid,
      action: 'create',
      after: auditImage(row),
    });
    return userSummary(row);
  });
}

export async function updateUser(
  ctx: AppContext,
  input: { id: number; fullName: string; role: UserRole },
): Promise<UserSummary> {
  const result = await withWrite(ctx, async (w) => {
    const before = await userRow(w.trx, input.id);
    if (
      before.role === 'admin' &&
      input.role !== 'admin' &&
      !before.archived_at &&
      (await enabledAdmins(w.trx)) <= 1
    )
      throw new AppError('CONFLICT', 'accounts.errors.lastAdmin', {
        fields: { role: 'accounts.errors.lastAdmin' },
      });
    return writeUser(w, before, { full_name: input.fullName, role: input.role }, 'update', (after) => {
      const changes = diffFields(auditImage(before), auditImage(after));
      return Object.keys(changes).length ? diffSides(changes) : null;
    });
  });
  if (!result.archived_at) ctx.sessions.updateUser(result.id, sessionUserFromRow(result));
  if (ctx.session.user?.id === result.id) ctx.session.user = sessionUserFromRow(result);
  return userSummary(result);
}

export async function setDisabled(
  ctx: AppContext,
  input: { id: number; disabled: boolean },
): Promise<UserSummary> {
  if (input.disabled && ctx.session.user?.id === input.id)
    throw new AppError('CONFLICT', 'accounts.errors.disableSelf');
  const result = await withWrite(ctx, async (w) => {
    const before = await userRow(w.trx, input.id);
    if ((before.archived_at !== null) === input.disabled) return before;
    if (input.disabled && before.role === 'admin' && (await enabledAdmins(w.trx)) <= 1)
      throw new AppError('CONFLICT', 'accounts.errors.lastAdmin');
    const action = input.disabled ? 'disable' : 'enable';
    return writeUser(w, before, { archived_at: input.disabled ? w.now : null }, action, (after) => ({
      before: { archived_at: before.archived_at },
      after: { archived_at: after.archived_at },
    }));
  });
  if (input.disabled) ctx.sessions.updateUser(result.id, null);
  return userSummary(result);
}

/**
 * Clears the failed sign-ins and the lock (with the other columns of `set`) and audits it as `action`; the
 * audit row holds the lockout before and after.
 */
async function clearLockout(
  w: WriteCtx,
  before: UserRow,
  action: string,
  set: Updateable<DB['users']> = {},
): Promise<UserRow> {
  return writeUser(w, before, { ...set, failed_attempts: 0, locked_until: null }, action, () => ({
    before: { failed_attempts: before.failed_attempts, locked_until: before.locked_until },
    after: { failed_attempts: 0, locked_until: null },
  }));
}

/**
 * Writes `set` on the user (and `updated_at`) with its audit row as `action`: `sides` gives the row's before
 * and after from the written row, or null when the trail has nothing to show (no audit row then).
 */
async function writeUser(
  w: WriteCtx,
  before: UserRow,
  set: Updateable<DB['users']>,
  action: string,
  sides: (after: UserRow) => { before: unknown; after: unknown } | null,
): Promise<UserRow> {
  const after = await w.trx
    .updateTable('users')
    .set({ ...set, updated_at: w.now })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const audit = sides(after);
  if (audit)
    await writeAudit(w, { table: 'users', recordId: after.id, recordUuid: after.uuid, action, ...audit });
  return after;
}

/** A new password set by the admin (the user forgot theirs); also unlocks, and signs the user out everywhere. */
export async function resetPassword(
  ctx: AppContext,
  input: { id: number; password: string },
): Promise<UserSummary> {
  if (ctx.session.user?.id === input.id) throw new AppError('CONFLICT', 'accounts.errors.resetSelf');
  const hash = await hashPassword(input.password);
  const result = await withWrite(ctx, async (w) => {
    const before = await userRow(w.trx, input.id);
    return clearLockout(w, before, 'password_reset', { password_hash: hash, password_changed_at: w.now });
  });
  ctx.sessions.updateUser(result.id, null);
  return userSummary(result);
}

export async function unlockUser(ctx: AppContext, input: { id: number }): Promise<UserSummary> {
  const result = await withWrite(ctx, async (w) => {
    const before = await userRow(w.trx, input.id);
    return clearLockout(w, before, 'unlock');
  });
  return userSummary(result);
}
