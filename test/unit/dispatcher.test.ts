import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_SETUP, type TestApp } from '../fixtures/app';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

describe('dispatcher', () => {
  it('refuses an unknown channel', async () => {
    app = await makeTestApp();
    expect(await app.dispatch('business:drop', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' },
    });
    expect((await app.dispatch(42, {})).ok).toBe(false);
    expect((await app.dispatch('__proto__', {})).ok).toBe(false);
    expect((await app.dispatch('toString', {})).ok).toBe(false);
  });

  it('refuses malformed input with field errors before the handler runs, and saves nothing', async () => {
    app = await makeTestApp();
    const r = await app.dispatch('business:create', {
      name: '',
      ownerName: 7,
      ownerNik: '123',
      villageName: 'Ajung',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields).toEqual({
      name: 'validation.required',
      ownerName: 'validation.required',
      ownerNik: 'validation.nik.length',
    });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts/);
    const list = await app.call<{ total: number }>('business:list', {});
    expect(list.total).toBe(0);
  });

  it('refuses a non-object input', async () => {
    app = await makeTestApp();
    const r = await app.dispatch('business:create', 'DROP TABLE businesses');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
  });

  it('requires sign-in for everything but the public channels', async () => {
    app = await makeTestApp();
    await app.call('auth:logout');
    const r = await app.dispatch('business:list', {});
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } });
    const info = await app.call<{ setUp: boolean; user: unknown }>('app:info');
    expect(info).toMatchObject({ setUp: true, user: null });
    const bad = await app.dispatch('auth:login', { username: 'siti', password: 'salah-sekali' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_CREDENTIALS');
    await app.call('auth:login', { username: 'siti', password: TEST_SETUP.admin.password });
    expect((await app.dispatch('business:list', {})).ok).toBe(true);
  });

  it('refuses a second set-up and never leaks a stack trace', async () => {
    app = await makeTestApp();
    const r = await app.dispatch('office:setup', TEST_SETUP);
    expect(r).toEqual({ ok: false, error: { code: 'ALREADY_SET_UP', message: 'errors.alreadySetUp' } });
  });

  it('writes an audit row in the same transaction as every write', async () => {
    app = await makeTestApp();
    const b = await app.call<{ id: number }>('business:create', {
      name: 'Gerabah Pak Min',
      ownerName: 'Paimin',
      villageName: 'Kalisat',
    });
    const rows = await app.ctx.opened.db
      .selectFrom('audit_log')
      .select(['table_name', 'action', 'user_name', 'record_id'])
      .where('table_name', 'in', ['owners', 'businesses'])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { table_name: 'owners', action: 'create', user_name: 'siti', record_id: expect.any(Number) },
        { table_name: 'businesses', action: 'create', user_name: 'siti', record_id: b.id },
      ]),
    );
    // The audit log is append-only.
    expect(() => app!.ctx.opened.raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});
