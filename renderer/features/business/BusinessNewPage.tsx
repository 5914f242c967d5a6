import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { businessCreateSchema } from '../../../shared/schemas/business';
import { parseNik } from '../../../shared/validators/nik';
import { fieldError, showIpcError } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { call } from '../../lib/ipc';
import { businessKeys } from './queries';

type In = z.input<typeof businessCreateSchema>;
type Out = z.output<typeof businessCreateSchema>;

export function BusinessNewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(businessCreateSchema),
    mode: 'onTouched',
    defaultValues: { name: '', ownerName: '', ownerNik: '', villageName: '' },
  });
  const e = form.formState.errors;
  const nik = useWatch({ control: form.control, name: 'ownerNik' });
  const nikInfo = nik && nik.replace(/\D/g, '').length === 16 ? parseNik(nik) : null;
  const save = useMutation({
    mutationFn: (data: Out) => call('business:create', data),
    onSuccess: async (b) => {
      await qc.invalidateQueries({ queryKey: businessKeys.all });
      notifications.show({
        color: 'teal',
        message: t('business.form.saved', { number: b.registrationNumber }),
      });
      void navigate(`/usaha/${b.id}`);
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <>
      <Title order={2} className="page-title">
        {t('business.form.title')}
      </Title>
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
          <Stack>
            <Text fw={600}>{t('business.form.ownerSection')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('business.fields.ownerName')}
                withAsterisk
                {...form.register('ownerName')}
                error={fieldError(t, e.ownerName)}
              />
              <TextInput
                label={t('business.fields.nik')}
                description={
                  nikInfo?.ok
                    ? t('business.form.nikInfo', {
                        sex: t(`business.sex.${nikInfo.info.sex}`),
                        date: formatDate(nikInfo.info.birthDate),
                      })
                    : t('business.form.nikHint')
                }
                inputMode="numeric"
                maxLength={20}
                {...form.register('ownerNik')}
                error={fieldError(t, e.ownerNik)}
              />
            </SimpleGrid>
            <Text fw={600} mt="sm">
              {t('business.form.businessSection')}
            </Text>
            <TextInput
              label={t('business.fields.name')}
              withAsterisk
              placeholder={t('business.form.namePlaceholder')}
              {...form.register('name')}
              error={fieldError(t, e.name)}
            />
            <TextInput
              label={t('business.fields.village')}
              withAsterisk
              {...form.register('villageName')}
              error={fieldError(t, e.villageName)}
            />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => void navigate('/usaha')}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('business.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
