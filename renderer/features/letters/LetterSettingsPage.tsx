import { zodResolver } from '@hookform/resolvers/zod';
import {
  Anchor,
  Button,
  Code,
  FileButton,
  Group,
  Image,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  BODY_PLACEHOLDERS,
  NUMBER_PARTS,
  letterSettingsSchema,
  type LetterSettingsView,
} from '../../../shared/schemas/letter';
import { call, fileUrl, isElectron } from '../../lib/ipc';
import { fieldError, showIpcError } from '../../lib/forms';
import { PdfCanvasViewer } from '../../components/PdfCanvasViewer';
import { fromBase64 } from './pdf';
import { letterKeys, useLetterSettings } from './queries';
import { TitledPaper } from '../../components/TitledPaper';

type In = z.input<typeof letterSettingsSchema>;
type Out = z.output<typeof letterSettingsSchema>;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function SettingsForm({ view }: { view: LetterSettingsView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // the last preview's bytes (base64) and a counter, so each new preview loads afresh
  const [previewPdf, setPreviewPdf] = useState<{ n: number; base64: string } | null>(null);
  const [emblemKey, setEmblemKey] = useState(0);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(letterSettingsSchema),
    defaultValues: { ...view.settings },
  });
  const save = useMutation({
    mutationFn: (v: Out) => call('letter:settingsSave', v),
    onSuccess: async (v) => {
      qc.setQueryData(letterKeys.settings, v);
      notifications.show({ color: 'teal', message: t('letters.settings.saved') });
    },
    onError: (e) => showIpcError(e, t, form.setError),
  });
  const preview = useMutation({
    mutationFn: (v: Out) => call('letter:preview', { settings: v }),
    onSuccess: (p) => setPreviewPdf((old) => ({ n: (old?.n ?? 0) + 1, base64: p.base64 })),
    onError: (e) => showIpcError(e, t, form.setError),
  });
  const emblem = useMutation({
    mutationFn: async (file: File | null) =>
      file ? call('letter:emblemSet', { dataBase64: await readAsBase64(file) }) : call('letter:emblemClear'),
    onSuccess: (v) => {
      qc.setQueryData(letterKeys.settings, v);
      setEmblemKey((k) => k + 1);
    },
    onError: (e) => showIpcError(e, t),
  });
  const err = (name: keyof In) => fieldError(t, form.formState.errors[name]);
  /** A text field of the settings: its label (letters.settings.*), the form's binding and its error. */
  const textField = (name: keyof In) => ({
    label: t(`letters.settings.${name}`),
    ...form.register(name),
    error: err(name),
  });
  const signerMode = useWatch({ control: form.control, name: 'signerMode' });
  const current = qc.getQueryData<LetterSettingsView>(letterKeys.settings) ?? view;
  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)}>
      <Stack>
        <TitledPaper title={t('letters.settings.letterhead')}>
          <Group align="center">
            {current.emblemPath && !isElectron ? (
              <Image key={emblemKey} src={fileUrl(current.emblemPath)} h={80} w="auto" fit="contain" alt="" />
            ) : (
              <Text size="sm" c="dimmed">
                {current.emblemPath ? t('letters.settings.emblemSet') : t('letters.settings.noEmblem')}
              </Text>
            )}
            <FileButton onChange={(f) => f && emblem.mutate(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button
                  variant="light"
                  leftSection={<IconPhoto size={16} />}
                  loading={emblem.isPending}
                  {...props}
                >
                  {t('letters.settings.uploadEmblem')}
                </Button>
              )}
            </FileButton>
            {current.emblemPath && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => emblem.mutate(null)}
              >
                {t('letters.settings.removeEmblem')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('letters.settings.emblemHint')}
          </Text>
          <TextInput {...textField('website')} />
          <Controller
            control={form.control}
            name="paper"
            render={({ field }) => (
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('letters.settings.paper')}
                </Text>
                <SegmentedControl
                  value={field.value}
                  onChange={field.onChange}
                  data={[
                    { value: 'A4', label: 'A4 (210 × 297 mm)' },
                    { value: 'F4', label: 'F4 (215 × 330 mm)' },
                  ]}
                />
              </div>
            )}
          />
        </TitledPaper>
        <TitledPaper title={t('letters.settings.numbering')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...textField('numberTemplate')} />
            <TextInput
              description={t('letters.settings.classificationHint')}
              {...textField('classificationCode')}
            />
          </SimpleGrid>
          <Text size="sm">
            {t('letters.settings.nextNumber')}{' '}
            <Code data-testid="next-number">{current.nextNumberExample}</Code>
          </Text>
          <Text size="xs" c="dimmed">
            {t('letters.settings.numberParts')}{' '}
            {NUMBER_PARTS.map((p) => (
              <Code key={p} mr={4}>{`{${p === 'nomor' ? 'nomor:3' : p}}`}</Code>
            ))}
          </Text>
        </TitledPaper>
        <TitledPaper title={t('letters.settings.body')}>
          <Text size="xs" c="dimmed">
            {t('letters.settings.placeholders')}{' '}
            {BODY_PLACEHOLDERS.map((p) => (
              <Code key={p} mr={4}>{`{${p}}`}</Code>
            ))}
          </Text>
          <TextInput {...textField('title')} />
          <Textarea autosize minRows={2} {...textField('opening')} />
          <Textarea autosize minRows={3} {...textField('statement')} />
          <Textarea autosize minRows={1} {...textField('purposeSentence')} />
          <TextInput {...textField('defaultPurpose')} />
          <Textarea autosize minRows={1} {...textField('closing')} />
          <Textarea
            autosize
            minRows={2}
            description={t('letters.settings.tembusanHint')}
            {...textField('tembusan')}
          />
        </TitledPaper>
        <TitledPaper title={t('letters.settings.signer')}>
          <Controller
            control={form.control}
            name="signerMode"
            render={({ field }) => (
              <SegmentedControl
                value={field.value}
                onChange={field.onChange}
                data={[
                  { value: 'camat', label: t('letters.settings.signerCamat') },
                  { value: 'an', label: t('letters.settings.signerAn') },
                  { value: 'plt', label: t('letters.settings.signerPlt') },
                  { value: 'plh', label: t('letters.settings.signerPlh') },
                ]}
              />
            )}
          />
          <Text size="sm" c="dimmed">
            {t('letters.settings.signerHint')}
          </Text>
          {signerMode !== 'camat' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {signerMode === 'an' && (
                <TextInput
                  label={t('letters.settings.signerOffice')}
                  placeholder="Sekretaris Kecamatan"
                  {...form.register('signerOffice')}
                  error={err('signerOffice')}
                />
              )}
              <TextInput {...textField('signerName')} />
              <TextInput {...textField('signerRank')} />
              <TextInput {...textField('signerNip')} />
            </SimpleGrid>
          )}
        </TitledPaper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconEye size={16} />}
            loading={preview.isPending}
            onClick={() => void form.handleSubmit((v) => preview.mutate(v))()}
          >
            {t('letters.settings.preview')}
          </Button>
        </Group>
        {previewPdf && (
          <PdfCanvasViewer
            load={() => Promise.resolve(fromBase64(previewPdf.base64))}
            loadKey={previewPdf.n}
            title={t('letters.previewTitle')}
            testId="settings-preview"
            height="80vh"
          />
        )}
      </Stack>
    </form>
  );
}

/** Letter settings: letterhead emblem, paper, number template, body texts with placeholders, signer. */
export function LetterSettingsPage() {
  const { t } = useTranslation();
  const q = useLetterSettings();
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/pengaturan" size="sm">
        ← {t('nav.settings')}
      </Anchor>
      <Title order={2}>{t('letters.settings.pageTitle')}</Title>
      {q.data ? <SettingsForm view={q.data} /> : <Text>{t('common.loading')}</Text>}
    </Stack>
  );
}
