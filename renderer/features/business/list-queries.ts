import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { BusinessListPage } from '../../../shared/schemas/business-search';
import { call } from '../../lib/ipc';
import { businessKeys, type ListQuery } from './queries';

/** Rows per window the list asks main for. */
export const LIST_WINDOW = 100;

export type { ListQuery };

/**
 * The first window of the list with its count. While the clerk types, the previous results stay on screen
 * until the new ones arrive.
 */
export function useFirstWindow(q: ListQuery) {
  return useQuery({ ...firstWindowQuery(q), placeholderData: keepPreviousData });
}

/** The first window's query (key, call, freshness): the list's, and the search box's early request. */
export function firstWindowQuery(q: ListQuery) {
  return {
    queryKey: businessKeys.window(q, 0),
    queryFn: () => call('business:list', { ...q, limit: LIST_WINDOW, offset: 0, withTotal: true }),
    staleTime: 10_000,
  };
}

/** The further windows the virtualised table shows (never the whole list over IPC). */
export function useWindows(q: ListQuery, indexes: number[]): Map<number, BusinessListPage> {
  const results = useQueries({
    queries: indexes.map((index) => ({
      queryKey: businessKeys.window(q, index),
      queryFn: () =>
        call('business:list', { ...q, limit: LIST_WINDOW, offset: index * LIST_WINDOW, withTotal: false }),
      staleTime: 10_000,
    })),
  });
  const out = new Map<number, BusinessListPage>();
  indexes.forEach((index, k) => {
    const d = results[k]?.data;
    if (d) out.set(index, d);
  });
  return out;
}
