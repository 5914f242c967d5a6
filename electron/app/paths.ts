import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db/connection';

/**
 * The data folder: the configured one (`AppConfig.dataDir`, from DAFTAR_IKM_DATA_DIR: tests, browser mode, a
 * second office profile) when set, otherwise the folder the caller gives (Electron's userData), otherwise a
 * per-user default for the browser mode and the command line that matches Electron's userData location.
 */
export function resolveDataDir(configured: string | null, fallback?: string): string {
  const dir = configured ? path.resolve(configured) : (fallback ?? defaultUserDataDir());
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The OS's own per-user folders (APPDATA, XDG_CONFIG_HOME) are the platform's convention, not app knobs. */
export function defaultUserDataDir(): string {
  const name = 'Daftar IKM';
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

export function dbPath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}
