import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityDetail, ActivityListInput } from '../../../shared/schemas/activity';
import { useCallQuery } from '../../lib/query';

export const activityKeys = {
  all: ['activity'] as const,
  list: (f: ActivityListInput) => ['activity', 'list', f] as const,
  detail: (id: number) => ['activity', 'detail', id] as const,
  forBusiness: (id: number) => ['activity', 'business', id] as const,
  permits: (businessId: number) => ['activity', 'permits', businessId] as const,
};

export function useActivities(f: ActivityListInput) {
  return useCallQuery(activityKeys.list(f), 'activity:list', f, { keepPrevious: true });
}

export function useActivity(id: number) {
  return useCallQuery(activityKeys.detail(id), 'activity:get', { id });
}

export function useBusinessActivities(businessId: number) {
  return useCallQuery(activityKeys.forBusiness(businessId), 'activity:forBusiness', { businessId });
}

export function usePermitOptions(businessId: number | null) {
  return useCallQuery(
    activityKeys.permits(businessId ?? 0),
    'activity:permitOptions',
    { businessId: businessId! },
    { enabled: businessId !== null },
  );
}

/** A write that answers the activity: puts it in the cache and refreshes lists and business timelines. */
export function useActivityWrite<I>(fn: (input: I) => Promise<ActivityDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      await qc.invalidateQueries({ queryKey: ['activity', 'list'] });
      await qc.invalidateQueries({ queryKey: ['activity', 'business'] });
    },
  });
}
