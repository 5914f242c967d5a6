import { describe, expect, it } from 'vitest';
import { isAppUrl, MAIN_WINDOW_WEB_PREFERENCES, mayOpenExternally } from '../../electron/app/security';
import { CSP } from '../../electron/web/server';

const app = 'file:///opt/Daftar%20IKM/resources/app.asar/dist/renderer/index.html';

describe('Electron navigation rules', () => {
  it('allow only the app page and its routes', () => {
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl(`${app}#/usaha/3`, app)).toBe(true);
    expect(isAppUrl('https://evil.example/', app)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl(`${app}?x=1`, app)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });
  it('hand only https links to the system browser', () => {
    expect(mayOpenExternally('https://oss.go.id/')).toBe(true);
    expect(mayOpenExternally('http://oss.go.id/')).toBe(false);
    expect(mayOpenExternally('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(mayOpenExternally('smb://host/share')).toBe(false);
  });
  it('the CSP allows no remote or inline script', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).not.toMatch(/https?:\/\//);
  });
  it('the main window is isolated, sandboxed and without Node.js', () => {
    expect(MAIN_WINDOW_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      // previews are PDF.js on a canvas: no PDF plugin (PDFium) in the window with the IPC bridge (issue 10)
      plugins: false,
    });
    expect(Object.isFrozen(MAIN_WINDOW_WEB_PREFERENCES)).toBe(true);
  });
});
