import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTestApp, TEST_SETUP, type TestApp } from '../../fixtures/app';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { SessionStore } from '../../../electron/app/sessions';

/**
 * Issue 10, hole 4: one session for everyone. Before the fix, whoever held the page's secret acted as the
 * signed-in clerk: these tests sign in with one client and call with another (the secret alone), and failed.
 */
let app: TestApp | null = null;
let server: WebServer | null = null;
let clock = Date.parse('2026-03-12T03:00:00Z');
const now = () => new Date(clock);
// one app for the file (booting one costs seconds on a loaded machine); each test has its own server and clients
beforeAll(async () => {
  app = await makeTestApp({ now });
  // the set-up signed the test's own session in: sign it out so only web clients hold sessions
  await app.call('auth:logout');
});
afterAll(async () => {
  await app?.cleanup();
});
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  if (!app) throw new Error('no app');
  const rendererDir = path.join(os.tmpdir(), 'daftar-ikm-empty-renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startWebServer({ dispatch: app.dispatch, rendererDir, sessions: app.ctx.sessions });
  return server;
}

/** A browser: keeps its own cookie, sends the page's secret. */
function client(s: WebServer) {
  let cookie = '';
  const setCookies: string[] = [];
  return {
    setCookies,
    get cookie() {
      return cookie;
    },
    async call(channel: string, input?: unknown) {
      const r = await fetch(`${s.url}api/invoke`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Daftar-IKM-Token': s.token,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify({ channel, input }),
      });
      const sc = r.headers.get('set-cookie');
      if (sc) {
        setCookies.push(sc);
        const [pair] = sc.split(';');
        cookie = pair!.endsWith('=') ? '' : pair!;
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several channels, read by the test
      return (await r.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
    },
  };
}

const signIn = { username: TEST_SETUP.admin.username, password: TEST_SETUP.admin.password };

describe('sessions belong to a client (hole 4)', () => {
  it('the secret alone is not the signed-in clerk: another client stays signed out', async () => {
    const s = await start();
    const clerk = client(s);
    const other = client(s);
    expect((await clerk.call('auth:login', signIn)).ok).toBe(true);
    expect(clerk.setCookies[0]).toMatch(/HttpOnly/);
    expect(clerk.setCookies[0]).toMatch(/SameSite=Strict/);
    expect((await clerk.call('office:get')).ok).toBe(true);
    // a local process that read the secret from the page, without the clerk's cookie
    const r = await other.call('office:get');
    expect(r.error?.code).toBe('UNAUTHENTICATED');
    expect((await other.call('app:info')).value.user).toBeNull();
    expect((await clerk.call('app:info')).value.user.username).toBe('siti');
  });

  it('the cookie without the secret is refused, and letter files need the session too', async () => {
    const s = await start();
    const clerk = client(s);
    await clerk.call('auth:login', signIn);
    const r = await fetch(`${s.url}api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: clerk.cookie },
      body: JSON.stringify({ channel: 'office:get' }),
    });
    expect(r.status).toBe(403);
    const file = await fetch(`${s.url}files/letters/x.pdf?token=${s.token}`);
    expect(file.status).toBe(403);
  });

  it('sign-out ends the session: the old cookie no longer works', async () => {
    const s = await start();
    const clerk = client(s);
    await clerk.call('auth:login', signIn);
    const old = clerk.cookie;
    expect((await clerk.call('auth:logout')).ok).toBe(true);
    expect(clerk.setCookies.at(-1)).toMatch(/Max-Age=0/);
    const replay = await fetch(`${s.url}api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': s.token, Cookie: old },
      body: JSON.stringify({ channel: 'office:get' }),
    });
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('ends after the idle time-out (default 30 minutes) and says so; polls do not keep it alive', async () => {
    const s = await start();
    expect(app!.ctx.config.idleTimeoutSeconds).toBe(30 * 60);
    const clerk = client(s);
    await clerk.call('auth:login', signIn);
    clock += 29 * 60_000;
    expect((await clerk.call('office:get')).ok).toBe(true); // activity: the 30 minutes start again
    clock += 29 * 60_000;
    expect((await clerk.call('app:info')).value.user).not.toBeNull(); // a poll, not activity
    clock += 2 * 60_000;
    const r = await clerk.call('office:get');
    expect(r.error).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.sessionIdle' });
    const info = (await clerk.call('app:info')).value;
    expect(info.user).toBeNull();
    expect(info.sessionEnded).toBe('idle');
    // signing in again gives a new session
    expect((await clerk.call('auth:login', signIn)).ok).toBe(true);
    expect((await clerk.call('app:info')).value.sessionEnded).toBeNull();
  });

  it('two clients signed in at once keep their own users', async () => {
    const s = await start();
    await app!.call('auth:login', signIn);
    await app!.call('user:create', {
      username: 'budi',
      fullName: 'Budi Santoso',
      role: 'operator',
      password: 'operator-kalisat',
      passwordConfirm: 'operator-kalisat',
    });
    await app!.call('auth:logout');
    const admin = client(s);
    const op = client(s);
    await admin.call('auth:login', signIn);
    await op.call('auth:login', { username: 'budi', password: 'operator-kalisat' });
    const [a, b] = await Promise.all([admin.call('app:info'), op.call('app:info')]);
    expect(a.value.user.username).toBe('siti');
    expect(b.value.user.username).toBe('budi');
    expect(app!.ctx.sessions.count()).toBeGreaterThanOrEqual(2);
  });
});

describe('SessionStore', () => {
  it('a window keeps its own key; disabling a user ends their sessions', async () => {
    let t = 0;
    const store = new SessionStore(1000, () => t);
    const user = { id: 7, uuid: 'u', username: 'budi', fullName: 'Budi', role: 'operator' as const };
    const r = await store.run(
      'wc:1',
      'auth:login',
      async (s) => (s.user = user),
      () => 'wc:1',
    );
    expect(r.key).toBe('wc:1');
    t = 500;
    expect((await store.run('wc:2', 'office:get', async (s) => s.user)).result).toBeNull();
    expect((await store.run('wc:1', 'office:get', async (s) => s.user)).result).toEqual(user);
    store.updateUser(7, null);
    expect((await store.run('wc:1', 'office:get', async (s) => s.user)).result).toBeNull();
  });
});
