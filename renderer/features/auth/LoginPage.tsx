import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { loginSchema, type Office } from '../../../shared/schemas/office';
import { appKeys } from '../../app/queries';
import { showIpcError, useFieldProps } from '../../lib/forms';
import { call } from '../../lib/ipc';

type In = z.input<typeof loginSchema>;

/** `idleMinutes`: the last session ended by the idle time-out (the page says so). */
export function LoginPage({
  office,
  idleMinutes = null,
}: {
  office: Office | null;
  idleMinutes?: number | null;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<In>({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: '', password: '' },
  });
  const field = useFieldProps(form);
  const login = useMutation({
    mutationFn: (data: In) => call('auth:login', data),
    onSuccess: () => qc.invalidateQueries({ queryKey: appKeys.info }),
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder p="xl" radius="md" w={380}>
        <form onSubmit={form.handleSubmit((d) => login.mutate(d))} noValidate>
          <Stack>
            <div>
              <Text fw={700} c="teal.8" size="lg">
                {t('app.name')}
              </Text>
              <Title order={2}>{t('login.title')}</Title>
              {office && (
                <Text c="dimmed" size="sm">
                  {`Kecamatan ${office.districtName}, ${office.regencyName}`}
                </Text>
              )}
            </div>
            {idleMinutes !== null && (
              <Alert color="yellow" data-testid="session-idle">
                {t('login.idle', { minutes: idleMinutes })}
              </Alert>
            )}
            <TextInput label={t('login.username')} autoComplete="username" autoFocus {...field('username')} />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              {...field('password')}
            />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
