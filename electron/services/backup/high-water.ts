/**
 * High-water marks of the numbering counters (registration numbers, letter numbers), kept beside the database
 * so that restoring an older backup never issues a number twice.
 *
 * The `sequences` table is the truth for the database it lives in, but a restore replaces that database with
 * an older one whose counters are behind numbers already printed on letters and certificates. So:
 *   - before the swap, the live database's counters are merged into `<dataDir>/nomor-tertinggi.json`
 *     (written atomically: temp file, fsync, rename; 0600);
 *   - after the swap, and at every start (a crash between the swap and the raise), every counter of the open
 *     database is raised to at least its mark. A counter only ever goes up (the table's trigger agrees).
 * The file is parsed with a schema; a damaged file is kept aside and reported in the log, never trusted.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RawDb } from '../../../db/connection';
import { log } from '../../app/log';
import { fsyncDir } from './fsutil';

export const HIGH_WATER_FILE = 'nomor-tertinggi.json';

const markKey = z.string().regex(/^[a-z][a-z0-9_.-]{0,39}:\d{4}$/);
const fileSchema = z.object({
  version: z.literal(1),
  updatedAt: z.string().max(40),
  marks: z.record(markKey, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
});
export type Marks = Record<string, number>;

export function highWaterFileOf(dataDir: string): string {
  return path.join(dataDir, HIGH_WATER_FILE);
}

/** The stored marks; {} when there is no file. A file that fails its schema is renamed aside and ignored. */
export function readHighWater(dataDir: string): Marks {
  const file = highWaterFileOf(dataDir);
  if (!existsSync(file)) return {};
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 1_000_000) throw new Error('too large');
    return fileSchema.parse(JSON.parse(text)).marks;
  } catch (e) {
    const aside = `${file}.rusak-${Date.now()}`;
    log.warn(`${HIGH_WATER_FILE} is damaged; kept as ${path.basename(aside)} and ignored`, e);
    try {
      renameSync(file, aside);
    } catch {
      // leave it; it is ignored either way
    }
    return {};
  }
}

/** Every counter of an open database, as `name:year` → value. */
export function liveMarks(raw: RawDb): Marks {
  const rows = raw.prepare('SELECT name, year, value FROM sequences').all() as {
    name: string;
    year: number;
    value: number;
  }[];
  const m: Marks = {};
  for (const r of rows) m[`${r.name}:${r.year}`] = r.value;
  return m;
}

export function mergeMarks(...all: Marks[]): Marks {
  const out: Marks = {};
  for (const m of all) for (const [k, v] of Object.entries(m)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

/** Merges the open database's counters into the file (atomically, durably). Answers the merged marks. */
export function recordHighWater(dataDir: string, raw: RawDb, now = new Date()): Marks {
  const marks = mergeMarks(readHighWater(dataDir), liveMarks(raw));
  const body = JSON.stringify(fileSchema.parse({ version: 1, updatedAt: now.toISOString(), marks }), null, 2);
  const file = highWaterFileOf(dataDir);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, body + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(dataDir);
  return marks;
}

/** Raises every counter of `raw` to at least its mark (inserting a missing one). Answers how many changed. */
export function raiseSequences(raw: RawDb, marks: Marks): number {
  const up = raw.prepare(
    `INSERT INTO sequences (name, year, value) VALUES (?, ?, ?)
     ON CONFLICT (name, year) DO UPDATE SET value = excluded.value WHERE excluded.value > sequences.value`,
  );
  let changed = 0;
  raw.transaction(() => {
    for (const [k, v] of Object.entries(marks)) {
      const i = k.lastIndexOf(':');
      if (v > 0) changed += up.run(k.slice(0, i), Number(k.slice(i + 1)), v).changes;
    }
  })();
  return changed;
}

/** At start: the open database's counters are raised to the marks (a crash after a swap), then recorded. */
export function reconcileHighWater(dataDir: string, raw: RawDb): void {
  const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='sequences'").get();
  if (!hasTable) return;
  const marks = readHighWater(dataDir);
  const changed = raiseSequences(raw, marks);
  if (changed) log.info(`numbering: ${changed} counter(s) raised to the high-water marks`);
}
