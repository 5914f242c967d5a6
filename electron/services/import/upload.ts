/**
 * The screen's file, received in chunks (the renderer reads it with a plain file input, in Electron's
 * sandboxed renderer as in the browser mode, and sends at most 2 MiB at a time as base64). The bytes go to
 * `<data>/imports/<uuid>.upload`, named from a UUID main chose, never from input; the original name is kept
 * only as display text in `<uuid>.json` beside it, with what the later steps settle (the sheet, the mapping,
 * the review sheet). The staging of the dry run is `<uuid>.sqlite` (staging.ts): one UUID names all three.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { jsonOr } from '../../../shared/json';
import { importOptionsSchema } from '../../../shared/import/mapping';
import { IMPORT_MAX_BYTES, type UploadAnswer } from '../../../shared/schemas/import';
import { stagingDir, stagingFile } from './staging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const metaSchema = z.object({
  fileName: z.string().max(200),
  bytes: z.number().int().min(0),
  complete: z.boolean(),
  sheet: z.string().nullable().default(null),
  /** the mapping the dry run used: headers, columns and options */
  mapping: z
    .object({
      headers: z.array(z.string()),
      columns: z.array(z.object({ index: z.number().int(), target: z.string().nullable() })),
      options: importOptionsSchema,
    })
    .nullable()
    .default(null),
  reviewFile: z.object({ fileRel: z.string(), fileName: z.string() }).nullable().default(null),
});
export type UploadMeta = z.output<typeof metaSchema>;

export function uploadFile(dataDir: string, uuid: string): string {
  if (!UUID.test(uuid)) throw new AppError('NOT_FOUND', 'import.errors.uploadGone');
  return path.join(stagingDir(dataDir), `${uuid}.upload`);
}
function metaFile(dataDir: string, uuid: string): string {
  return uploadFile(dataDir, uuid).replace(/\.upload$/, '.json');
}

/** The upload's record; NOT_FOUND when there is none (an unknown id, or a file already imported). */
export function readMeta(dataDir: string, uuid: string): UploadMeta {
  const file = metaFile(dataDir, uuid);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const meta = jsonOr(metaSchema.nullable(), text, null);
  if (!meta || !existsSync(uploadFile(dataDir, uuid)))
    throw new AppError('NOT_FOUND', 'import.errors.uploadGone');
  return meta;
}

export function writeMeta(dataDir: string, uuid: string, meta: UploadMeta): void {
  writeFileSync(metaFile(dataDir, uuid), JSON.stringify(meta));
}

export function updateMeta(dataDir: string, uuid: string, patch: Partial<UploadMeta>): UploadMeta {
  const next = { ...readMeta(dataDir, uuid), ...patch };
  writeMeta(dataDir, uuid, next);
  return next;
}

/** A complete upload's file and record; the steps after the upload start here. */
export function completeUpload(dataDir: string, uuid: string): { file: string; meta: UploadMeta } {
  const meta = readMeta(dataDir, uuid);
  if (!meta.complete) throw new AppError('CONFLICT', 'import.errors.uploadIncomplete');
  return { file: uploadFile(dataDir, uuid), meta };
}

/** The name shown for the file: its last path part, without control characters, at most 120 characters. */
export function displayName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 120) || 'berkas';
}

/** Everything an upload left: the file, its record, its staging. */
export function removeUpload(dataDir: string, uuid: string): void {
  if (!UUID.test(uuid)) return;
  rmSync(uploadFile(dataDir, uuid), { force: true });
  rmSync(metaFile(dataDir, uuid), { force: true });
  rmSync(stagingFile(dataDir, uuid), { force: true });
}

/** Uploads abandoned more than two days ago (a closed window, a clerk who went home) are cleared. */
const STALE_MS = 2 * 24 * 3600 * 1000;
function clearStale(dataDir: string, now: Date): void {
  const dir = stagingDir(dataDir);
  for (const f of readdirSync(dir)) {
    const m = /^([0-9a-f-]{36})\.(upload|json|sqlite)$/.exec(f);
    if (!m) continue;
    try {
      if (now.getTime() - statSync(path.join(dir, f)).mtimeMs > STALE_MS) removeUpload(dataDir, m[1]!);
    } catch {
      // gone meanwhile
    }
  }
}

export interface UploadChunk {
  uploadId?: string | undefined;
  fileName?: string | undefined;
  chunk: string;
  done: boolean;
}

/**
 * One chunk appended. The first (without `uploadId`) starts a new upload; each later one names it. Past
 * `maxBytes` in all, the upload is removed and refused with a message that says what to do.
 */
export function receiveChunk(
  env: { dataDir: string; uuid: () => string; now: () => Date },
  input: UploadChunk,
  maxBytes = IMPORT_MAX_BYTES,
): UploadAnswer {
  const bytes = Buffer.from(input.chunk, 'base64');
  let uuid = input.uploadId;
  let meta: UploadMeta;
  if (!uuid) {
    mkdirSync(stagingDir(env.dataDir), { recursive: true });
    clearStale(env.dataDir, env.now());
    uuid = env.uuid();
    meta = {
      fileName: displayName(input.fileName),
      bytes: 0,
      complete: false,
      sheet: null,
      mapping: null,
      reviewFile: null,
    };
    writeFileSync(uploadFile(env.dataDir, uuid), '');
  } else {
    meta = readMeta(env.dataDir, uuid);
    if (meta.complete) throw new AppError('CONFLICT', 'import.errors.uploadComplete');
  }
  if (meta.bytes + bytes.length > maxBytes) {
    removeUpload(env.dataDir, uuid);
    throw new AppError('VALIDATION', 'import.errors.tooLarge', {
      params: { max: Math.round(maxBytes / (1024 * 1024)) },
    });
  }
  appendFileSync(uploadFile(env.dataDir, uuid), bytes);
  meta = { ...meta, bytes: meta.bytes + bytes.length, complete: input.done };
  if (meta.complete && meta.bytes === 0) {
    removeUpload(env.dataDir, uuid);
    throw new AppError('VALIDATION', 'import.errors.emptyFile');
  }
  writeMeta(env.dataDir, uuid, meta);
  return { uploadId: uuid, bytes: meta.bytes, complete: meta.complete };
}
