import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema, type ChangePasswordInput } from '../../../shared/schemas/accounts';
import { call } from '../../lib/ipc';
import { NewSecretFields, useNewSecretForm } from '../../components/NewSecretForm';

/** One's own password, with the old one (anyone signed in). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { form, field, save } = useNewSecretForm<ChangePasswordInput>(
    changePasswordSchema,
    { oldPassword: '', newPassword: '', newPasswordConfirm: '' },
    (d) => call('auth:changePassword', d),
    'accounts.password.done',
  );
  return (
    <Stack maw={520}>
      <Title order={2}>{t('accounts.password.title')}</Title>
      <Paper withBorder p="lg">
        <form onSubmit={form.handleSubmit((d) => save.mutate(d))} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('accounts.password.intro')}
            </Text>
            <NewSecretFields
              ns="accounts.password"
              current="old"
              fields={[field('oldPassword'), field('newPassword'), field('newPasswordConfirm')]}
              loading={save.isPending}
            />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
