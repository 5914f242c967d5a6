import { useQuery } from '@tanstack/react-query';
import { call } from '../lib/ipc';

export const appKeys = {
  info: ['app', 'info'] as const,
};

/** App state from main: set-up done, signed-in user, office, language. */
export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info, queryFn: () => call('app:info'), staleTime: Infinity });
}
