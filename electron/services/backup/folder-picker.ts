import type { AppContext } from '../../app/context';

/**
 * The folder fallback when no stick is listed. The Electron shell passes its native folder dialog to bootApp
 * in `platform.pickFolder` (electron/shell/folder-dialog.ts); the browser mode has none and the page asks for
 * a typed path instead. Either way the main side only ever gets a path.
 */
export type FolderPicker = () => Promise<string | null>;

export async function pickFolder(ctx: AppContext): Promise<{ supported: boolean; path: string | null }> {
  const picker = ctx.platform.pickFolder;
  if (!picker) return { supported: false, path: null };
  return { supported: true, path: await picker() };
}
