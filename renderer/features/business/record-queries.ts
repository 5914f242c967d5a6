import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';

/** Under the `business` key, so invalidating `businessKeys.all` after a write refreshes these too. */
export const recordKeys = {
  history: (id: number) => ['business', 'history', id] as const,
  owners: (query: string) => ['business', 'owners', query] as const,
  pick: (query: string) => ['business', 'pick', query] as const,
};

export function useBusinessHistory(id: number) {
  return useQuery({ queryKey: recordKeys.history(id), queryFn: () => call('business:history', { id }) });
}

export function useOwnerSearch(query: string) {
  return useQuery({
    queryKey: recordKeys.owners(query),
    queryFn: () => call('owner:search', { query }),
    enabled: query.trim().length >= 2,
  });
}

/** Businesses to pick from (merge): the normal list's search. */
export function useBusinessPick(query: string) {
  return useQuery({
    queryKey: recordKeys.pick(query),
    queryFn: () => call('business:list', { query, limit: 20, offset: 0 }),
    enabled: query.trim().length >= 2,
  });
}
