/**
 * The Electron entry. One of the few files that import electron: windows, menu, single-instance lock, app
 * paths and the IPC transport. Everything else is the same plain-Node main side the browser mode runs.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  safeStorage,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bootApp, type BootedApp, type FailedApp } from '../app/boot';
import { electronPdfPrinter } from './print-pdf';
import { onAppClosing, onAppStarted } from '../services/backup/service';
import { electronFolderPicker } from './folder-dialog';
import { electronScanPicker } from './scan-dialog';
import { electronSavePicker } from './save-dialog';
import { resolveDataDir } from '../app/paths';
import { readConfig } from '../app/config';
import { safeStorageKeyStore } from '../app/machine-key';
import {
  denyAllPermissions,
  isAppUrl,
  MAIN_WINDOW_WEB_PREFERENCES,
  mayOpenExternally,
} from '../app/security';
import { CSP } from '../web/server';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let booted: BootedApp | FailedApp | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  const menu: MenuItemConstructorOptions[] = [
    {
      label: 'Berkas',
      submenu: [{ role: 'quit', label: 'Keluar' }],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Batalkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'reload', label: 'Muat ulang' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Ukuran normal' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
      ],
    },
    {
      label: 'Bantuan',
      submenu: [
        {
          label: 'Tentang Daftar IKM',
          click: () => void win?.webContents.executeJavaScript("location.hash = '#/tentang'"),
        },
      ],
    },
  ];

  app
    .whenReady()
    .then(async () => {
      const config = readConfig();
      const dataDir = resolveDataDir(config.dataDir, app.getPath('userData'));
      // Migrate before any window opens.
      booted = await bootApp({
        dataDir,
        appVersion: app.getVersion(),
        config,
        platform: {
          emit: (event, payload) => win?.webContents.send('ipc:event', event, payload),
          printer: electronPdfPrinter(() => win),
          pickFolder: electronFolderPicker(() => win),
          pickSavePath: electronSavePicker(() => win),
          pickScanFile: electronScanPicker(() => win),
          // the machine key under the OS's protection (DPAPI, the keyring); none: the key file fallback
          keyStore: safeStorageKeyStore(safeStorage, dataDir),
        },
      });
      const dispatch = booted.dispatch;
      if (booted.ok) void onAppStarted(booted.ctx);

      // Only our own page may call main.
      const windowKeys = new Set<string>();
      ipcMain.handle('ipc:invoke', async (e, channel: unknown, input: unknown) => {
        if (!e.senderFrame || !isAppUrl(e.senderFrame.url, rendererUrl)) {
          return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' } };
        }
        if (!booted?.ok) return dispatch(channel, input);
        // The session belongs to the window: each webContents signs in (and times out) on its own.
        const sender = e.sender;
        const key = `wc:${sender.id}`;
        if (!windowKeys.has(key)) {
          windowKeys.add(key);
          const sessions = booted.ctx.sessions;
          sender.once('destroyed', () => {
            windowKeys.delete(key);
            sessions.forget(key);
          });
        }
        const { result } = await booted.ctx.sessions.run(
          key,
          String(channel),
          (s) => dispatch(channel, input, s),
          () => key,
        );
        return result;
      });

      session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
        cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
      });
      denyAllPermissions(session.defaultSession);

      Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
      win = new BrowserWindow({
        width: 1280,
        height: 820,
        minWidth: 1024,
        minHeight: 640,
        show: false,
        title: 'Daftar IKM',
        webPreferences: { ...MAIN_WINDOW_WEB_PREFERENCES, preload: path.join(here, 'preload.js') },
      });
      win.once('ready-to-show', () => win?.show());
      win.webContents.on('will-attach-webview', (e) => e.preventDefault());
      // Navigation and new windows to anything but the app are refused; web links open in the system browser.
      win.webContents.on('will-navigate', (e, url) => {
        if (!isAppUrl(url, rendererUrl)) e.preventDefault();
      });
      win.webContents.setWindowOpenHandler(({ url }) => {
        if (mayOpenExternally(url)) void shell.openExternal(url);
        return { action: 'deny' };
      });
      await win.loadFile(rendererIndex);
    })
    .catch((e: unknown) => {
      dialog.showErrorBox(
        'Daftar IKM',
        `Aplikasi gagal dimulai.\n\n${e instanceof Error ? e.message : String(e)}`,
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    const b = booted;
    void (b?.ok ? onAppClosing(b.ctx) : Promise.resolve(null))
      .then(() => b?.close())
      .finally(() => app.quit());
  });
}
