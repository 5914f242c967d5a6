/** The Electron side of the backup folder fallback: the native "choose folder" dialog. */
import { dialog, type BrowserWindow } from 'electron';
import type { FolderPicker } from '../services/backup/folder-picker';

export function electronFolderPicker(getWindow: () => BrowserWindow | null): FolderPicker {
  return async () => {
    const win = getWindow();
    const opts = {
      title: 'Pilih folder cadangan',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
