/**
 * "Save as…" for a finished export: the Electron shell wires its native save dialog here
 * (electron/shell/save-dialog.ts); the browser mode has none, and the page downloads the file from
 * /files/exports/ instead. Main only ever copies a file it made (found by name under exports/) to the path
 * the OS dialog answered.
 */
export type SavePicker = (suggestedName: string) => Promise<string | null>;

let picker: SavePicker | null = null;

export function setSavePicker(p: SavePicker | null): void {
  picker = p;
}

export function savePicker(): SavePicker | null {
  return picker;
}
