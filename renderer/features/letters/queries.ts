import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LetterListInput } from '../../../shared/schemas/letter';
import { call } from '../../lib/ipc';
import { useCallQuery } from '../../lib/query';
import { showIpcError } from '../../lib/forms';

export const letterKeys = {
  all: ['letters'] as const,
  list: (f: LetterListInput) => ['letters', 'list', f] as const,
  settings: ['letters', 'settings'] as const,
  keys: ['letters', 'keys'] as const,
};

export function useLetters(filter: LetterListInput) {
  return useCallQuery(letterKeys.list(filter), 'letter:list', filter, { keepPrevious: true });
}

export function useLetterSettings() {
  return useCallQuery(letterKeys.settings, 'letter:settingsGet');
}

export function useOfficeKeys() {
  return useCallQuery(letterKeys.keys, 'letter:keyList');
}

/** Reprint and void, shared by the register and the business page; they refresh every letter list. */
export function useLetterMutations() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: letterKeys.all });
  const reprint = useMutation({
    mutationFn: (id: number) => call('letter:reprint', { id }),
    onSuccess: async (l) => {
      await refresh();
      await qc.invalidateQueries({ queryKey: ['business'] });
      notifications.show({ color: 'teal', message: t('letters.reprinted', { number: l.number }) });
    },
    onError: (e) => showIpcError(e, t),
  });
  const voidLetter = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call('letter:void', v),
    onSuccess: async (l) => {
      await refresh();
      await qc.invalidateQueries({ queryKey: ['business'] });
      notifications.show({ color: 'orange', message: t('letters.voided', { number: l.number }) });
    },
  });
  return { reprint, voidLetter, refresh };
}
