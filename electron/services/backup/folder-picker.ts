/**
 * The folder fallback when no stick is listed. The Electron shell wires its native folder dialog here
 * (electron/shell/folder-dialog.ts); the browser mode has none and the page asks for a typed path instead.
 * Either way the main side only ever gets a path.
 */
export type FolderPicker = () => Promise<string | null>;

let picker: FolderPicker | null = null;

export function setFolderPicker(p: FolderPicker | null): void {
  picker = p;
}

export async function pickFolder(): Promise<{ supported: boolean; path: string | null }> {
  if (!picker) return { supported: false, path: null };
  return { supported: true, path: await picker() };
}
