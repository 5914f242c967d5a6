import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditQueryInput } from '../../../shared/schemas/accounts';
import { call } from '../../lib/ipc';

export const accountKeys = {
  users: ['accounts', 'users'] as const,
  auditFilters: ['accounts', 'auditFilters'] as const,
  audit: (q: AuditQueryInput) => ['accounts', 'audit', q] as const,
};

export function useUsers() {
  return useQuery({ queryKey: accountKeys.users, queryFn: () => call('user:list') });
}

export function useAuditFilters() {
  return useQuery({ queryKey: accountKeys.auditFilters, queryFn: () => call('audit:filters') });
}

export function useAudit(q: AuditQueryInput) {
  return useInfiniteQuery({
    queryKey: accountKeys.audit(q),
    queryFn: ({ pageParam }) => call('audit:list', { ...q, beforeId: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeId,
  });
}
