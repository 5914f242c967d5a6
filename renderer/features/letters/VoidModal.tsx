import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { letterVoidSchema, type LetterListItem } from '../../../shared/schemas/letter';
import { fieldError, showIpcError } from '../../lib/forms';
import { useLetterMutations } from './queries';
import { ModalActions } from '../../components/ModalActions';

type In = z.input<typeof letterVoidSchema>;
type Out = z.output<typeof letterVoidSchema>;

/** Voiding asks why; the number stays in the register with the reason. */
export function VoidModal({ letter, onClose }: { letter: LetterListItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { voidLetter } = useLetterMutations();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(letterVoidSchema),
    values: { id: letter?.id ?? 1, reason: '' },
  });
  const submit = form.handleSubmit((v) =>
    voidLetter.mutateAsync(v).then(onClose, (e: unknown) => showIpcError(e, t, form.setError)),
  );
  return (
    <Modal opened={letter !== null} onClose={onClose} title={t('letters.void.title')}>
      {letter && (
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Text size="sm">{t('letters.void.explain', { number: letter.number })}</Text>
            <Textarea
              label={t('letters.void.reason')}
              autosize
              minRows={2}
              data-autofocus
              {...form.register('reason')}
              error={fieldError(t, form.formState.errors.reason)}
            />
            <ModalActions onCancel={onClose}>
              <Button type="submit" color="red" loading={voidLetter.isPending}>
                {t('letters.void.confirm')}
              </Button>
            </ModalActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
