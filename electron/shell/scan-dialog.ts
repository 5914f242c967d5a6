/** The Electron side of a permit scan upload: the native "open file" dialog (PDF, JPG, PNG). */
import { dialog, type BrowserWindow } from 'electron';
import type { ScanPicker } from '../services/permits/scans';

export function electronScanPicker(getWindow: () => BrowserWindow | null): ScanPicker {
  return async () => {
    const win = getWindow();
    const opts = {
      title: 'Pilih pindaian izin (PDF, JPG, PNG)',
      properties: ['openFile'] as 'openFile'[],
      filters: [{ name: 'PDF / gambar', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
