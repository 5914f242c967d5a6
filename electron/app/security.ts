/**
 * Navigation rules for the Electron window, kept out of the Electron file so they are unit-tested here.
 * The window may only show the app's own page (any #route of it); everything else is refused. Web links
 * (https only) may be handed to the system browser; nothing opens inside the app.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    return u.protocol === a.protocol && u.host === a.host && u.pathname === a.pathname && u.search === '';
  } catch {
    return false;
  }
}

export function mayOpenExternally(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What both windows' web preferences hold: isolated from the preload, sandboxed, no Node.js, no webviews. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/**
 * The main window's web preferences: the renderer is isolated from the preload (contextIsolation), runs in
 * Chromium's sandbox, and has no Node.js. The preload path is the only thing the shell adds. `plugins` is off:
 * previews of letters, settings and attendance sheets are drawn by PDF.js on a canvas inside this sandboxed
 * renderer (renderer/components/PdfCanvasViewer.tsx), so Chromium's PDF viewer (PDFium) never runs in the
 * window that holds the session and the IPC bridge (issue 10 item 8).
 */
export const MAIN_WINDOW_WEB_PREFERENCES = Object.freeze({ plugins: false, ...LOCKED_DOWN } as const);

/**
 * The print window's web preferences (electron/shell/print-pdf.ts). It is the only place the PDF plugin is
 * on: `webContents.print()` of a PDF needs Chromium's PDF viewer to lay the pages out, and PDF.js in the main
 * window can only print through a bitmap of each page. The window is separate from the main window: no
 * preload (so no IPC bridge), sandboxed, isolated, no Node.js, and locked to its one file by
 * lockDownPrintWindow (navigation, redirects, new windows and webviews refused).
 */
export const PRINT_WINDOW_WEB_PREFERENCES = Object.freeze({ plugins: true, ...LOCKED_DOWN } as const);

/** The parts of Electron's Session the shell hardens (a structural type: tested with a stand-in). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * The app needs no web permission (camera, notifications, clipboard-read, geolocation, HID, serial…): every
 * request and every check is refused, for every window of the session.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The parts of Electron's WebContents the print window's lock-down uses. */
export interface LockableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (e: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * The print window shows exactly one file (the checked letter PDF) and nothing else: navigation or a
 * redirect to any other URL is refused, it opens no window, and it attaches no webview.
 */
export function lockDownPrintWindow(contents: LockableContents, onlyUrl: string): void {
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (url !== onlyUrl) e.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
