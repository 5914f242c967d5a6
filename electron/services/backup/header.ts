/**
 * A backup's plaintext header, read from a stick on main and parsed with its schema (data from outside:
 * listed, never trusted, until a restore has checked everything after it). The worker that decrypts the
 * file gets the checked header and holds the file to it by its SHA-256 (format.ts, DecryptStream).
 */
import { promises as fsp } from 'node:fs';
import { z } from 'zod';
import { parseJsonWith } from '../../../shared/json';
import { AppError } from '../../../shared/errors';
import { backupHeaderSchema, type BackupHeader } from '../../../shared/schemas/backup';
import { FORMAT_VERSION, FormatError, MAX_HEADER, readHeaderFrame } from './format';
import { formatJobError } from './pipeline/errors';

/** a header of a format this app does not know yet: "update the app", not "damaged" */
const newerFormat = z.object({
  format: z
    .number()
    .int()
    .min(FORMAT_VERSION + 1),
});

export interface ReadHeader {
  header: BackupHeader;
  /** SHA-256 of the header's JSON (part of every frame's associated data) */
  hash: Buffer;
}

/** Parses the header at the start of `buf`; FormatError when it is not one of the right shape. */
export function decodeHeader(buf: Buffer): ReadHeader & { length: number } {
  const frame = readHeaderFrame(buf);
  // The hash only says the header was not damaged by accident; anyone can write one. Its shape is checked.
  const text = frame.json.toString('utf8');
  const r = parseJsonWith(backupHeaderSchema, text);
  if (!r.ok)
    throw parseJsonWith(newerFormat, text).ok
      ? new FormatError('version', 'unknown format version')
      : new FormatError('header', 'header damaged');
  return { header: r.value, hash: frame.hash, length: frame.length };
}

/** Reads and parses the header of a backup file. */
export async function readHeader(file: string): Promise<ReadHeader> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_HEADER + 44);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return decodeHeader(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** The header of a backup about to be restored or verified, or the clerk's message why it is none. */
export async function headerForRestore(file: string): Promise<ReadHeader> {
  try {
    return await readHeader(file);
  } catch (e) {
    if (e instanceof FormatError) throw formatJobError(e);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new AppError('BAD_BACKUP', 'backup.errors.notBackup');
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
    throw e;
  }
}
