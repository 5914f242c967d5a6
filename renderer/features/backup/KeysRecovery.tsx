import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconKeyOff } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recoverKeysSchema, type RecoverKeysInput } from '../../../shared/schemas/backup';
import { appKeys } from '../../app/queries';
import { fieldError, showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';

/**
 * Admin: the backup passphrase opens the key escrow in the database and the keys are wrapped again under
 * this PC's new machine key (backup:recoverKeys). A wrong passphrase is said under the field.
 */
export function KeysRecoveryForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<RecoverKeysInput>({
    resolver: zodResolver(recoverKeysSchema),
    defaultValues: { passphrase: '' },
  });
  const recover = useMutation({
    mutationFn: (d: RecoverKeysInput) => call('backup:recoverKeys', d),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('keys.recover.done') });
      void qc.invalidateQueries({ queryKey: appKeys.info });
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <form onSubmit={form.handleSubmit((d) => recover.mutate(d))} noValidate data-testid="keys-recover-form">
      <Stack>
        <Text size="sm">{t('keys.recover.how')}</Text>
        <PasswordInput
          label={t('keys.recover.passphrase')}
          autoComplete="off"
          {...form.register('passphrase')}
          error={fieldError(t, form.formState.errors.passphrase)}
        />
        <Button type="submit" loading={recover.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('keys.recover.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('keys.recover.forgotten')}
        </Text>
      </Stack>
    </form>
  );
}

/**
 * Shown after sign-in while the stored keys do not open with this PC's machine key (app:info
 * keysUnavailable). Never a dead end: an administrator recovers the keys here; anyone may go on without them
 * (the register works; backups and letters say why they cannot).
 */
export function KeysRecoveryPage({ isAdmin, onLater }: { isAdmin: boolean; onLater: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2}>{t('keys.recover.title')}</Title>
          <Alert color="orange" icon={<IconKeyOff />}>
            {t('keys.recover.why')}
          </Alert>
          {isAdmin ? <KeysRecoveryForm /> : <Text size="sm">{t('keys.recover.notAdmin')}</Text>}
          <Group>
            <Button variant="default" onClick={onLater}>
              {t('keys.recover.later')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
