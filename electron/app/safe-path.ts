/**
 * Paths that come from outside the code (a database column, which a restored backup can fill with anything;
 * a URL) are never trusted. Every file the app serves, reads or prints by a stored path goes through here:
 *
 *   - `checkStoredPath(rel, folder)`: syntax only (no fs). Relative, forward slashes, no `..`/`.` segment,
 *     no NUL or control character, no drive letter or backslash, below `folder` (e.g. `letters`), a sane
 *     length and file name. Used to vet a restored database before it is swapped in.
 *   - `resolveStoredFile(root, rel, folder)`: the syntax check, then resolved under `root`, `realpath`-checked
 *     inside `<root>/<folder>`, no symlink anywhere below `root` (the realpath must equal the plain
 *     resolution), and a regular file. Used by `letter:read`, `letter:print` and the browser mode's /files/.
 *
 * A new feature that stores files under the data folder (permit scans, say) adds its column to
 * `STORED_PATH_COLUMNS` (the restore check) and reads its files with `resolveStoredFile`.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { roleAtLeast, type Role } from '../../shared/ipc/access';

export class UnsafePathError extends Error {
  constructor(
    readonly rel: unknown,
    readonly reason: string,
  ) {
    super(`unsafe stored path (${reason}): ${JSON.stringify(String(rel).slice(0, 200))}`);
    this.name = 'UnsafePathError';
  }
}

/** Columns holding a path relative to the data folder, and the folder each must stay under. */
export const STORED_PATH_COLUMNS: readonly { table: string; column: string; folder: string }[] = [
  { table: 'letters', column: 'file_path', folder: 'letters' },
];

const MAX_REL = 512;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Returns the reason `rel` is not a safe path below `folder`, or null when it is. */
export function storedPathProblem(rel: unknown, folder: string): string | null {
  if (typeof rel !== 'string') return 'not text';
  if (rel.length === 0 || rel.length > MAX_REL) return 'length';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(rel)) return 'forbidden character';
  if (rel.startsWith('/')) return 'absolute';
  const parts = rel.split('/');
  if (parts[0] !== folder) return `outside ${folder}/`;
  if (parts.length < 2) return 'a folder, not a file';
  for (const p of parts.slice(1)) {
    // A leading dot is allowed for the app's own temp files (".cetak-massal-….tmp") but never "." or "..".
    const name = p.startsWith('.') ? p.slice(1) : p;
    if (p === '' || p === '.' || p === '..' || !SEGMENT.test(name)) return 'bad segment';
  }
  return null;
}

export function checkStoredPath(rel: unknown, folder: string): string {
  const problem = storedPathProblem(rel, folder);
  if (problem) throw new UnsafePathError(rel, problem);
  return rel as string;
}

/**
 * The absolute path of a regular file stored at `rel` below `<root>/<folder>`, after every check above.
 * Throws UnsafePathError for a path that must not be followed, and the fs error (ENOENT…) for a missing one.
 */
export function resolveStoredFile(root: string, rel: unknown, folder: string): string {
  const safe = checkStoredPath(rel, folder);
  const realRoot = realpathSync(root);
  const base = path.join(realRoot, folder);
  const abs = path.resolve(realRoot, ...safe.split('/'));
  if (!abs.startsWith(base + path.sep)) throw new UnsafePathError(rel, 'escapes its folder');
  // Refuse a symlink at every level below the root (the folder itself included).
  let cur = realRoot;
  for (const seg of safe.split('/')) {
    cur = path.join(cur, seg);
    if (lstatSync(cur).isSymbolicLink()) throw new UnsafePathError(rel, 'symlink');
  }
  const real = realpathSync(abs);
  if (real !== abs || !real.startsWith(base + path.sep)) throw new UnsafePathError(rel, 'escapes its folder');
  if (!statSync(real).isFile()) throw new UnsafePathError(rel, 'not a regular file');
  return real;
}

/** Every stored path in an open database that fails the check (table, column, id, reason), at most `limit`. */
export function unsafeStoredPaths(
  db: { prepare(sql: string): { all(...args: unknown[]): unknown[] } },
  limit = 20,
): { table: string; column: string; rowid: number; reason: string }[] {
  const found: { table: string; column: string; rowid: number; reason: string }[] = [];
  for (const c of STORED_PATH_COLUMNS) {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .all(c.table).length;
    if (!exists) continue;
    const rows = db
      .prepare(`SELECT rowid AS rowid, "${c.column}" AS p FROM "${c.table}" WHERE "${c.column}" IS NOT NULL`)
      .all() as { rowid: number; p: unknown }[];
    for (const r of rows) {
      const reason = storedPathProblem(r.p, c.folder);
      if (reason) found.push({ table: c.table, column: c.column, rowid: r.rowid, reason });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

/**
 * What the browser mode's /files/ serves: only regular files inside the data folder's `letters/` and
 * `exports/`, checked as above (no `..`, no symlink, realpath inside the folder). Throws for anything else (answered 404).
 * Letters carry the owner's full NIK: like `letter:read`, they are for operators and admins, not viewers
 * (issue 10); a viewer's exports are masked when written.
 */
export function resolveDataFile(dataDir: string, rel: string, role: Role): string | null {
  const top = rel.split('/')[0];
  if (top !== 'letters' && top !== 'exports') return null;
  if (top === 'letters' && !roleAtLeast(role, 'operator')) return null;
  return resolveStoredFile(dataDir, rel, top);
}
