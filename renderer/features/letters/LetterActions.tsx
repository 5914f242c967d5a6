import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { letterIssueSchema, type LetterListItem } from '../../../shared/schemas/letter';
import { call } from '../../lib/ipc';
import { fieldError, showIpcError } from '../../lib/forms';
import { LetterTable } from './LetterTable';
import { useCanWrite } from '../../app/queries';
import { NoEmblemWarning } from './NoEmblemWarning';
import { PdfPreviewModal } from './PdfPreviewModal';
import { letterKeys, useLetters, useLetterSettings } from './queries';

type In = z.input<typeof letterIssueSchema>;
type Out = z.output<typeof letterIssueSchema>;

/** On a business's page: a button that opens its letters — print a new one, view, reprint or void. */
export function LetterActions({ businessId }: { businessId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCanWrite();
  const settings = useLetterSettings();
  const letters = useLetters({ businessId, status: 'all', limit: 50, offset: 0 });
  const [preview, setPreview] = useState<LetterListItem | null>(null);
  const [opened, setOpened] = useState(false);
  const [noEmblemOk, setNoEmblemOk] = useState(false);
  const noEmblem = settings.data !== undefined && settings.data.emblemPath === null;
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(letterIssueSchema),
    defaultValues: { businessId, purpose: '', fullNik: false },
  });
  const defaultPurpose = settings.data?.settings.defaultPurpose;
  useEffect(() => {
    if (defaultPurpose && !form.getValues('purpose')) form.setValue('purpose', defaultPurpose);
  }, [defaultPurpose, form]);
  const issue = useMutation({
    mutationFn: (v: Out) => call('letter:issue', v),
    onSuccess: async (l) => {
      setPreview(l);
      await qc.invalidateQueries({ queryKey: letterKeys.all });
      await qc.invalidateQueries({ queryKey: ['business'] });
    },
    onError: (e) => showIpcError(e, t, form.setError),
  });
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFileCertificate size={16} />}
        onClick={() => setOpened(true)}
        data-testid="letter-open"
      >
        {t('letters.actions.title')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} size="xl" title={t('letters.actions.title')}>
        <Stack data-testid="letter-actions">
          {/* viewers see the letters issued, not the form (the main side refuses them anyway) */}
          <form hidden={!canWrite} onSubmit={(e) => void form.handleSubmit((v) => issue.mutate(v))(e)}>
            <Stack gap="xs">
              {noEmblem && <NoEmblemWarning confirmed={noEmblemOk} onConfirm={setNoEmblemOk} />}
              <TextInput
                label={t('letters.fields.purpose')}
                description={t('letters.actions.purposeHint')}
                {...form.register('purpose')}
                error={fieldError(t, form.formState.errors.purpose)}
              />
              <Group justify="space-between">
                <Checkbox label={t('letters.actions.fullNik')} {...form.register('fullNik')} />
                <Button
                  type="submit"
                  leftSection={<IconFileCertificate size={18} />}
                  loading={issue.isPending}
                  disabled={noEmblem && !noEmblemOk}
                >
                  {t('letters.actions.issue')}
                </Button>
              </Group>
            </Stack>
          </form>
          <Text fw={600} size="sm">
            {t('letters.actions.history')}
          </Text>
          <LetterTable items={letters.data?.items ?? []} showBusiness={false} />
        </Stack>
      </Modal>
      <PdfPreviewModal letter={preview} onClose={() => setPreview(null)} />
    </>
  );
}
