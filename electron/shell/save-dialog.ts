/** The Electron side of "save as" for exports and reports: the native save dialog. */
import { dialog, type BrowserWindow } from 'electron';
import type { SavePicker } from '../services/export/save-as';

export function electronSavePicker(getWindow: () => BrowserWindow | null): SavePicker {
  return async (suggestedName) => {
    const win = getWindow();
    const ext = suggestedName.split('.').pop() ?? '';
    const opts = {
      title: 'Simpan berkas',
      defaultPath: suggestedName,
      filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
    };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return r.canceled ? null : (r.filePath ?? null);
  };
}
