/**
 * Issue 10, hole 1: nothing a request carries may end the browser-mode server. The real server
 * (electron/web/main.ts, from source) runs in a child process; each hostile request must get a 4xx/5xx
 * answer and a log line, and the server must still answer afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SETUP } from '../../fixtures/app';

let proc: ChildProcess;
let base = '';
let port = 0;
let token = '';
/** the session cookie of the clerk set-up signs in: /files/ needs the secret and a session */
let cookie = '';
let stderr = '';
let dataDir = '';
let rendererDir = '';

/** A raw request (fetch would normalise the path): answers the status, or -1 when the connection died. */
function raw(method: string, pathAndQuery: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathAndQuery,
        headers: { Host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function stillAlive(): Promise<void> {
  expect(proc.exitCode).toBeNull();
  const r = await fetch(base);
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-web-'));
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-renderer-'));
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head></head><body>app</body></html>',
  );
  mkdirSync(path.join(dataDir, 'letters', '2026'), { recursive: true });
  proc = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts'], {
    env: { ...process.env, DAFTAR_IKM_DATA_DIR: dataDir, DAFTAR_IKM_RENDERER_DIR: rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 110_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DAFTAR_IKM_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${stderr}`)));
  });
  port = Number(new URL(base).port);
  const html = await (await fetch(base)).text();
  token = /name="daftar-ikm-token" content="([^"]+)"/.exec(html)![1]!;
  const setup = await fetch(new URL('/api/invoke', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': token },
    body: JSON.stringify({ channel: 'office:setup', input: TEST_SETUP }),
  });
  expect(((await setup.json()) as { ok: boolean }).ok).toBe(true);
  cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/=./);
  // a cold start (tsx compiling from source) on a loaded machine can take a minute
}, 120_000);

afterAll(async () => {
  if (proc && proc.exitCode === null) {
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('browser-mode server survives hostile requests (issue 10 hole 1)', () => {
  it('GET /%C0 without the secret: 400, not a dead process', async () => {
    expect(await raw('GET', '/%C0')).toBe(400);
    await stillAlive();
  });

  it('a body of null with the secret: a 400 VALIDATION answer', async () => {
    const status = await raw('POST', '/api/invoke', 'null', {
      'Content-Type': 'application/json',
      'X-Daftar-IKM-Token': token,
    });
    expect(status).toBe(400);
    await stillAlive();
  });

  it('other non-object bodies (a number, an array, a string) are refused the same way', async () => {
    for (const body of ['1', '[]', '"x"', '{"channel":null}']) {
      const status = await raw('POST', '/api/invoke', body, {
        'Content-Type': 'application/json',
        'X-Daftar-IKM-Token': token,
      });
      expect(status, body).toBeGreaterThanOrEqual(200);
      expect(status, body).toBeLessThan(600);
    }
    await stillAlive();
  });

  it('GET /files/letters (a folder) with the secret: 404 (403 without a session)', async () => {
    expect(await raw('GET', `/files/letters?token=${token}`)).toBe(403);
    expect(await raw('GET', `/files/letters?token=${token}`, undefined, { Cookie: cookie })).toBe(404);
    expect(await raw('GET', `/files/letters/2026?token=${token}`, undefined, { Cookie: cookie })).toBe(404);
    await stillAlive();
  });

  it('a letter PDF (the full NIK) is served to an operator, not to a viewer; letter:read likewise (issue 10)', async () => {
    writeFileSync(path.join(dataDir, 'letters', '2026', 'surat-2026-00001.pdf'), '%PDF-1.4 test');
    const file = `/files/letters/2026/surat-2026-00001.pdf?token=${token}`;
    expect(await raw('GET', file, undefined, { Cookie: cookie })).toBe(200);
    const call = async (channel: string, input: unknown, withCookie: string) => {
      const r = await fetch(new URL('/api/invoke', base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Daftar-IKM-Token': token, Cookie: withCookie },
        body: JSON.stringify({ channel, input }),
      });
      return { body: (await r.json()) as { ok: boolean; error?: { code: string } }, r };
    };
    const password = 'lihat-saja-2026';
    const created = await call(
      'user:create',
      {
        username: 'pengamat',
        fullName: 'Pengamat Kabupaten',
        role: 'viewer',
        password,
        passwordConfirm: password,
      },
      cookie,
    );
    expect(created.body.ok).toBe(true);
    const login = await call('auth:login', { username: 'pengamat', password }, '');
    expect(login.body.ok).toBe(true);
    const viewerCookie = (login.r.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(viewerCookie).toMatch(/=./);
    expect(await raw('GET', file, undefined, { Cookie: viewerCookie })).toBe(404);
    expect((await call('letter:read', { id: 1 }, viewerCookie)).body.error?.code).toBe('FORBIDDEN');
    await stillAlive();
  });

  it('GET /files/%C0 with the secret: 400', async () => {
    expect(await raw('GET', `/files/%C0?token=${token}`, undefined, { Cookie: cookie })).toBe(400);
    await stillAlive();
  });

  it('path tricks under /files/ and the static files are refused', async () => {
    for (const p of [
      '/files/..%2f..%2fetc%2fpasswd',
      '/files/letters%2f..%2f..%2fetc%2fpasswd',
      '/files/%00',
    ]) {
      const s = await raw('GET', `${p}?token=${token}`, undefined, { Cookie: cookie });
      expect(s, p).toBeGreaterThanOrEqual(400);
      expect(s, p).toBeLessThan(500);
    }
    expect(await raw('GET', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).not.toBe(-1);
    await stillAlive();
  });

  it("PDF.js's worker (an .mjs asset) is served as JavaScript under a CSP without frames or plugins (issue 10 item 8)", async () => {
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'assets', 'pdf.worker.min-x.mjs'), 'export {};\n');
    const r = await fetch(new URL('/assets/pdf.worker.min-x.mjs', base));
    expect(r.status).toBe(200);
    // a module worker with any other type is refused by the browser (nosniff), and the preview stays empty
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    const csp = (await fetch(base)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|blob:[^;]*;?\s*(frame|object|worker)|(frame|object|worker)-src[^;]*blob:/,
    );
  });

  it('each refused request leaves a log line', async () => {
    await stillAlive();
    const logFile = path.join(dataDir, 'logs', 'main.log');
    const text = (() => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return stderr;
      }
    })();
    expect(text + stderr).toMatch(/web request refused/);
  });
});
