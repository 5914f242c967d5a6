import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';
import { log } from '../app/log';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
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
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  /** Extra GET routes under /files/ (letters PDFs, exports); returns a file path or null. */
  resolveFile?: (urlPath: string) => string | null;
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

/**
 * Browser mode: the real main side served to a browser on 127.0.0.1 only. A per-run secret is written into
 * the page and must come back with every call; the Host and Origin headers must be ours, so neither another
 * site (CSRF, DNS rebinding) nor another host can call it.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  const indexFile = path.join(opts.rendererDir, 'index.html');
  let port = 0;

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

  const server = http.createServer((req, res) => {
    securityHeaders(res);
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return send(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return send(res, 403, 'Forbidden');

    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (!tokenOk(req.headers['x-daftar-ikm-token'] as string | undefined))
        return send(res, 403, 'Forbidden');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'Unsupported');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          send(res, 413, 'Too large');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.writableEnded) return;
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          return send(
            res,
            400,
            JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'errors.validation' } }),
            'application/json',
          );
        }
        opts
          .dispatch(body.channel, body.input)
          .then((result) => send(res, 200, JSON.stringify(result), 'application/json'))
          .catch((e: unknown) => {
            log.error('dispatch failed', e);
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
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'Forbidden');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/files/') && req.method === 'GET') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'Forbidden');
      const file = opts.resolveFile?.(decodeURIComponent(url.pathname.slice('/files/'.length)));
      if (!file || !existsSync(file)) return send(res, 404, 'Not found');
      const ext = path.extname(file).toLowerCase();
      res.writeHead(200, {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
      });
      createReadStream(file).pipe(res);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    // Static files of the built renderer; anything else is the app (hash routing).
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(opts.rendererDir, rel);
    if (file.startsWith(opts.rendererDir) && rel !== '/' && existsSync(file) && statSync(file).isFile()) {
      const ext = path.extname(file).toLowerCase();
      res.writeHead(200, { 'Content-Type': MIME[ext] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
    if (!existsSync(indexFile)) return send(res, 500, 'Renderer not built: run `npm run build` first.');
    const html = readFileSync(indexFile, 'utf8').replace(
      '<head>',
      `<head>\n    <meta name="daftar-ikm-token" content="${token}" />`,
    );
    send(res, 200, html, 'text/html; charset=utf-8');
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
