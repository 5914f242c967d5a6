import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../fixtures/app';
import type { ClientSession } from '../../../electron/app/sessions';
import { maskDeep } from '../../../shared/privacy/mask';
import { maskPhone } from '../../../shared/validators/phone';
import type { InputOf } from '../../../shared/ipc/contract';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(() => app.cleanup());

const newUser = (username: string, role: InputOf<'user:create'>['role'], password = 'sandi-kalisat-1') => ({
  username,
  fullName: username.toUpperCase(),
  role,
  password,
  passwordConfirm: password,
});
async function as(username: string, password: string): Promise<ClientSession> {
  const s: ClientSession = { user: null };
  const r = await app.dispatch('auth:login', { username, password }, s);
  if (!r.ok) throw new Error(r.error.message);
  return s;
}
const audits = (action: string) =>
  app.ctx.opened.raw.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('users managed by the admin', () => {
  it('adds users with a role; a taken name is a field error; nothing half-saved', async () => {
    const op = await app.call('user:create', newUser('budi', 'operator'));
    expect(op).toMatchObject({ username: 'budi', role: 'operator', disabled: false, failedAttempts: 0 });
    const dup = await app.dispatch('user:create', newUser('BUDI', 'viewer'));
    expect(!dup.ok && dup.error.fields).toEqual({ username: 'validation.usernameTaken' });
    const bad = await app.dispatch('user:create', {
      ...newUser('x', 'viewer'),
      role: 'root',
      passwordConfirm: 'lain',
    });
    expect(!bad.ok && bad.error.fields).toMatchObject({
      username: 'validation.username',
      role: 'validation.required',
    });
    const list = await app.call('user:list');
    expect(list.map((u) => u.username).sort()).toEqual(['budi', 'siti']);
    // the audit has the new user, never the password hash
    const after = app.ctx.opened.raw
      .prepare(
        "SELECT after_json FROM audit_log WHERE action = 'create' AND table_name = 'users' ORDER BY id DESC",
      )
      .pluck()
      .get() as string;
    expect(after).toContain('"role":"operator"');
    expect(after).not.toContain('scrypt');
  });

  it('only an admin manages users; an operator is refused in main', async () => {
    const s = await as('budi', 'sandi-kalisat-1');
    const r = await app.dispatch('user:create', newUser('eka', 'admin'), s);
    expect(r.ok).toBe(false);
    expect((await app.dispatch('audit:list', {}, s)).ok).toBe(false);
    expect((await app.dispatch('user:list', undefined, s)).ok).toBe(false);
  });

  it('disabling signs the user out at once and refuses their sign-in; accounts are never deleted', async () => {
    const s = await as('budi', 'sandi-kalisat-1');
    const window = { user: s.user } as ClientSession;
    const key = 'wc:9';
    await app.ctx.sessions.run(
      key,
      'auth:login',
      async (c) => (c.user = window.user),
      () => key,
    );
    const budi = (await app.call('user:list')).find((u) => u.username === 'budi')!;
    const d = await app.call('user:setDisabled', { id: budi.id, disabled: true });
    expect(d.disabled).toBe(true);
    expect(app.ctx.sessions.isSignedIn(key)).toBe(false);
    await expect(as('budi', 'sandi-kalisat-1')).rejects.toThrow('errors.badCredentials');
    expect(
      app.ctx.opened.raw.prepare("SELECT count(*) FROM users WHERE username = 'budi'").pluck().get(),
    ).toBe(1);
    await app.call('user:setDisabled', { id: budi.id, disabled: false });
    await as('budi', 'sandi-kalisat-1');
    expect(audits('disable')).toBe(1);
    expect(audits('enable')).toBe(1);
  });

  it('the last enabled admin cannot be disabled or demoted; the admin cannot disable themself', async () => {
    const me = (await app.call('user:list')).find((u) => u.username === 'siti')!;
    const r1 = await app.dispatch('user:setDisabled', { id: me.id, disabled: true });
    expect(!r1.ok && r1.error.message).toBe('accounts.errors.disableSelf');
    const r2 = await app.dispatch('user:update', { id: me.id, fullName: 'Siti', role: 'operator' });
    expect(!r2.ok && r2.error.fields).toEqual({ role: 'accounts.errors.lastAdmin' });
  });

  it('the admin resets a password (unlocks too); the user changes their own with the old one', async () => {
    const budi = (await app.call('user:list')).find((u) => u.username === 'budi')!;
    await app.call('user:resetPassword', {
      id: budi.id,
      password: 'baru-dari-admin',
      passwordConfirm: 'baru-dari-admin',
    });
    await expect(as('budi', 'sandi-kalisat-1')).rejects.toThrow();
    const s = await as('budi', 'baru-dari-admin');
    const wrong = await app.dispatch(
      'auth:changePassword',
      {
        oldPassword: 'bukan-ini',
        newPassword: 'punya-budi-sendiri',
        newPasswordConfirm: 'punya-budi-sendiri',
      },
      s,
    );
    expect(!wrong.ok && wrong.error.fields).toEqual({ oldPassword: 'validation.oldPasswordWrong' });
    const ok = await app.dispatch(
      'auth:changePassword',
      {
        oldPassword: 'baru-dari-admin',
        newPassword: 'punya-budi-sendiri',
        newPasswordConfirm: 'punya-budi-sendiri',
      },
      s,
    );
    expect(ok.ok).toBe(true);
    await expect(as('budi', 'baru-dari-admin')).rejects.toThrow();
    await as('budi', 'punya-budi-sendiri');
    expect(audits('password_reset')).toBe(1);
    expect(audits('password_change')).toBe(1);
    expect(audits('password_change_failed')).toBe(1);
  });

  it('a viewer gets NIK and phone masked in every answer from main', async () => {
    await app.call('user:create', newUser('camat', 'viewer'));
    const created = await app.call('business:create', {
      name: 'Keripik Tempe Bu Sri',
      ownerName: 'Sri Wahyuni',
      ownerNik: '3509276508850002',
      ownerPhone: '081234567890',
      villageName: 'Ajung',
      villageCode: '35.09.27.2001',
    });
    expect(created.owner.nik).toBe('3509276508850002'); // the admin sees it
    const v = await as('camat', 'sandi-kalisat-1');
    const r = await app.dispatch('business:get', { id: created.id }, v);
    expect(r.ok).toBe(true);
    const text = JSON.stringify(r.ok && r.value);
    expect(text).not.toContain('3509276508850002');
    expect(text).not.toContain('81234567890');
    expect(text).toContain('3509••••••••0002');
    const list = await app.dispatch('business:list', {}, v);
    expect(JSON.stringify(list)).not.toContain('3509276508850002');
  });
});

describe('masking', () => {
  it('masks by key, by history field and bare 16-digit strings; never the whole of a short phone', () => {
    // a record holding `nik` and `phone` under a masked key, a history field and a bare string
    const record = (nik: string, phone: string) => ({
      ownerNik: nik,
      owner: { nik, phone },
      history: [{ field: 'ownerPhone', before: phone, after: null }],
      note: nik,
      nikMasked: '3509••••••••0002',
      count: 3,
    });
    expect(maskDeep(record('3509276508850002', '+6281234567890'))).toEqual(
      record('3509••••••••0002', '+62812••••7890'),
    );
    expect(maskPhone('0331591234')).toBe('033•••••34');
    expect(maskPhone('123')).toBe('•••');
  });
});
