import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a PDF under the data folder atomically (temp file, then rename); answers its SHA-256. */
export function writeLetterBytes(dataDir: string, rel: string, bytes: Uint8Array): string {
  const abs = path.join(dataDir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, abs);
  return createHash('sha256').update(bytes).digest('hex');
}
