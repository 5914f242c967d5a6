import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';
import { log } from '../app/log';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../app/config';
import { SessionStore } from '../app/sessions';
import type { Role } from '../../shared/ipc/access';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // PDF.js's worker (a module, emitted by Vite under its own .mjs name)
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.ico': 'image/x-icon',
};

/** The same Content-Security-Policy as the Electron window: nothing remote, no inline or eval'd script. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine injects its CSS variables in a <style> element; styles only, never scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // PDF.js's worker is one of the app's own files; PDFs are drawn on a canvas, never framed or embedded
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  /**
   * Extra GET routes under /files/ (letters PDFs, exports) for a signed-in user of `role`; returns a file
   * path, or null (not there, or not for this role: answered alike, 404).
   */
  resolveFile?: (urlPath: string, role: Role) => string | null;
  /** The app's client sessions (AppContext.sessions); a store of its own when the app did not start. */
  sessions?: SessionStore;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Pushes an event to every open page. */
  broadcast(event: string, payload: unknown): void;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

/** decodeURIComponent that answers null for a malformed escape (`%C0`) or a NUL instead of throwing. */
export function safeDecode(s: string): string | null {
  try {
    const d = decodeURIComponent(s);
    return d.includes('\0') ? null : d;
  } catch {
    return null;
  }
}

/** The request path for a log line: the query (which carries the secret) dropped, length capped. */
function pathForLog(url: string | undefined): string {
  return JSON.stringify((url ?? '').split('?')[0]!.slice(0, 200));
}

/**
 * Browser mode: the real main side served to a browser on 127.0.0.1 only. A per-run secret is written into
 * the page and must come back with every call; the Host and Origin headers must be ours, so neither another
 * site (CSRF, DNS rebinding) nor another host can call it.
 *
 * The secret only says "this is our page": any local process can read it from the page. Who is signed in is
 * the client's own session, an HttpOnly, SameSite=Strict cookie issued at sign-in (sessions.ts) and checked
 * together with the secret; sign-out and the idle time-out end it. Letter files need both too.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  const indexFile = path.join(opts.rendererDir, 'index.html');
  let port = 0;
  const sessions = opts.sessions ?? new SessionStore(DEFAULT_IDLE_TIMEOUT_SECONDS * 1000);
  // Cookies are shared by every port of a host: the port in the name keeps two running apps apart.
  const cookieName = () => `daftar_ikm_session_${port}`;
  const sessionKey = (req: http.IncomingMessage): string | null => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === cookieName()) return v.join('=') || null;
    }
    return null;
  };
  const setSessionCookie = (res: http.ServerResponse, key: string | null) =>
    res.setHeader(
      'Set-Cookie',
      `${cookieName()}=${key ?? ''}; HttpOnly; SameSite=Strict; Path=/${key ? '' : '; Max-Age=0'}`,
    );

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const tokenOk = (t: string | null | undefined) => {
    if (!t) return false;
    const b = Buffer.from(t);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const securityHeaders = (res: http.ServerResponse) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
  };
  const send = (
    res: http.ServerResponse,
    status: number,
    body: string,
    type = 'text/plain; charset=utf-8',
  ) => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  };

  /** A refusal: the status and a short text for the caller, one log line (never the secret) for us. */
  const refuse = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    body: string,
    reason: string,
    type?: string,
  ) => {
    log.warn(`web request refused ${status} ${req.method ?? '?'} ${pathForLog(req.url)}: ${reason}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    send(res, status, body, type);
  };
  const validation = JSON.stringify({
    ok: false,
    error: { code: 'VALIDATION', message: 'errors.validation' },
  });

  /** Streams a checked file; a read error after the headers ends the response, never the process. */
  const stream = (req: http.IncomingMessage, res: http.ServerResponse, file: string, size?: number) => {
    const ext = path.extname(file).toLowerCase();
    const rs = createReadStream(file);
    rs.on('error', (e) => refuse(req, res, 500, 'Read error', `read failed: ${e.message}`));
    rs.once('open', () => {
      res.writeHead(200, {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        ...(size !== undefined ? { 'Content-Length': size } : {}),
      });
      rs.pipe(res);
    });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    securityHeaders(res);
    req.on('error', (e) => log.warn(`web request stream error: ${e.message}`));
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return refuse(req, res, 421, 'Misdirected request', 'host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return refuse(req, res, 400, 'Bad request', 'unparsable URL');
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return refuse(req, res, 403, 'Forbidden', 'origin');

    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (!tokenOk(req.headers['x-daftar-ikm-token'] as string | undefined))
        return refuse(req, res, 403, 'Forbidden', 'no secret');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuse(req, res, 415, 'Unsupported', 'content type');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          refuse(req, res, 413, 'Too large', `body over ${MAX_BODY} bytes`);
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.writableEnded) return;
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return refuse(req, res, 400, validation, 'body is not JSON', 'application/json');
        }
        // `null`, a number, an array…: not a call.
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return refuse(req, res, 400, validation, 'body is not an object', 'application/json');
        const call = body as { channel?: unknown; input?: unknown };
        const key = sessionKey(req);
        sessions
          .run(key, String(call.channel), (session) => opts.dispatch(call.channel, call.input, session))
          .then(({ result, key: next }) => {
            if (next !== key) setSessionCookie(res, next);
            send(res, 200, JSON.stringify(result), 'application/json');
          })
          .catch((e: unknown) => {
            log.error('dispatch failed', e);
            if (res.headersSent) return res.destroy();
            send(
              res,
              200,
              JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } }),
              'application/json',
            );
          });
      });
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenOk(url.searchParams.get('token'))) return refuse(req, res, 403, 'Forbidden', 'no secret');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      res.on('error', () => sseClients.delete(res));
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/files/') && req.method === 'GET') {
      if (!tokenOk(url.searchParams.get('token'))) return refuse(req, res, 403, 'Forbidden', 'no secret');
      const user = sessions.signedInUser(sessionKey(req));
      if (!user) return refuse(req, res, 403, 'Forbidden', 'not signed in');
      const rel = safeDecode(url.pathname.slice('/files/'.length));
      if (rel === null) return refuse(req, res, 400, 'Bad request', 'undecodable path');
      let file: string | null;
      try {
        file = opts.resolveFile?.(rel, user.role) ?? null;
      } catch (e) {
        return refuse(req, res, 404, 'Not found', (e as Error).message);
      }
      if (!file) return refuse(req, res, 404, 'Not found', 'no such file');
      let st;
      try {
        st = statSync(file);
      } catch {
        return refuse(req, res, 404, 'Not found', 'no such file');
      }
      if (!st.isFile()) return refuse(req, res, 404, 'Not found', 'not a file');
      return stream(req, res, file, st.size);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(req, res, 405, 'Method not allowed', 'method');
    // Static files of the built renderer; anything else is the app (hash routing).
    const decoded = safeDecode(url.pathname);
    if (decoded === null) return refuse(req, res, 400, 'Bad request', 'undecodable path');
    const rel = path.normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(opts.rendererDir, rel);
    if (
      file.startsWith(opts.rendererDir + path.sep) &&
      rel !== '/' &&
      existsSync(file) &&
      statSync(file).isFile()
    )
      return stream(req, res, file);
    if (!existsSync(indexFile))
      return refuse(req, res, 500, 'Renderer not built: run `npm run build` first.', 'no renderer');
    const html = readFileSync(indexFile, 'utf8').replace(
      '<head>',
      `<head>\n    <meta name="daftar-ikm-token" content="${token}" />`,
    );
    send(res, 200, html, 'text/html; charset=utf-8');
  };

  // Nothing a request carries may end the process: whatever a route throws becomes a 500 and a log line.
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      log.error(`web request failed: ${req.method ?? '?'} ${pathForLog(req.url)}`, e);
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Internal error');
    }
  });
  server.on('clientError', (e, socket) => {
    log.warn(`web request refused 400: malformed request (${e.message})`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    token,
    broadcast(event, payload) {
      const data = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
      for (const c of sseClients) c.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
