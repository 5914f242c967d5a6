import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconInfoCircle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePassphraseSchema, type ChangePassphraseInput } from '../../../shared/schemas/backup';
import { showIpcError, useFieldProps } from '../../lib/forms';
import { call } from '../../lib/ipc';

/**
 * Admin: a new backup passphrase for the backups to come, confirmed with the admin's own password. Says
 * plainly that backups already made keep opening with the passphrase they were made under.
 */
export function PassphrasePanel() {
  const { t } = useTranslation();
  const form = useForm<ChangePassphraseInput>({
    resolver: zodResolver(changePassphraseSchema),
    defaultValues: { password: '', newPassphrase: '', newPassphraseConfirm: '' },
  });
  const field = useFieldProps(form);
  const save = useMutation({
    mutationFn: (d: ChangePassphraseInput) => call('backup:changePassphrase', d),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('backup.passphrase.done') });
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Paper withBorder p="lg" maw={620}>
      <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
        <Stack>
          <Title order={4}>{t('backup.passphrase.title')}</Title>
          <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="passphrase-old-backups">
            {t('backup.passphrase.oldBackups')}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('backup.passphrase.intro')}
          </Text>
          <PasswordInput
            label={t('backup.passphrase.password')}
            autoComplete="current-password"
            {...field('password')}
          />
          <PasswordInput
            label={t('backup.passphrase.new')}
            autoComplete="new-password"
            {...field('newPassphrase')}
          />
          <PasswordInput
            label={t('backup.passphrase.confirm')}
            autoComplete="new-password"
            {...field('newPassphraseConfirm')}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('backup.passphrase.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
