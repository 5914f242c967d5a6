import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PermitView } from '../../../shared/schemas/permit';
import { SCAN_MAX_BYTES, sniffScan } from '../../../shared/validators/permit';
import { writeAudit } from '../../../db/queries/audit';
import { dbOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { getPermit } from './record';

/**
 * A permit's scan (PDF, JPEG or PNG, ≤ 5 MiB), its type read from the first bytes, never from the name.
 * The bytes are stored in `permit_scans` (see migration 010: the backup carries the database, so every backup
 * carries the scans, and no stored path is ever opened). Browser mode: the page sends base64 chunks
 * (begin → chunk… → commit), held in memory for at most 10 minutes. Electron: the shell's file dialog picks
 * a file (`platform.pickScanFile`, passed to bootApp); only the path the dialog answered is read.
 */

const SCAN_MAX_UPLOADS = 4;
const UPLOAD_TTL_MS = 10 * 60 * 1000;

interface Upload {
  permitId: number;
  fileName: string;
  size: number;
  chunks: Buffer[];
  received: number;
  started: number;
}
const uploads = new Map<string, Upload>();

function sweep(now: number): void {
  for (const [id, u] of uploads) if (now - u.started > UPLOAD_TTL_MS) uploads.delete(id);
}

const tooBig = () =>
  new AppError('VALIDATION', 'validation.permit.scanTooBig', {
    params: { mb: SCAN_MAX_BYTES / 1024 / 1024 },
    fields: { scan: 'validation.permit.scanTooBig' },
  });

export function beginScan(
  ctx: AppContext,
  input: { permitId: number; fileName: string; size: number },
): { uploadId: string } {
  sweep(Date.now());
  if (input.size > SCAN_MAX_BYTES) throw tooBig();
  if (uploads.size >= SCAN_MAX_UPLOADS) throw new AppError('CONFLICT', 'errors.busy');
  const uploadId = ctx.uuid();
  uploads.set(uploadId, {
    permitId: input.permitId,
    fileName: path.basename(input.fileName),
    size: input.size,
    chunks: [],
    received: 0,
    started: Date.now(),
  });
  return { uploadId };
}

export function addScanChunk(input: { uploadId: string; index: number; dataBase64: string }): {
  received: number;
} {
  const u = uploads.get(input.uploadId);
  if (!u) throw new AppError('NOT_FOUND', 'validation.permit.scanUploadGone');
  if (input.index !== u.chunks.length) throw new AppError('CONFLICT', 'validation.permit.scanUploadGone');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (u.received + bytes.length > Math.min(u.size, SCAN_MAX_BYTES)) {
    uploads.delete(input.uploadId);
    throw tooBig();
  }
  u.chunks.push(bytes);
  u.received += bytes.length;
  return { received: u.received };
}

/** Checks the bytes (size, content type) and attaches them to the permit, audited, in one transaction. */
export async function storeScan(
  ctx: AppContext,
  permitId: number,
  fileName: string,
  data: Buffer,
): Promise<PermitView> {
  if (data.length === 0 || data.length > SCAN_MAX_BYTES) throw tooBig();
  const mime = sniffScan(data.subarray(0, 16));
  if (!mime)
    throw new AppError('VALIDATION', 'validation.permit.scanType', {
      fields: { scan: 'validation.permit.scanType' },
    });
  const sha256 = createHash('sha256').update(data).digest('hex');
  await withWrite(ctx, async (w) => {
    const p = await w.trx
      .selectFrom('permits')
      .select(['id', 'uuid', 'scan_id', 'archived_at', 'version'])
      .where('id', '=', permitId)
      .executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (p.archived_at !== null) throw new AppError('CONFLICT', 'validation.permit.archived');
    const s = await w.trx
      .insertInto('permit_scans')
      .values({
        uuid: w.uuid(),
        mime,
        file_name: path.basename(fileName).slice(0, 200),
        bytes: data.length,
        sha256,
        data,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await w.trx
      .updateTable('permits')
      .set({ scan_id: s.id, version: p.version + 1, updated_at: w.now })
      .where('id', '=', permitId)
      .execute();
    // the replaced scan stays in permit_scans: the audit row names it, nothing is deleted
    await writeAudit(w, {
      table: 'permits',
      recordId: p.id,
      recordUuid: p.uuid,
      action: 'scan',
      before: { scan_id: p.scan_id },
      after: { scan_id: s.id, mime, bytes: data.length, sha256, file_name: fileName },
    });
  });
  return getPermit(ctx, permitId);
}

export async function commitScan(ctx: AppContext, uploadId: string): Promise<PermitView> {
  const u = uploads.get(uploadId);
  if (!u) throw new AppError('NOT_FOUND', 'validation.permit.scanUploadGone');
  uploads.delete(uploadId);
  if (u.received !== u.size) throw new AppError('VALIDATION', 'validation.permit.scanUploadGone');
  return storeScan(ctx, u.permitId, u.fileName, Buffer.concat(u.chunks));
}

export async function readScan(
  ctx: AppContext,
  permitId: number,
): Promise<{ base64: string; mime: string; fileName: string }> {
  const r = await dbOf(ctx)
    .selectFrom('permits as p')
    .innerJoin('permit_scans as s', 's.id', 'p.scan_id')
    .select(['s.data', 's.mime', 's.file_name'])
    .where('p.id', '=', permitId)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return { base64: Buffer.from(r.data).toString('base64'), mime: r.mime, fileName: r.file_name };
}

// ── Electron: the file dialog ─────────────────────────────────────────────────────────────────────────

/** The native "open file" dialog (electron/shell/scan-dialog.ts), passed to bootApp in `platform.pickScanFile`. */
export type ScanPicker = () => Promise<string | null>;

export async function pickScan(
  ctx: AppContext,
  permitId: number,
): Promise<{ supported: boolean; permit: PermitView | null }> {
  const picker = ctx.platform.pickScanFile;
  if (!picker) return { supported: false, permit: null };
  const file = await picker();
  if (!file) return { supported: true, permit: null };
  const st = await stat(file);
  if (!st.isFile() || st.size > SCAN_MAX_BYTES) throw tooBig();
  return { supported: true, permit: await storeScan(ctx, permitId, file, await readFile(file)) };
}
