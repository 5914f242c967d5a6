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
import { showIpcError, useFieldProps } from '../../lib/forms';
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
/** A new secret (the admin's password, the backup passphrase) and its confirmation, side by side. */
function NewSecretTwice({ labels, fields }: { labels: [string, string]; fields: [object, object] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {fields.map((f, i) => (
        <PasswordInput key={labels[i]} label={labels[i]} {...f} withAsterisk autoComplete="new-password" />
      ))}
    </SimpleGrid>
  );
}

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
  const { formState, setError } = form;
  const e = formState.errors;
  const field = useFieldProps(form);
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
                  {...field('office.addressLine1')}
                  withAsterisk
                />
                <TextInput label={t('setup.office.addressLine2')} {...field('office.addressLine2')} />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={t('setup.office.phone')} {...field('office.phone')} />
                  <TextInput label={t('setup.office.email')} {...field('office.email')} />
                  <TextInput label={t('setup.office.postalCode')} {...field('office.postalCode')} />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.camat')}>
              <Stack mt="md">
                <TextInput label={t('setup.office.camatName')} {...field('office.camatName')} withAsterisk />
                <TextInput
                  label={t('setup.office.camatRank')}
                  placeholder="Pembina Tk. I (IV/b)"
                  {...field('office.camatRank')}
                />
                <TextInput
                  label={t('setup.office.camatNip')}
                  placeholder="197501012000031001"
                  {...field('office.camatNip')}
                />
                <TextInput
                  label={t('letters.setup.classificationCode')}
                  description={t('letters.settings.classificationHint')}
                  {...field('letterClassificationCode')}
                  data-testid="setup-classification"
                />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.admin')}>
              <Stack mt="md">
                <Text size="sm" c="dimmed">
                  {t('setup.admin.intro')}
                </Text>
                <TextInput label={t('setup.admin.fullName')} {...field('admin.fullName')} withAsterisk />
                <TextInput
                  label={t('setup.admin.username')}
                  {...field('admin.username')}
                  withAsterisk
                  autoComplete="username"
                />
                <NewSecretTwice
                  labels={[t('setup.admin.password'), t('setup.admin.passwordConfirm')]}
                  fields={[field('admin.password'), field('admin.passwordConfirm')]}
                />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.backup')}>
              <Stack mt="md">
                <Alert color="orange" icon={<IconAlertTriangle />} title={t('setup.backup.warningTitle')}>
                  {t('setup.backup.warning')}
                </Alert>
                <NewSecretTwice
                  labels={[t('setup.backup.passphrase'), t('setup.backup.passphraseConfirm')]}
                  fields={[field('backupPassphrase'), field('backupPassphraseConfirm')]}
                />
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
