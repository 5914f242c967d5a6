/**
 * Issue 10 item 8, with Electron mocked (no Electron binary here): the windows the shell really creates.
 * The main window's preferences have the PDF plugin off; the print window (electron/shell/print-pdf.ts, the
 * only window with the plugin, because printing a PDF through Chromium needs its viewer) gets no preload,
 * the sandbox, and handlers that refuse navigation, redirects, new windows and webviews.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectPrintWindowLocked, type NavListener } from '../../fixtures/print-window';

const made = vi.hoisted(() => ({
  windows: [] as Array<{
    options: { webPreferences?: Record<string, unknown> };
    listeners: Map<string, NavListener>;
    openHandler: ((d: { url: string }) => { action: string }) | null;
    loaded: string[];
  }>,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      const rec = {
        options,
        listeners: new Map<string, NavListener>(),
        openHandler: null,
        loaded: [] as string[],
      };
      made.windows.push(rec);
      this.webContents = {
        on: (event: string, l: NavListener) => rec.listeners.set(event, l),
        setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) =>
          ((rec as (typeof made.windows)[number]).openHandler = h),
        print: (_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(false, 'cancelled'),
      };
    }
    loadURL(url: string) {
      made.windows.at(-1)!.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openPath: (p: string) => (made.opened.push(p), Promise.resolve('')) },
  };
});

const { electronPdfPrinter } = await import('../../../electron/shell/print-pdf');
const { MAIN_WINDOW_WEB_PREFERENCES, PRINT_WINDOW_WEB_PREFERENCES } =
  await import('../../../electron/app/security');

describe('Electron windows (Electron mocked)', () => {
  beforeEach(() => {
    made.windows.length = 0;
    made.opened.length = 0;
  });

  it('the main window has no PDF plugin; only the print window has it', () => {
    expect(MAIN_WINDOW_WEB_PREFERENCES.plugins).toBe(false);
    expect(PRINT_WINDOW_WEB_PREFERENCES.plugins).toBe(true);
    expect(PRINT_WINDOW_WEB_PREFERENCES).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
    expect(Object.isFrozen(PRINT_WINDOW_WEB_PREFERENCES)).toBe(true);
  });

  it('the print window: sandboxed, no preload, and it refuses navigation, redirects, new windows, webviews', async () => {
    const file = '/data/letters/2026/surat-2026-00001.pdf';
    await electronPdfPrinter(() => null).print(file);
    expect(made.windows).toHaveLength(1);
    const w = made.windows[0]!;
    expect(w.options.webPreferences).toMatchObject({ plugins: true, sandbox: true, contextIsolation: true });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    const only = `file://${file}`;
    expect(w.loaded).toEqual([only]);
    expectPrintWindowLocked(w.listeners, w.openHandler!, only);
    // the clerk cancelled the dialog: nothing else opened
    expect(made.opened).toEqual([]);
  });
});
