import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema, type ChangePasswordInput } from '../../../shared/schemas/accounts';
import { showIpcError, useFieldProps } from '../../lib/forms';
import { call } from '../../lib/ipc';

/** One's own password, with the old one (anyone signed in). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { oldPassword: '', newPassword: '', newPasswordConfirm: '' },
  });
  const field = useFieldProps(form);
  const save = useMutation({
    mutationFn: (d: ChangePasswordInput) => call('auth:changePassword', d),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('accounts.password.done') });
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Stack maw={520}>
      <Title order={2}>{t('accounts.password.title')}</Title>
      <Paper withBorder p="lg">
        <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('accounts.password.intro')}
            </Text>
            <PasswordInput
              label={t('accounts.password.old')}
              autoComplete="current-password"
              {...field('oldPassword')}
            />
            <PasswordInput
              label={t('accounts.password.new')}
              autoComplete="new-password"
              {...field('newPassword')}
            />
            <PasswordInput
              label={t('accounts.password.confirm')}
              autoComplete="new-password"
              {...field('newPasswordConfirm')}
            />
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('accounts.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
