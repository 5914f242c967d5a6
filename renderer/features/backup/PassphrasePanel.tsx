import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changePassphraseSchema, type ChangePassphraseInput } from '../../../shared/schemas/backup';
import { call } from '../../lib/ipc';
import { NewSecretFields, useNewSecretForm } from '../../components/NewSecretForm';

/**
 * Admin: a new backup passphrase for the backups to come, confirmed with the admin's own password. Says
 * plainly that backups already made keep opening with the passphrase they were made under.
 */
export function PassphrasePanel() {
  const { t } = useTranslation();
  const { form, field, save } = useNewSecretForm<ChangePassphraseInput>(
    changePassphraseSchema,
    { password: '', newPassphrase: '', newPassphraseConfirm: '' },
    (d) => call('backup:changePassphrase', d),
    'backup.passphrase.done',
  );
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
          <NewSecretFields
            ns="backup.passphrase"
            current="password"
            fields={[field('password'), field('newPassphrase'), field('newPassphraseConfirm')]}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Paper>
  );
}
