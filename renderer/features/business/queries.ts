import { useQuery } from '@tanstack/react-query';
import type { BusinessListInput } from '../../../shared/schemas/business-search';
import { call } from '../../lib/ipc';

/** What identifies one list: the search, the filters and the order (not the window). */
export type ListQuery = Omit<NonNullable<BusinessListInput>, 'limit' | 'offset' | 'withTotal'>;

/**
 * The business feature's query keys, all under ['business', …]: every save invalidates `businessKeys.all`
 * and so refreshes the list, the count, records, timelines and owner searches together.
 */
export const businessKeys = {
  all: ['business'] as const,
  count: () => ['business', 'count'] as const,
  /** one window of rows of one list */
  window: (q: ListQuery, index: number) => ['business', 'list', q, index] as const,
  detail: (id: number) => ['business', 'detail', id] as const,
  history: (id: number) => ['business', 'history', id] as const,
  owners: (query: string) => ['business', 'owners', query] as const,
  pick: (query: string) => ['business', 'pick', query] as const,
};

/** How many records are on the register (the home page): a count, not rows. */
export function useBusinessCount() {
  return useQuery({ queryKey: businessKeys.count(), queryFn: () => call('business:count', {}) });
}

export function useBusiness(id: number) {
  return useQuery({ queryKey: businessKeys.detail(id), queryFn: () => call('business:get', { id }) });
}
