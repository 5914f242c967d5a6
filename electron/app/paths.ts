import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db/connection';

/**
 * The data folder: `DAFTAR_IKM_DATA_DIR` when set (tests, browser mode, a second office profile), otherwise
 * the folder the caller gives (Electron's userData), otherwise a per-user default for the browser mode and
 * the command line that matches Electron's userData location for this app name.
 */
export function resolveDataDir(fallback?: string): string {
  const env = process.env.DAFTAR_IKM_DATA_DIR;
  const dir = env && env.trim() ? path.resolve(env) : (fallback ?? defaultUserDataDir());
  mkdirSync(dir, { recursive: true });
  return dir;
}

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
