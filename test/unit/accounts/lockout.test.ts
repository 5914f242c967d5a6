import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { LOCK_AFTER, lockSeconds } from '../../../electron/services/auth';
import type { ClientSession } from '../../../electron/app/sessions';

/**
 * Issue 10, hole 5: 200 wrong passwords in a row were accepted as attempts, then the right one worked. Before the
 * fix the last call below signed in.
 */
let app: TestApp;
let clock = Date.parse('2026-03-12T03:00:00Z');
beforeAll(async () => {
  app = await makeTestApp({ now: () => new Date(clock) });
});
afterAll(() => app.cleanup());

const attacker: ClientSession = { user: null };
const tryLogin = (password: string, username = TEST_SETUP.admin.username) =>
  app.dispatch('auth:login', { username, password }, attacker);
const auditCount = (action: string) =>
  app.ctx.opened.raw.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('lockout (hole 5)', () => {
  it('the delay grows after 5 failures and is capped at an hour', () => {
    expect(lockSeconds(LOCK_AFTER - 1)).toBe(0);
    expect(lockSeconds(5)).toBe(60);
    expect(lockSeconds(6)).toBe(120);
    expect(lockSeconds(7)).toBe(240);
    expect(lockSeconds(500)).toBe(3600);
  });

  it('200 wrong passwords, then the right one: refused while locked; failures audited; admin unlocks', async () => {
    for (let i = 0; i < 200; i++) {
      const r = await tryLogin(`salah-${i}`);
      expect(r.ok).toBe(false);
      if (!r.ok && i >= LOCK_AFTER - 1) expect(r.error.message).toBe('errors.accountLocked');
    }
    const right = await tryLogin(TEST_SETUP.admin.password);
    expect(right.ok).toBe(false);
    if (!right.ok) {
      expect(right.error.message).toBe('errors.accountLocked');
      expect(right.error.params).toEqual({ minutes: 1 });
    }
    expect(attacker.user).toBeNull();
    expect(auditCount('login_failed')).toBe(LOCK_AFTER);
    expect(auditCount('login_locked')).toBe(200 - LOCK_AFTER + 1);
    // the wait passes; one more wrong password doubles it
    clock += 61_000;
    const again = await tryLogin('masih-salah');
    expect(!again.ok && again.error.params).toEqual({ minutes: 2 });
    // the admin (signed in in the test's own session since the set-up) unlocks
    const row = await app.call('user:list');
    await app.call('user:unlock', { id: row[0]!.id });
    expect(auditCount('unlock')).toBe(1);
    const ok = await tryLogin(TEST_SETUP.admin.password);
    expect(ok.ok).toBe(true);
    expect(attacker.user?.username).toBe('siti');
    const u = app.ctx.opened.raw.prepare('SELECT failed_attempts, locked_until FROM users').get();
    expect(u).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('an unknown user is told the same as a wrong password, and the try is audited', async () => {
    const r = await tryLogin('apa saja', 'tidak-ada');
    expect(!r.ok && r.error).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'errors.badCredentials' });
    const last = app.ctx.opened.raw
      .prepare(
        "SELECT user_id, user_name, after_json FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC",
      )
      .get();
    expect(last).toEqual({ user_id: null, user_name: 'tidak-ada', after_json: '{"reason":"unknown_user"}' });
  });
});
