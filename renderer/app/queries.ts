import { useQuery } from '@tanstack/react-query';
import { call } from '../lib/ipc';

export const appKeys = {
  info: ['app', 'info'] as const,
};

/** App state from main: set-up done, signed-in user, office, language. */
export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info, queryFn: () => call('app:info'), staleTime: Infinity });
}

/**
 * The signed-in user may register, edit and print (operator or admin). Viewers see lists and reports; the
 * main side refuses their writes anyway, this only keeps buttons they cannot use off their screen.
 */
export function useCanWrite(): boolean {
  const role = useAppInfo().data?.user?.role;
  return role === 'operator' || role === 'admin';
}

export const sizeRuleKey = ['office', 'sizeRule'] as const;

/** The office's rule for the PP 7/2021 class when capital and annual sales disagree (settings). */
export function usePp7Rule() {
  return useQuery({ queryKey: sizeRuleKey, queryFn: () => call('office:sizeRuleGet'), staleTime: Infinity });
}
