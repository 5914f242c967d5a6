/**
 * Copies of the database in the data folder made before the keys were wrapped (issue 10, hole 6): the
 * automatic snapshots (backups/auto), the safety copies of a restore (backups/sebelum-pulih), the copies
 * taken before a migration (backups/pre-migration) and the leftovers of an interrupted backup (backups/tmp)
 * hold the backup key and the letter-signing key in plain text. At start, once the live keys are wrapped,
 * every such copy that still holds a plain secret is rewritten with its secrets WRAPPED under this PC's
 * machine key (secrets.ts protectSecrets, escrow included): it stays restorable here, exactly as before, and
 * restorable elsewhere through its escrow and the passphrase of its time. Removing the rows instead would
 * have left snapshots that restore into a register unable to sign letters or make backups.
 *
 * Only when a copy's secrets cannot be wrapped (one of its envelopes is damaged) are its plain rows removed
 * instead, and that is logged with the file's name.
 *
 * Per file, atomically: the bytes are read into memory (no plain copy is ever written), the secrets wrapped
 * there with secure_delete on, and `VACUUM INTO` writes a fresh, compact file beside the original (no free
 * page, no free space in a page, carries an old byte); it is made 0600, flushed, given the original's
 * modification time (the restore list shows it as the copy's date) and renamed over the original. Any
 * failure leaves that copy as it was (logged); the start goes on.
 */
import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  openSync,
  readSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';
import { log } from '../../app/log';
import type { MachineKey } from '../../app/machine-key';
import { protectSecrets, SecretError } from '../secrets';
import { fsyncDir, fsyncFile, rmQuiet } from './fsutil';

export interface ScrubReport {
  /** rewritten with their secrets wrapped (restorable on this PC) */
  wrapped: string[];
  /** their plain secrets removed (a damaged envelope prevented wrapping) */
  stripped: string[];
  /** left as they were after an error (logged) */
  failed: string[];
}

const PLAIN = `substr(value, 1, 5) <> '{"v":'`;

/** The database copies under `<dataDir>/backups` (two folders deep): `*.sqlite`, never a sidecar. */
function copiesUnder(dir: string, depth = 0): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = path.join(dir, n);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory() && depth < 2) out.push(...copiesUnder(p, depth + 1));
    else if (st.isFile() && n.endsWith('.sqlite')) out.push(p);
  }
  return out.sort();
}

/** SQLite's header bytes 18-19: 2 = WAL mode. */
function walHeader(file: string): boolean {
  const b = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, b, 0, 2, 18);
  } finally {
    closeSync(fd);
  }
  return b[0] === 2 || b[1] === 2;
}

/**
 * Does this copy hold a plain secret? A rollback-journal file is asked read-only (that creates no file
 * beside it); a WAL-mode one (a pre-migration copy) is rewritten anyway: opening it would create sidecars.
 */
function holdsPlain(file: string): boolean {
  if (walHeader(file)) return true;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const t = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'secrets'`).get();
    if (!t) return false;
    return db.prepare(`SELECT 1 FROM secrets WHERE ${PLAIN} LIMIT 1`).get() !== undefined;
  } finally {
    db.close();
  }
}

/** A WAL or a journal left beside a copy belongs to it: SQLite folds it in first (else it would be lost). */
function foldSidecars(file: string): void {
  if (!['-wal', '-journal'].some((s) => existsSync(file + s))) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  rmQuiet(file + '-shm');
}

/** Rewrites one copy (see the top of this file); throws, leaving the copy as it was, on any failure. */
export function scrubCopy(file: string, mk: MachineKey): 'clean' | 'wrapped' | 'stripped' {
  foldSidecars(file);
  if (!holdsPlain(file)) return 'clean';
  const st = statSync(file);
  const bytes = readFileSync(file);
  // in memory, a database cannot be in WAL mode: the header says rollback journal (the content is the same)
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  const tmp = `${file}.bersih`;
  let outcome: 'clean' | 'wrapped' | 'stripped' = 'wrapped';
  const mem = new Database(bytes);
  try {
    mem.pragma('secure_delete = ON');
    const hasTable = mem
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'secrets'`)
      .get();
    if (!hasTable) outcome = 'clean';
    else {
      try {
        protectSecrets(mem, mk, null, { compact: false });
      } catch (e) {
        if (!(e instanceof SecretError)) throw e;
        mem.prepare(`DELETE FROM secrets WHERE ${PLAIN}`).run();
        outcome = 'stripped';
      }
      const left = mem.prepare(`SELECT count(*) AS n FROM secrets WHERE ${PLAIN}`).get() as { n: number };
      if (left.n) throw new Error(`${left.n} plain secret(s) left`);
    }
    rmQuiet(tmp);
    mem.prepare('VACUUM INTO ?').run(tmp);
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  } finally {
    mem.close();
  }
  try {
    if (process.platform !== 'win32') chmodSync(tmp, 0o600);
    fsyncFile(tmp);
    utimesSync(tmp, st.atime, st.mtime);
    renameSync(tmp, file);
    fsyncDir(path.dirname(file));
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  }
  return outcome;
}

/** Every copy under `<dataDir>/backups`: wrapped where plain; never throws (each failure is logged). */
export function scrubLocalCopies(dataDir: string, mk: MachineKey): ScrubReport {
  const report: ScrubReport = { wrapped: [], stripped: [], failed: [] };
  for (const file of copiesUnder(path.join(dataDir, 'backups'))) {
    try {
      const r = scrubCopy(file, mk);
      if (r === 'wrapped') {
        report.wrapped.push(file);
        log.info(`keys: the plain keys in ${file} are wrapped now`);
      } else if (r === 'stripped') {
        report.stripped.push(file);
        log.warn(
          `keys: ${file} held plain keys beside a damaged stored key; its plain keys were REMOVED (a restore of this copy cannot sign letters or make backups until the keys are restored from a backup)`,
        );
      }
    } catch (e) {
      report.failed.push(file);
      log.warn(`keys: could not rewrite ${file}; it was left as it was`, e);
    }
  }
  return report;
}
