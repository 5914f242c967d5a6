/**
 * On Unix the data folder is private to the clerk's account: folders 0700, files 0600 (the database, its
 * WAL, logs, letters, snapshots, the numbering marks). New files get the same through the process umask
 * (077), set once at start. Windows: the folder lives in the user's profile (%APPDATA%), already private by
 * its ACL; nothing is changed there.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { log } from './log';

export function tightenDataDir(dataDir: string): void {
  if (process.platform === 'win32') return;
  process.umask(0o077);
  const walk = (p: string, depth: number) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) return;
    try {
      if (st.isDirectory()) {
        if ((st.mode & 0o777) !== 0o700) chmodSync(p, 0o700);
        if (depth < 6) for (const f of readdirSync(p)) walk(path.join(p, f), depth + 1);
      } else if (st.isFile() && (st.mode & 0o777) !== 0o600) chmodSync(p, 0o600);
    } catch (e) {
      log.warn(`permissions: cannot tighten ${p}`, e);
    }
  };
  walk(dataDir, 0);
}
