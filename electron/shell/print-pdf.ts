/**
 * The Electron side of `letter:print` (see electron/services/letters/print.ts): shows the saved PDF in a
 * window with Chromium's PDF viewer and opens the system print dialog for it. If printing cannot start,
 * the PDF opens in the system's PDF viewer instead, which prints it. Cannot run where no Electron exists.
 * `absPath` has passed safe-path.ts (letters/register.ts); the window may show that file and nothing else.
 * The main window has no plugins (previews are PDF.js on a canvas); printing a PDF through Chromium needs its
 * PDF viewer, so it runs here, in this separate window without the app's preload.
 */
import { BrowserWindow, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../services/letters/print';
import { lockDownPrintWindow, PRINT_WINDOW_WEB_PREFERENCES } from '../app/security';

export function electronPdfPrinter(parent: () => BrowserWindow | null): PdfPrinter {
  return {
    async print(absPath) {
      const win = new BrowserWindow({
        width: 900,
        height: 1000,
        parent: parent() ?? undefined,
        title: 'Cetak surat',
        // the only window with the PDF plugin: no preload, sandboxed, locked to this one file (security.ts)
        webPreferences: { ...PRINT_WINDOW_WEB_PREFERENCES },
      });
      const url = pathToFileURL(absPath).href;
      lockDownPrintWindow(win.webContents, url);
      try {
        await win.loadURL(url);
        await new Promise<void>((resolve, reject) =>
          win.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
            ok || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
          ),
        );
      } catch {
        await shell.openPath(absPath);
      }
    },
  };
}
