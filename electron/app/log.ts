import {
  appendFileSync,
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The main side's log: `<dataDir>/logs/main.log` (errors with their stacks, warnings, a few INFO lines) and
 * stderr; never the renderer, which gets an error code and an i18n key (the dispatcher's envelope).
 *
 * Rotated by size: when a line would take main.log past `maxBytes` (1 MiB), main.log becomes main.1.log,
 * main.1.log becomes main.2.log and so on; `files` files are kept in all (5: at most about 5 MiB), the
 * oldest is dropped. Verbosity: INFO lines reach stderr only with `verbose` (DAFTAR_IKM_VERBOSE, read once in
 * config.ts and passed here by bootApp); the file gets every line.
 *
 * A small mechanism on purpose rather than a logging library (pino + pino-roll, winston, rotating-file-stream):
 * - every line is written synchronously, so the line logged just before `process.exit` (a failed start, a
 *   command-line failure) is on disk; stream loggers buffer and need a flush the exit paths do not do;
 * - several processes write the same folder (the app or the browser-mode server, the command line run by a
 *   scheduler): each line is one append by path, so after one process rotates, the others' next lines go to
 *   the new main.log, and a rotation holds a lock file (created exclusively), so two processes crossing the
 *   limit together rotate once and never replace each other's rotated file. A library keeps its stream open on the renamed file and rotates only within
 *   its own process. Across processes the size limit is approximate (a file grows while another rotates).
 * The app logs little, so one stat per line costs nothing that matters.
 */
export interface LogOptions {
  /** the folder for main.log and its rotated files */
  dir: string;
  /** INFO lines to stderr too */
  verbose?: boolean;
  /** rotate when main.log would grow past this many bytes */
  maxBytes?: number;
  /** files kept, main.log included (at least 2) */
  files?: number;
}

interface Target {
  dir: string;
  maxBytes: number;
  files: number;
}

export const LOG_DEFAULTS = { maxBytes: 1024 * 1024, files: 5 } as const;

let target: Target | null = null;
let verbose = false;

/** main.log, or its `n`-th rotated file (main.1.log is the newest of those). */
export function logFile(dir: string, n = 0): string {
  return path.join(dir, n === 0 ? 'main.log' : `main.${n}.log`);
}

/** Where the log goes and how much it says (bootApp calls this with the data folder and the config). */
export function configureLog(opts: LogOptions): void {
  mkdirSync(opts.dir, { recursive: true });
  target = {
    dir: opts.dir,
    maxBytes: opts.maxBytes ?? LOG_DEFAULTS.maxBytes,
    files: Math.max(2, opts.files ?? LOG_DEFAULTS.files),
  };
  verbose = opts.verbose ?? false;
}

/** A rotation left half-done by a process that died holding the lock is not waited for longer than this. */
const STALE_LOCK_MS = 30_000;

function rotate(t: Target, lineBytes: number): void {
  // One rotation at a time across processes: the lock file is created exclusively ('wx'). A process that
  // finds it taken does not rotate and simply appends (to the old main.log, or to the new one once the other
  // has moved it away): the limit is then a few lines over, and no line is lost. Without the lock, two
  // rotations could interleave and the second's rename onto main.1.log would replace the first's file.
  const lock = `${logFile(t.dir)}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    // another process may have rotated between our size check and the lock: rotate only a full main.log
    if (sizeOf(logFile(t.dir)) + lineBytes <= t.maxBytes) return;
    // main.log moves aside first, so the others' lines go to a new main.log while the files shift
    const claimed = `${logFile(t.dir)}.rotating`;
    renameSync(logFile(t.dir), claimed);
    // oldest first: main.(files-2).log → main.(files-1).log (replacing the oldest), …, main.1.log → main.2.log
    for (let n = t.files - 1; n >= 2; n--) {
      try {
        renameSync(logFile(t.dir, n - 1), logFile(t.dir, n));
      } catch {
        // not there yet: a young log
      }
    }
    renameSync(claimed, logFile(t.dir, 1));
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no main.log yet
  }
}

function append(t: Target, line: string): void {
  const size = sizeOf(logFile(t.dir));
  const bytes = Buffer.byteLength(line);
  if (size > 0 && size + bytes > t.maxBytes) {
    try {
      rotate(t, bytes);
    } catch {
      // a rotation that could not finish (a file held open elsewhere): the line still goes to main.log
    }
  }
  appendFileSync(logFile(t.dir), line);
}

function write(level: 'INFO' | 'WARN' | 'ERROR', msg: string, err?: unknown): void {
  const detail =
    err instanceof Error ? `\n${err.stack ?? err.message}` : err !== undefined ? ` ${String(err)}` : '';
  const line = `${new Date().toISOString()} ${level} ${msg}${detail}\n`;
  if (level !== 'INFO' || verbose) process.stderr.write(line);
  if (target) {
    try {
      append(target, line);
    } catch {
      // logging must never break the app
    }
  }
}

export const log = {
  info: (msg: string) => write('INFO', msg),
  warn: (msg: string, err?: unknown) => write('WARN', msg, err),
  error: (msg: string, err?: unknown) => write('ERROR', msg, err),
};
