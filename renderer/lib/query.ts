import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ChannelName, InputOf } from '../../shared/ipc/contract';
import { call } from './ipc';

/**
 * A query that is one IPC call: `channel` with `input`, cached under `queryKey`. `keepPrevious` shows the
 * last answer while a new filter loads (lists); `enabled` and `staleTime` as in useQuery.
 */
export function useCallQuery<C extends ChannelName>(
  queryKey: QueryKey,
  channel: C,
  input?: InputOf<C>,
  options: { enabled?: boolean; staleTime?: number; keepPrevious?: boolean } = {},
) {
  const { keepPrevious, ...rest } = options;
  return useQuery({
    queryKey,
    queryFn: () => call(channel, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  });
}
