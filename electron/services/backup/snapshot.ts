/**
 * Automatic local snapshots in `<dataDir>/backups/auto/`: `harian-YYYY-MM-DD.sqlite` at the first start of a
 * day and `keluar-YYYYMMDD-HHmmss.sqlite` when the app closes, each a consistent copy made with SQLite's
 * backup API, flushed and renamed into place, and rotated (7 daily, 5 at-exit by default).
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AutoSnapshot } from '../../../shared/schemas/backup';
import { fsyncDir, fsyncFile } from './fsutil';

export const AUTO_KEEP = { harian: 7, keluar: 5 } as const;

export interface LocalSnapshotSpec {
  dbFile: string;
  autoDir: string;
  kind: 'harian' | 'keluar';
  /** file name without folder */
  name: string;
}

export function autoDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups', 'auto');
}

const pad = (n: number) => String(n).padStart(2, '0');
export function dayStamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
export function timeStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

export function dailyName(d: Date): string {
  return `harian-${dayStamp(d)}.sqlite`;
}
export function exitName(d: Date): string {
  return `keluar-${timeStamp(d)}.sqlite`;
}

/** Takes one snapshot (works in a worker or on the main thread; the backup API steps are asynchronous). */
export async function localSnapshot(spec: LocalSnapshotSpec, signal?: AbortSignal): Promise<AutoSnapshot> {
  mkdirSync(spec.autoDir, { recursive: true });
  const final = path.join(spec.autoDir, spec.name);
  const partial = final + '.partial';
  rmSync(partial, { force: true });
  const src = new Database(spec.dbFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(partial, {
      progress() {
        signal?.throwIfAborted();
        return 8192;
      },
    });
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    src.close();
  }
  // A self-contained file: rollback-journal mode, so opening it never leaves -wal/-shm beside it.
  const snap = new Database(partial, { fileMustExist: true });
  try {
    snap.pragma('journal_mode = DELETE');
  } finally {
    snap.close();
  }
  fsyncFile(partial);
  renameSync(partial, final);
  fsyncDir(spec.autoDir);
  rotateAuto(spec.autoDir, spec.kind, AUTO_KEEP[spec.kind]);
  const st = statSync(final);
  return { file: final, name: spec.name, kind: spec.kind, createdAt: st.mtime.toISOString(), bytes: st.size };
}

export function listAuto(autoDir: string): AutoSnapshot[] {
  let names: string[];
  try {
    names = readdirSync(autoDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^(harian|keluar)-.*\.sqlite$/.test(n))
    .map((n) => {
      const st = statSync(path.join(autoDir, n));
      return {
        file: path.join(autoDir, n),
        name: n,
        kind: n.startsWith('harian') ? ('harian' as const) : ('keluar' as const),
        createdAt: st.mtime.toISOString(),
        bytes: st.size,
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export function rotateAuto(autoDir: string, kind: 'harian' | 'keluar', keep: number): string[] {
  // Names sort by date, so the newest are last.
  const mine = readdirSync(autoDir)
    .filter((n) => n.startsWith(`${kind}-`) && n.endsWith('.sqlite'))
    .sort();
  const removed = mine.slice(0, Math.max(0, mine.length - keep));
  for (const n of removed) rmSync(path.join(autoDir, n), { force: true });
  return removed;
}
