import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PermitWorklistInput } from '../../../shared/schemas/permit';
import { SCAN_CHUNK_BYTES } from '../../../shared/schemas/permit';
import { SCAN_MAX_BYTES } from '../../../shared/validators/permit';
import { call, IpcError, isElectron } from '../../lib/ipc';
import { useCallQuery } from '../../lib/query';

export const permitKeys = {
  all: ['permits'] as const,
  types: ['permits', 'types'] as const,
  business: (id: number, archived: boolean) => ['permits', 'business', id, archived] as const,
  counts: ['permits', 'counts'] as const,
  worklist: (f: PermitWorklistInput) => ['permits', 'worklist', f] as const,
};

export function usePermitTypes() {
  return useCallQuery(permitKeys.types, 'permit:types', undefined, { staleTime: 60_000 });
}

export function useBusinessPermits(businessId: number, includeArchived = false) {
  return useCallQuery(permitKeys.business(businessId, includeArchived), 'permit:list', {
    businessId,
    includeArchived,
  });
}

export function usePermitCounts() {
  return useCallQuery(permitKeys.counts, 'permit:counts');
}

export function usePermitWorklist(f: PermitWorklistInput) {
  return useCallQuery(permitKeys.worklist(f), 'permit:worklist', f, { keepPrevious: true });
}

/** After a permit write: every permit list, the counts and the business (its history) are stale. */
export function useInvalidatePermits() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: permitKeys.all });
    await qc.invalidateQueries({ queryKey: ['business'] });
  };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Uploads a scan. Electron: the system file dialog (main reads the file it picked). Browser mode: the chosen
 * file in base64 chunks of 512 KiB; the size limit is checked here first and again in main, the content type
 * only in main.
 */
export function useScanUpload() {
  const invalidate = useInvalidatePermits();
  return useMutation({
    mutationFn: async (v: { permitId: number; file?: File }) => {
      if (isElectron && !v.file) {
        const r = await call('permit:scanPick', { permitId: v.permitId });
        return r.permit;
      }
      const file = v.file!;
      if (file.size > SCAN_MAX_BYTES)
        throw new IpcError({
          code: 'VALIDATION',
          message: 'validation.permit.scanTooBig',
          params: { mb: SCAN_MAX_BYTES / 1024 / 1024 },
          fields: { scan: 'validation.permit.scanTooBig' },
        });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { uploadId } = await call('permit:scanBegin', {
        permitId: v.permitId,
        fileName: file.name,
        size: bytes.length,
      });
      for (let i = 0, k = 0; i < bytes.length; i += SCAN_CHUNK_BYTES, k++)
        await call('permit:scanChunk', {
          uploadId,
          index: k,
          dataBase64: toBase64(bytes.subarray(i, i + SCAN_CHUNK_BYTES)),
        });
      return call('permit:scanCommit', { uploadId });
    },
    onSuccess: invalidate,
  });
}
