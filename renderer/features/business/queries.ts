import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';

export const businessKeys = {
  all: ['business'] as const,
  list: (query: string) => ['business', 'list', query] as const,
  detail: (id: number) => ['business', 'detail', id] as const,
};

export function useBusinessList(query: string) {
  return useQuery({
    queryKey: businessKeys.list(query),
    queryFn: () => call('business:list', { query, limit: 200, offset: 0 }),
    placeholderData: keepPreviousData,
  });
}

export function useBusiness(id: number) {
  return useQuery({ queryKey: businessKeys.detail(id), queryFn: () => call('business:get', { id }) });
}
