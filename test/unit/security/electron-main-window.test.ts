/**
 * Issue 10 item 8, the Electron entry itself (electron/shell/main.ts) with Electron mocked (no Electron binary
 * here; only Electron's APIs are stand-ins, the app boots for real on a temporary data folder): the main
 * window is created without the PDF plugin and sandboxed, every permission request and check of the session
 * is refused, the CSP header has no frames or plugins, and navigation and new windows are refused.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Listener = (e: { preventDefault(): void }, url?: string) => void;
type Win = {
  options: { webPreferences?: Record<string, unknown> };
  listeners: Map<string, Listener>;
  openHandler: ((d: { url: string }) => { action: string }) | null;
  file: string | null;
};

const seen = vi.hoisted(() => ({
  windows: [] as Win[],
  request: null as
    null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void),
  check: null as null | ((wc: unknown, permission: string) => boolean),
  headers: null as
    | null
    | ((
        d: { responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void),
  errors: [] as string[],
  external: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Win['options']) {
      const rec: Win = { options, listeners: new Map(), openHandler: null, file: null };
      seen.windows.push(rec);
      this.webContents = {
        on: (event: string, l: Listener) => rec.listeners.set(event, l),
        setWindowOpenHandler: (h: Win['openHandler']) => (rec.openHandler = h),
        send: () => undefined,
      };
    }
    once() {}
    loadFile(file: string) {
      seen.windows.at(-1)!.file = file;
      return Promise.resolve();
    }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    on: () => app,
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.TEST_USER_DATA!,
    getVersion: () => '0.1.0',
    quit: () => undefined,
    exit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_t: string, m: string) => seen.errors.push(m) },
    ipcMain: { handle: () => undefined, on: () => undefined },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    // no OS keyring here: the app falls back to its key file, as on a Linux PC without one
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (h: typeof seen.headers) => (seen.headers = h) },
        setPermissionRequestHandler: (h: typeof seen.request) => (seen.request = h),
        setPermissionCheckHandler: (h: typeof seen.check) => (seen.check = h),
      },
    },
    shell: { openExternal: (u: string) => (seen.external.push(u), Promise.resolve()) },
  };
});

describe('the Electron main window (Electron mocked)', () => {
  it('no PDF plugin, sandboxed; permissions refused; no frames in the CSP; navigation refused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-electron-main-'));
    process.env.TEST_USER_DATA = dir;
    process.env.DAFTAR_IKM_DATA_DIR = path.join(dir, 'data');
    await import('../../../electron/shell/main');
    await vi.waitFor(
      () => {
        expect(seen.errors).toEqual([]);
        expect(seen.windows.at(-1)?.file).toMatch(/index\.html$/);
      },
      { timeout: 90_000, interval: 100 },
    );
    const main = seen.windows.at(-1)!;
    expect(main.options.webPreferences).toMatchObject({
      plugins: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(main.options.webPreferences!.preload)).toMatch(/preload\.js$/);

    // the session: every permission request and check refused
    expect(seen.request).toBeTypeOf('function');
    expect(seen.check).toBeTypeOf('function');
    for (const p of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'fullscreen',
      'pointerLock',
    ]) {
      let granted: boolean | null = null;
      seen.request!({}, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(seen.check!({}, p), p).toBe(false);
    }

    // the CSP header on every response: no frames, no plugins, the worker from the app only
    let csp = '';
    seen.headers!({ responseHeaders: {} }, (r) => (csp = r.responseHeaders['Content-Security-Policy']![0]!));
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("worker-src 'self'");

    // navigation away, webviews and new windows refused; an https link goes to the system browser
    const prevented = (event: string, url?: string) => {
      let p = false;
      main.listeners.get(event)!({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(main.openHandler!({ url: 'https://oss.go.id/' })).toEqual({ action: 'deny' });
    expect(seen.external).toEqual(['https://oss.go.id/']);
    expect(main.openHandler!({ url: 'blob:file:///x' })).toEqual({ action: 'deny' });
    expect(seen.external).toEqual(['https://oss.go.id/']);
  }, 120_000);
});
