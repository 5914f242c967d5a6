import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setupSchema } from '../../../shared/schemas/office';
import { appKeys } from '../../app/queries';
import { fieldError, showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { OfficeRegionFields } from './OfficeRegionFields';
import { RestoreFromSetup } from '../backup/RestoreFromSetup';

type In = z.input<typeof setupSchema>;
type Out = z.output<typeof setupSchema>;

const STEP_FIELDS: FieldPath<In>[][] = [
  [
    'office.provinceCode',
    'office.provinceName',
    'office.regencyCode',
    'office.regencyName',
    'office.districtCode',
    'office.districtName',
    'office.addressLine1',
    'office.addressLine2',
    'office.phone',
    'office.email',
    'office.postalCode',
  ],
  ['office.camatName', 'office.camatRank', 'office.camatNip', 'letterClassificationCode'],
  ['admin.username', 'admin.fullName', 'admin.password', 'admin.passwordConfirm'],
  ['backupPassphrase', 'backupPassphraseConfirm'],
];

/** First run: the office's identity, the Camat, the administrator and the backup passphrase. Cannot be skipped. */
export function SetupPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(setupSchema),
    mode: 'onTouched',
    defaultValues: {
      office: {
        provinceCode: '',
        provinceName: '',
        regencyCode: '',
        regencyName: '',
        districtCode: '',
        districtName: '',
        addressLine1: '',
        addressLine2: '',
        phone: '',
        email: '',
        postalCode: '',
        camatName: '',
        camatRank: '',
        camatNip: '',
      },
      admin: { username: '', fullName: '', password: '', passwordConfirm: '' },
      backupPassphrase: '',
      backupPassphraseConfirm: '',
      letterClassificationCode: '500.9',
    },
  });
  const { register, formState, setError } = form;
  const e = formState.errors;
  const save = useMutation({
    mutationFn: (data: Out) => call('office:setup', data as In),
    onSuccess: () => qc.invalidateQueries({ queryKey: appKeys.info }),
    onError: (err) => showIpcError(err, t, setError),
  });
  const next = async () => {
    const ok = await form.trigger(STEP_FIELDS[step]);
    if (ok) setStep((s) => s + 1);
  };
  const onSubmit = form.handleSubmit((data) => save.mutate(data));

  return (
    <Container size="md" py="xl">
      <Stack gap="xs" mb="lg">
        <Title order={1}>{t('setup.title')}</Title>
        <Text c="dimmed">{t('setup.intro')}</Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stepper
            active={step}
            onStepClick={(s) => s < step && setStep(s)}
            size="sm"
            allowNextStepsSelect={false}
          >
            <Stepper.Step label={t('setup.steps.office')}>
              <Stack mt="md">
                <OfficeRegionFields watch={form.watch} setValue={form.setValue} errors={e} />
                <TextInput
                  label={t('setup.office.addressLine1')}
                  placeholder="Jl. Raya Kalisat No. 1"
                  {...register('office.addressLine1')}
                  error={fieldError(t, e.office?.addressLine1)}
                  withAsterisk
                />
                <TextInput
                  label={t('setup.office.addressLine2')}
                  {...register('office.addressLine2')}
                  error={fieldError(t, e.office?.addressLine2)}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('setup.office.phone')}
                    {...register('office.phone')}
                    error={fieldError(t, e.office?.phone)}
                  />
                  <TextInput
                    label={t('setup.office.email')}
                    {...register('office.email')}
                    error={fieldError(t, e.office?.email)}
                  />
                  <TextInput
                    label={t('setup.office.postalCode')}
                    {...register('office.postalCode')}
                    error={fieldError(t, e.office?.postalCode)}
                  />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.camat')}>
              <Stack mt="md">
                <TextInput
                  label={t('setup.office.camatName')}
                  {...register('office.camatName')}
                  error={fieldError(t, e.office?.camatName)}
                  withAsterisk
                />
                <TextInput
                  label={t('setup.office.camatRank')}
                  placeholder="Pembina Tk. I (IV/b)"
                  {...register('office.camatRank')}
                  error={fieldError(t, e.office?.camatRank)}
                />
                <TextInput
                  label={t('setup.office.camatNip')}
                  placeholder="197501012000031001"
                  {...register('office.camatNip')}
                  error={fieldError(t, e.office?.camatNip)}
                />
                <TextInput
                  label={t('letters.setup.classificationCode')}
                  description={t('letters.settings.classificationHint')}
                  {...register('letterClassificationCode')}
                  error={fieldError(t, e.letterClassificationCode)}
                  data-testid="setup-classification"
                />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.admin')}>
              <Stack mt="md">
                <Text size="sm" c="dimmed">
                  {t('setup.admin.intro')}
                </Text>
                <TextInput
                  label={t('setup.admin.fullName')}
                  {...register('admin.fullName')}
                  error={fieldError(t, e.admin?.fullName)}
                  withAsterisk
                />
                <TextInput
                  label={t('setup.admin.username')}
                  {...register('admin.username')}
                  error={fieldError(t, e.admin?.username)}
                  withAsterisk
                  autoComplete="username"
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <PasswordInput
                    label={t('setup.admin.password')}
                    {...register('admin.password')}
                    error={fieldError(t, e.admin?.password)}
                    withAsterisk
                    autoComplete="new-password"
                  />
                  <PasswordInput
                    label={t('setup.admin.passwordConfirm')}
                    {...register('admin.passwordConfirm')}
                    error={fieldError(t, e.admin?.passwordConfirm)}
                    withAsterisk
                    autoComplete="new-password"
                  />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.backup')}>
              <Stack mt="md">
                <Alert color="orange" icon={<IconAlertTriangle />} title={t('setup.backup.warningTitle')}>
                  {t('setup.backup.warning')}
                </Alert>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <PasswordInput
                    label={t('setup.backup.passphrase')}
                    {...register('backupPassphrase')}
                    error={fieldError(t, e.backupPassphrase)}
                    withAsterisk
                    autoComplete="new-password"
                  />
                  <PasswordInput
                    label={t('setup.backup.passphraseConfirm')}
                    {...register('backupPassphraseConfirm')}
                    error={fieldError(t, e.backupPassphraseConfirm)}
                    withAsterisk
                    autoComplete="new-password"
                  />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
          </Stepper>
          <Group justify="space-between" mt="xl">
            <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
              {t('common.back')}
            </Button>
            {step < STEP_FIELDS.length - 1 ? (
              <Button onClick={() => void next()}>{t('common.next')}</Button>
            ) : (
              <Button type="submit" loading={save.isPending}>
                {t('setup.finish')}
              </Button>
            )}
          </Group>
        </form>
      </Paper>
      <RestoreFromSetup />
    </Container>
  );
}
