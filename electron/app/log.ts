import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A small file logger: errors with their stacks go to `<dataDir>/logs/main.log` (and stderr), never to the
 * renderer. Kept tiny on purpose; the main side logs little.
 */
let logFile: string | null = null;

export function setLogDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  logFile = path.join(dir, 'main.log');
}

function write(level: string, msg: string, err?: unknown): void {
  const detail =
    err instanceof Error ? `\n${err.stack ?? err.message}` : err !== undefined ? ` ${String(err)}` : '';
  const line = `${new Date().toISOString()} ${level} ${msg}${detail}\n`;
  if (level !== 'INFO' || process.env.DAFTAR_IKM_VERBOSE) process.stderr.write(line);
  if (logFile) {
    try {
      appendFileSync(logFile, line);
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
