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

/**
 * The main window's web preferences: the renderer is isolated from the preload (contextIsolation), runs in
 * Chromium's sandbox, and has no Node.js. The preload path is the only thing the shell adds. `plugins` turns
 * on Chromium's built-in PDF viewer (the only plugin Electron has), which shows the letter preview: a blob:
 * URL of the saved PDF's bytes in a frame (CSP `frame-src 'self' blob:`); without it the frame stays empty.
 */
export const MAIN_WINDOW_WEB_PREFERENCES = Object.freeze({
  plugins: true,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const);
