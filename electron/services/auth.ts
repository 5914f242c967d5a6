import { AppError } from '../../shared/errors';
import type { SessionUser } from '../../shared/schemas/office';
import type { UserRow } from '../../db/schema';
import { writeAudit, type AuditEntry } from '../../db/queries/audit';
import { dbOf, type AppContext } from '../app/context';
import { log } from '../app/log';
import { withWrite } from '../app/write';
import { hashPassword, verifyPassword } from './password';
import { getOffice, sessionUserFromRow } from './office';

/**
 * Sign-in with lockout (issue 10, hole 5). After LOCK_AFTER wrong passwords in a row an account waits, and
 * every further failure doubles the wait (1, 2, 4 … minutes, at most an hour). While it waits, sign-in is
 * refused without even checking the password, so guessing gains nothing; each failure and each refused try
 * is logged and audited (`login_failed`, `login_locked`); the admin can unlock (users.ts). A good sign-in
 * clears the count.
 */
export const LOCK_AFTER = 5;
const FIRST_WAIT_S = 60;
const MAX_WAIT_S = 60 * 60;

/** How long an account waits after `failures` wrong passwords in a row (0: not locked). */
export function lockSeconds(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(FIRST_WAIT_S * 2 ** Math.min(failures - LOCK_AFTER, 20), MAX_WAIT_S);
}

const DUMMY_HASH = 'scrypt$32768$8$2$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const badCredentials = () =>
  new AppError('BAD_CREDENTIALS', 'errors.badCredentials', {
    fields: { password: 'errors.badCredentials' },
  });

const locked = (until: string, now: Date) => {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  return new AppError('BAD_CREDENTIALS', 'errors.accountLocked', {
    params: { minutes },
    fields: { password: 'errors.accountLockedField' },
  });
};

/** A name as typed, cut short for the log and the audit (it may be anything). */
const typedName = (s: string) => s.slice(0, 64);

export async function login(ctx: AppContext, username: string, password: string): Promise<SessionUser> {
  const db = dbOf(ctx);
  if (!(await getOffice(db))) throw new AppError('NOT_SET_UP', 'errors.notSetUp');
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const now = ctx.now();
  const nowIso = now.toISOString();
  // The sign-in attempts are written by "nobody": the actor is the account tried, or null when unknown.
  const audit = (u: UserRow | undefined, action: string, after?: unknown) =>
    withWrite(ctx, (w) =>
      writeAudit(
        { ...w, actor: { id: u?.id ?? null, name: u?.username ?? typedName(username) } },
        { table: 'users', recordId: u?.id ?? null, recordUuid: u?.uuid ?? null, action, after },
      ),
    );

  if (!user || user.archived_at) {
    // Verify against a dummy hash so timing does not reveal which usernames exist.
    await verifyPassword(password, DUMMY_HASH);
    log.warn(
      `sign-in failed: ${user ? 'disabled account' : 'unknown user'} ${JSON.stringify(typedName(username))}`,
    );
    await audit(user, 'login_failed', { reason: user ? 'disabled' : 'unknown_user' });
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > nowIso) {
    log.warn(`sign-in refused: "${user.username}" is locked until ${user.locked_until}`);
    await audit(user, 'login_locked', { lockedUntil: user.locked_until });
    throw locked(user.locked_until, now);
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = user.failed_attempts + 1;
    const wait = lockSeconds(failures);
    const lockedUntil = wait ? new Date(now.getTime() + wait * 1000).toISOString() : null;
    await withWrite(ctx, async (w) => {
      await w.trx
        .updateTable('users')
        .set({ failed_attempts: failures, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await writeAudit(
        { ...w, actor: { id: user.id, name: user.username } },
        {
          table: 'users',
          recordId: user.id,
          recordUuid: user.uuid,
          action: 'login_failed',
          after: { reason: 'wrong_password', failures, lockedUntil },
        },
      );
    });
    log.warn(`sign-in failed: wrong password for "${user.username}" (${failures} in a row)`);
    throw lockedUntil ? locked(lockedUntil, now) : badCredentials();
  }
  const sessionUser = sessionUserFromRow(user);
  await withWrite(ctx, async (w) => {
    if (user.failed_attempts || user.locked_until)
      await w.trx
        .updateTable('users')
        .set({ failed_attempts: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
    await writeAudit(
      { ...w, actor: { id: user.id, name: user.username } },
      { table: 'users', recordId: user.id, recordUuid: user.uuid, action: 'login' },
    );
  });
  ctx.session.user = sessionUser;
  return sessionUser;
}

export async function logout(ctx: AppContext): Promise<void> {
  const u = ctx.session.user;
  if (!u) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  await withWrite(ctx, (w) =>
    writeAudit(w, { table: 'users', recordId: u.id, recordUuid: u.uuid, action: 'logout' }),
  );
  ctx.session.user = null;
}

/**
 * The signed-in user, once `password` is confirmed as theirs (asked before a change only they may make). A
 * wrong password is audited (`wrong.audit`) and refused as the field error `wrong.fields`.
 */
export async function confirmOwnPassword(
  ctx: AppContext,
  password: string,
  wrong: { audit: (user: UserRow) => AuditEntry; fields: Record<string, string> },
): Promise<UserRow> {
  const me = ctx.session.user;
  if (!me) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  const row = await dbOf(ctx).selectFrom('users').selectAll().where('id', '=', me.id).executeTakeFirst();
  if (!row || row.archived_at) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  if (!(await verifyPassword(password, row.password_hash))) {
    await withWrite(ctx, (w) => writeAudit(w, wrong.audit(row)));
    throw new AppError('VALIDATION', 'errors.validation', { fields: wrong.fields });
  }
  return row;
}

/** One's own password, with the old one. A wrong old password is a field error and is audited. */
export async function changeOwnPassword(
  ctx: AppContext,
  input: { oldPassword: string; newPassword: string },
): Promise<void> {
  const row = await confirmOwnPassword(ctx, input.oldPassword, {
    audit: (u) => ({ table: 'users', recordId: u.id, recordUuid: u.uuid, action: 'password_change_failed' }),
    fields: { oldPassword: 'validation.oldPasswordWrong' },
  });
  const hash = await hashPassword(input.newPassword);
  await withWrite(ctx, async (w) => {
    await w.trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: w.now, updated_at: w.now })
      .where('id', '=', row.id)
      .execute();
    // never the hash in the audit: only that it changed
    await writeAudit(w, {
      table: 'users',
      recordId: row.id,
      recordUuid: row.uuid,
      action: 'password_change',
    });
  });
}
