/**
 * The backups on a stick, on main: their headers (header.ts) and manifests, read with a schema (a file from a
 * stick is data from outside: listed, never trusted, until a restore has checked all of it), and the rotation
 * that keeps the newest N of an office once a new backup is verified.
 */
import { existsSync, promises as fsp, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonWith } from '../../../shared/json';
import { backupManifestSchema, type BackupEntry, type BackupManifest } from '../../../shared/schemas/backup';
import { AppError } from '../../../shared/errors';
import { log } from '../../app/log';
import { BACKUP_EXT, BACKUP_FOLDER, MANIFEST_EXT } from './format';
import { fsyncDir, rmQuiet } from './fsutil';
import { readHeader } from './header';

/**
 * The manifest beside a backup, if there is one of the right shape that describes this very file (its name
 * and size); anything else (missing, not JSON, another shape, another file's) is no manifest.
 */
function readManifest(backupFile: string): BackupManifest | null {
  const file = backupFile.slice(0, -BACKUP_EXT.length) + MANIFEST_EXT;
  if (!existsSync(file)) return null;
  let text: string;
  try {
    if (statSync(file).size > 1 << 20) return null;
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const r = parseJsonWith(backupManifestSchema, text);
  if (!r.ok) return null;
  const m = r.value;
  try {
    if (m.file !== path.basename(backupFile) || m.bytes !== statSync(backupFile).size) return null;
  } catch {
    return null;
  }
  return m;
}

/**
 * Deletes the oldest backups of `officeUuid` in `dir` beyond `keep` (file and manifest), never `justWritten`.
 * Only files whose header reads as this office's count; a failure here leaves the new backup valid (logged).
 */
export async function rotate(
  dir: string,
  officeUuid: string | null,
  keep: number,
  justWritten: string,
): Promise<string[]> {
  try {
    const mine: { n: string; createdAt: string }[] = [];
    for (const n of await fsp.readdir(dir)) {
      if (!n.endsWith(BACKUP_EXT)) continue;
      const h = await readHeader(path.join(dir, n)).catch(() => null);
      if (h && (h.header.office?.uuid ?? null) === officeUuid)
        mine.push({ n, createdAt: h.header.createdAt });
    }
    mine.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const removed: string[] = [];
    for (const x of mine.slice(keep)) {
      if (x.n === justWritten) continue;
      const f = path.join(dir, x.n);
      await fsp.rm(f, { force: true });
      rmQuiet(f.slice(0, -BACKUP_EXT.length) + MANIFEST_EXT);
      removed.push(x.n);
    }
    if (removed.length) fsyncDir(dir);
    return removed;
  } catch (e) {
    log.warn(`could not remove old backups in ${dir}`, e);
    return [];
  }
}

/** Backups in `dir` (and its Daftar-IKM-Cadangan folder), newest first; a header that does not read is "damaged". */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppError('IO', 'backup.errors.targetMissing', { params: { target: dir } });
  }
  const dirs = [dir, path.join(dir, BACKUP_FOLDER)].filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  const out: BackupEntry[] = [];
  for (const d of dirs) {
    for (const n of await fsp.readdir(d)) {
      if (!n.endsWith(BACKUP_EXT)) continue;
      const file = path.join(d, n);
      const bytes = statSync(file).size;
      const hasManifest = readManifest(file) !== null;
      try {
        const { header: h } = await readHeader(file);
        out.push({
          file,
          name: n,
          bytes,
          createdAt: h.createdAt,
          appVersion: h.appVersion,
          schemaVersion: h.schemaVersion,
          office: h.office,
          counts: h.counts,
          lastChange: h.lastChange,
          hasManifest,
          damaged: false,
        });
      } catch {
        out.push({
          file,
          name: n,
          bytes,
          createdAt: '',
          appVersion: '',
          schemaVersion: 0,
          office: null,
          counts: {},
          lastChange: null,
          hasManifest,
          damaged: true,
        });
      }
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
