import { useCallQuery } from '../../lib/query';
import { businessKeys } from './queries';

export function useBusinessHistory(id: number) {
  return useCallQuery(businessKeys.history(id), 'business:history', { id });
}

export function useOwnerSearch(query: string) {
  return useCallQuery(
    businessKeys.owners(query),
    'owner:search',
    { query },
    { enabled: query.trim().length >= 2 },
  );
}

/** Businesses to pick from (merge): the normal list's search. */
export function useBusinessPick(query: string) {
  return useCallQuery(
    businessKeys.pick(query),
    'business:list',
    { query, limit: 20, offset: 0 },
    { enabled: query.trim().length >= 2 },
  );
}
