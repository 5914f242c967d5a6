import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { ImportEnd, ImportProgress } from '../../../shared/schemas/import';
import { call, IpcError, onEvent } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';

export const importKeys = {
  all: ['import'] as const,
  mappings: ['import', 'mappings'] as const,
  history: (offset: number) => ['import', 'history', offset] as const,
  review: (uploadId: string) => ['import', 'review', uploadId] as const,
  villages: (uploadId: string) => ['import', 'villages', uploadId] as const,
  groups: (uploadId: string, offset: number) => ['import', 'groups', uploadId, offset] as const,
  register: (uploadId: string, offset: number) => ['import', 'register', uploadId, offset] as const,
};

export function errorKey(e: unknown): { key: string; params: Record<string, string | number> } {
  return e instanceof IpcError
    ? { key: e.error.message, params: e.error.params ?? {} }
    : { key: 'errors.internal', params: {} };
}

/**
 * The import jobs' events for one upload, listened to for the page's whole life (so the event stream is
 * open before a job starts, and a short job's end is never missed).
 */
export function useImportEvents(uploadId: string | null) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [end, setEnd] = useState<ImportEnd | null>(null);
  useEffect(() => {
    const off1 = onEvent('import:progress', (p) => setProgress(p));
    const off2 = onEvent('import:end', (e) => {
      if (e.uploadId === uploadId) setEnd(e);
    });
    return () => {
      off1();
      off2();
    };
  }, [uploadId]);
  const reset = () => {
    setProgress(null);
    setEnd(null);
  };
  return { progress, end, reset };
}

export function useMappings() {
  return useQuery({ queryKey: importKeys.mappings, queryFn: () => call('import:mappings') });
}

export function useReview(uploadId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.review(uploadId ?? ''),
    queryFn: () => call('import:review', { uploadId: uploadId! }),
    enabled: enabled && uploadId !== null,
  });
}

export function useHistory(offset: number) {
  return useQuery({
    queryKey: importKeys.history(offset),
    queryFn: () => call('import:history', { offset, limit: 10 }),
    placeholderData: keepPreviousData,
  });
}

/** A decision written to the staging; the review's counts and the list it came from are read again. */
export function useDecision<I>(uploadId: string, fn: (input: I) => Promise<unknown>) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['import', 'review', uploadId] });
    },
    onError: (e) => showIpcError(e, t),
  });
}
