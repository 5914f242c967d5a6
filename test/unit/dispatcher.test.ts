import { describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../shared/ipc/contract';
import { accessDenial, ROLES, type Access, type Role } from '../../shared/ipc/access';
import { TEST_SETUP } from '../fixtures/app';
import { testAppsCleanedAfterEach } from '../fixtures/app-hooks';

const newApp = testAppsCleanedAfterEach();

describe('dispatcher', () => {
  it('refuses an unknown channel', async () => {
    const app = await newApp();
    expect(await app.dispatch('business:drop', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' },
    });
    expect((await app.dispatch(42, {})).ok).toBe(false);
    expect((await app.dispatch('__proto__', {})).ok).toBe(false);
    expect((await app.dispatch('toString', {})).ok).toBe(false);
  });

  it('refuses malformed input with field errors before the handler runs, and saves nothing', async () => {
    const app = await newApp();
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
    const list = await app.call('business:list', {});
    expect(list.total).toBe(0);
  });

  it('refuses a non-object input', async () => {
    const app = await newApp();
    const r = await app.dispatch('business:create', 'DROP TABLE businesses');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
  });

  it('requires sign-in for everything but the public channels', async () => {
    const app = await newApp();
    await app.call('auth:logout');
    const r = await app.dispatch('business:list', {});
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } });
    const info = await app.call('app:info');
    expect(info).toMatchObject({ setUp: true, user: null });
    const bad = await app.dispatch('auth:login', { username: 'siti', password: 'salah-sekali' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_CREDENTIALS');
    await app.call('auth:login', { username: 'siti', password: TEST_SETUP.admin.password });
    expect((await app.dispatch('business:list', {})).ok).toBe(true);
  });

  it('refuses a second set-up and never leaks a stack trace', async () => {
    const app = await newApp();
    const r = await app.dispatch('office:setup', TEST_SETUP);
    expect(r).toEqual({ ok: false, error: { code: 'ALREADY_SET_UP', message: 'errors.alreadySetUp' } });
  });

  it('writes an audit row in the same transaction as every write', async () => {
    const app = await newApp();
    const b = await app.call('business:create', {
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
    expect(() => app.ctx.opened.raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});

describe('access policy (shared/ipc/access.ts, checked by the dispatcher before the input)', () => {
  const denied = (code: string, message: string) => ({ ok: false, error: { code, message } });
  const UNAUTH = denied('UNAUTHENTICATED', 'errors.unauthenticated');
  const FORBIDDEN = denied('FORBIDDEN', 'errors.forbidden');

  it('every channel declares a rule of a known form', () => {
    for (const [name, def] of Object.entries(channels)) {
      const a = def.access as Access | undefined;
      const ok = a === 'public' || a === 'setup' || (typeof a === 'object' && ROLES.includes(a.role));
      expect(ok, name).toBe(true);
    }
    // the few channels open to a caller who is not signed in
    const open = Object.entries(channels)
      .filter(([, d]) => typeof d.access === 'string')
      .map(([n]) => n)
      .sort();
    expect(open).toEqual([
      'app:info',
      'auth:login',
      'office:setup',
      'region:children',
      'region:get',
      'region:search',
    ]);
  });

  it('the rule table: public, setup, role with and without beforeSetUp', async () => {
    const cases: [Access, Role | null, boolean, string | null][] = [
      ['public', null, false, null],
      ['public', null, true, null],
      ['setup', null, false, null],
      ['setup', null, true, 'ALREADY_SET_UP'],
      ['setup', 'admin', true, 'ALREADY_SET_UP'],
      [{ role: 'viewer' }, null, true, 'UNAUTHENTICATED'],
      [{ role: 'viewer' }, null, false, 'UNAUTHENTICATED'],
      [{ role: 'viewer' }, 'viewer', true, null],
      [{ role: 'operator' }, 'viewer', true, 'FORBIDDEN'],
      [{ role: 'operator' }, 'operator', true, null],
      [{ role: 'operator' }, 'admin', true, null],
      [{ role: 'admin' }, 'operator', true, 'FORBIDDEN'],
      [{ role: 'admin', beforeSetUp: true }, null, false, null],
      [{ role: 'admin', beforeSetUp: true }, null, true, 'UNAUTHENTICATED'],
      [{ role: 'admin', beforeSetUp: true }, 'operator', true, 'FORBIDDEN'],
    ];
    for (const [access, role, setUp, want] of cases)
      expect(await accessDenial(access, role, async () => setUp), JSON.stringify([access, role, setUp])).toBe(
        want,
      );
  });

  it('answers UNAUTHENTICATED, not field errors, to a caller who is not signed in', async () => {
    const app = await newApp();
    await app.call('auth:logout');
    // before the fix this answered VALIDATION with the fields of business:create
    expect(await app.dispatch('business:create', { name: '', ownerNik: '123' })).toEqual(UNAUTH);
    expect(await app.dispatch('business:get', 'not an object')).toEqual(UNAUTH);
    expect(await app.dispatch('auth:logout', {})).toEqual(UNAUTH);
  });

  it('app:setLanguage before set-up writes nothing', async () => {
    const app = await newApp({ setUp: false });
    const before = await app.ctx.opened.db.selectFrom('settings').selectAll().execute();
    const audits = await app.ctx.opened.db.selectFrom('audit_log').select('id').execute();
    expect(await app.dispatch('app:setLanguage', { language: 'en' })).toEqual(UNAUTH);
    expect(await app.ctx.opened.db.selectFrom('settings').selectAll().execute()).toEqual(before);
    expect(await app.ctx.opened.db.selectFrom('audit_log').select('id').execute()).toEqual(audits);
    expect((await app.call('app:info')).language).toBe('id');
    // signed in, it is saved
    await app.call('office:setup', TEST_SETUP);
    await app.call('app:setLanguage', { language: 'en' });
    expect((await app.call('app:info')).language).toBe('en');
  });

  it('set-up only before the office exists: a second one is ALREADY_SET_UP even with bad input', async () => {
    const app = await newApp();
    await app.call('auth:logout');
    expect(await app.dispatch('office:setup', { office: 7 })).toEqual(
      denied('ALREADY_SET_UP', 'errors.alreadySetUp'),
    );
  });

  it('restore channels are open before set-up and need a signed-in admin after', async () => {
    const app = await newApp({ setUp: false });
    const dir = app.dataDir;
    // before set-up: let through to the handler (an empty folder lists no backups)
    expect(await app.dispatch('backup:list', { dir })).toEqual({ ok: true, value: [] });
    expect((await app.dispatch('backup:restoreDiscard', {})).ok).toBe(true);
    await app.call('office:setup', TEST_SETUP);
    expect((await app.dispatch('backup:list', { dir })).ok).toBe(true);
    await app.call('auth:logout');
    for (const [c, input] of [
      ['backup:list', { dir }],
      ['backup:restoreCheck', { file: 'x', passphrase: '' }],
      ['backup:restoreApply', {}],
      ['backup:restoreDiscard', {}],
      ['backup:drives', {}],
      ['backup:pickFolder', {}],
    ] as const)
      expect(await app.dispatch(c, input), c).toEqual(UNAUTH);
  });

  it("a signed-in role below the channel's minimum gets FORBIDDEN and the handler does not run", async () => {
    const app = await newApp();
    const admin = app.ctx.session.user!;
    app.ctx.session.user = { ...admin, role: 'operator' };
    expect(
      (
        await app.dispatch('business:create', {
          name: 'Tempe Bu Sri',
          ownerName: 'Sri',
          villageName: 'Kalisat',
        })
      ).ok,
    ).toBe(true);
    expect(await app.dispatch('backup:setKeep', { keep: 'many' })).toEqual(FORBIDDEN);
    expect(await app.dispatch('letter:settingsSave', {})).toEqual(FORBIDDEN);
    expect(await app.dispatch('backup:restoreApply', { planId: 'x' })).toEqual(FORBIDDEN);
    app.ctx.session.user = { ...admin, role: 'viewer' };
    const list = await app.call('business:list', {});
    expect(list.total).toBe(1);
    expect(await app.dispatch('business:create', { name: 'Tahu', ownerName: 'Budi' })).toEqual(FORBIDDEN);
    expect(await app.dispatch('backup:start', {})).toEqual(FORBIDDEN);
    const rows = await app.ctx.opened.db.selectFrom('businesses').select('id').execute();
    expect(rows).toHaveLength(1);
    app.ctx.session.user = admin;
    expect((await app.dispatch('backup:setKeep', { keep: 5 })).ok).toBe(true);
  });

  it('each rule names every channel of the contract (no channel left without a decision)', () => {
    const names = Object.keys(channels) as ChannelName[];
    expect(names.length).toBeGreaterThan(50);
    for (const n of names) expect(channels[n].access, n).toBeDefined();
  });
});
