import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { businessKeys } from './queries';

export function useBusinessHistory(id: number) {
  return useQuery({ queryKey: businessKeys.history(id), queryFn: () => call('business:history', { id }) });
}

export function useOwnerSearch(query: string) {
  return useQuery({
    queryKey: businessKeys.owners(query),
    queryFn: () => call('owner:search', { query }),
    enabled: query.trim().length >= 2,
  });
}

/** Businesses to pick from (merge): the normal list's search. */
export function useBusinessPick(query: string) {
  return useQuery({
    queryKey: businessKeys.pick(query),
    queryFn: () => call('business:list', { query, limit: 20, offset: 0 }),
    enabled: query.trim().length >= 2,
  });
}
