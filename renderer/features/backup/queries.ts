import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupJobEnd, BackupProgress, Drive } from '../../../shared/schemas/backup';
import { call, onEvent } from '../../lib/ipc';
import { formatNumber } from '../../lib/format';

export const backupKeys = {
  drives: ['backup', 'drives'] as const,
  status: ['backup', 'status'] as const,
  auto: ['backup', 'auto'] as const,
  list: (dir: string) => ['backup', 'list', dir] as const,
};

/**
 * The removable drives. Main polls for a minute after each call and pushes `backup:drives` when a stick is
 * plugged in or pulled out; the query re-arms that every 45 s while the page is open.
 */
export function useDrives() {
  const qc = useQueryClient();
  useEffect(
    () => onEvent('backup:drives', ({ drives }) => qc.setQueryData<Drive[]>(backupKeys.drives, drives)),
    [qc],
  );
  return useQuery({
    queryKey: backupKeys.drives,
    queryFn: () => call('backup:drives'),
    refetchInterval: 45_000,
  });
}

export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status, queryFn: () => call('backup:status') });
}

export function useAutoSnapshots() {
  return useQuery({ queryKey: backupKeys.auto, queryFn: () => call('backup:autoList') });
}

export function useBackupList(dir: string | null) {
  return useQuery({
    queryKey: backupKeys.list(dir ?? ''),
    queryFn: () => call('backup:list', { dir: dir! }),
    enabled: !!dir,
  });
}

/**
 * Progress and end of one job. Subscribes when the page mounts (before the job starts), keeps what arrives
 * per job id, so a short backup that ends before `backup:start` has answered is not missed.
 */
export function useJob(jobId: string | null) {
  const [seen, setSeen] = useState<{
    progress: Record<string, BackupProgress>;
    end: Record<string, BackupJobEnd>;
  }>({ progress: {}, end: {} });
  useEffect(() => {
    const off1 = onEvent('backup:progress', (p) =>
      setSeen((s) => ({ ...s, progress: { ...s.progress, [p.jobId]: p } })),
    );
    const off2 = onEvent('backup:end', (e) => setSeen((s) => ({ ...s, end: { ...s.end, [e.jobId]: e } })));
    return () => {
      off1();
      off2();
    };
  }, []);
  return {
    progress: jobId ? (seen.progress[jobId] ?? null) : null,
    end: jobId ? (seen.end[jobId] ?? null) : null,
  };
}

/** Any restore/check progress (the check is a single call; its events carry a job id we do not know). */
export function useRestoreProgress(active: boolean) {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => onEvent('backup:progress', (p) => p.kind === 'restore' && setProgress(p)), []);
  return active ? progress : null;
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  if (n >= 1024 ** 3) return `${formatNumber(Math.round((n / 1024 ** 3) * 10) / 10)} GB`;
  if (n >= 1024 ** 2) return `${formatNumber(Math.round((n / 1024 ** 2) * 10) / 10)} MB`;
  if (n >= 1024) return `${formatNumber(Math.round(n / 1024))} KB`;
  return `${formatNumber(n)} B`;
}
