import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KbliVersion, RegionLevel } from '../../../shared/schemas/refdata';
import { normalizeNik } from '../../../shared/validators/nik';
import { call } from '../../lib/ipc';

export const refKeys = {
  children: (parent: string | null) => ['region', 'children', parent] as const,
  search: (q: string, level: RegionLevel | undefined, within: string | undefined) =>
    ['region', 'search', q, level ?? '', within ?? ''] as const,
  region: (code: string) => ['region', 'get', code] as const,
  kbli: ['kbli'] as const,
  kbliSearch: (q: string, version: KbliVersion | undefined) => ['kbli', 'search', q, version ?? ''] as const,
  datasets: ['ref', 'datasets'] as const,
};

/** Children of a region (null: the provinces). The list never changes while the app runs. */
export function useRegionChildren(parentCode: string | null, enabled = true) {
  return useQuery({
    queryKey: refKeys.children(parentCode),
    queryFn: () => call('region:children', { parentCode }),
    enabled,
    staleTime: Infinity,
  });
}

export function useRegionSearch(
  query: string,
  opts: { level?: RegionLevel; within?: string; near?: string; enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...refKeys.search(query, opts.level, opts.within), opts.near ?? ''],
    queryFn: () =>
      call('region:search', { query, level: opts.level, within: opts.within, near: opts.near, limit: 30 }),
    enabled: opts.enabled ?? true,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useKbliSearch(query: string, version?: KbliVersion, enabled = true) {
  return useQuery({
    queryKey: refKeys.kbliSearch(query, version),
    queryFn: () => call('kbli:search', { query, version, limit: 30 }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useRefDatasets() {
  return useQuery({ queryKey: refKeys.datasets, queryFn: () => call('ref:datasets'), staleTime: Infinity });
}

/**
 * Region warnings for a NIK (province/kabupaten/kecamatan digits not in the 2025 list). Warnings only: show
 * them next to the field, never block saving. Runs only for a 16-digit NIK.
 */
export function useNikRegionCheck(nik: string | null | undefined) {
  const digits = normalizeNik(nik ?? '');
  return useQuery({
    queryKey: ['region', 'checkNik', digits],
    queryFn: () => call('region:checkNik', { nik: digits }),
    enabled: /^\d{16}$/.test(digits),
    staleTime: Infinity,
  });
}
