import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { BusinessListInput, BusinessListPage } from '../../../shared/schemas/business-search';
import { call } from '../../lib/ipc';

/** Rows per window the list asks main for. */
export const LIST_WINDOW = 100;

/** What identifies one list: the search, the filters and the order (not the window). */
export type ListQuery = Omit<NonNullable<BusinessListInput>, 'limit' | 'offset' | 'withTotal'>;

/** Under ['business', …] so every save that invalidates businessKeys.all refreshes the list too. */
export const listKeys = {
  window: (q: ListQuery, index: number) => ['business', 'list', q, index] as const,
};

/**
 * The first window of the list with its count. While the clerk types, the previous results stay on screen
 * until the new ones arrive.
 */
export function useFirstWindow(q: ListQuery) {
  return useQuery({
    queryKey: listKeys.window(q, 0),
    queryFn: () => call('business:list', { ...q, limit: LIST_WINDOW, offset: 0, withTotal: true }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The further windows the virtualised table shows (never the whole list over IPC). */
export function useWindows(q: ListQuery, indexes: number[]): Map<number, BusinessListPage> {
  const results = useQueries({
    queries: indexes.map((index) => ({
      queryKey: listKeys.window(q, index),
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
