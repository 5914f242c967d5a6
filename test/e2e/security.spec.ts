import http from 'node:http';
import { expect, test } from './fixtures';

function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('the browser mode serves a strict CSP, no Node in the page, and refuses callers without the secret', async ({
  page,
  app,
}) => {
  const res = await page.goto(app.url);
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval/);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe(
    'undefined',
  );

  // Without the per-run secret the dispatcher is unreachable, even from the app's own origin.
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'app:info' }),
    });
    return r.status;
  });
  expect(status).toBe(403);

  // An inline script injected into the page does not run (CSP).
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __pwned?: boolean }).__pwned === true;
  });
  expect(ran).toBe(false);

  // Another host name (DNS rebinding) or another origin is refused.
  const u = new URL(app.url);
  expect(await rawGet(app.url, { Host: `evil.example:${u.port}` })).toBe(421);
  expect(await rawGet(`${app.url}api/events?token=x`, { Origin: 'https://evil.example' })).toBe(403);

  // With the secret but no session, a signed-in channel is refused as unauthenticated; a malformed input to
  // the one public channel (sign-in) is refused with a field error, never a stack trace.
  const call = (channel: string, input: unknown) =>
    page.evaluate(
      async ({ channel, input }) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="daftar-ikm-token"]')!.content;
        const r = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': token },
          body: JSON.stringify({ channel, input }),
        });
        return r.json() as Promise<unknown>;
      },
      { channel, input },
    );
  expect(await call('app:setLanguage', { language: 'fr' })).toEqual({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' },
  });
  expect(await call('auth:login', { username: 42, password: 'x' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', message: 'errors.validation', fields: { username: expect.any(String) } },
  });
});
