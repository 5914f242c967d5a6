import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import type { z } from 'zod';
import { batchStartSchema, type BatchDone, type BatchProgress } from '../../../shared/schemas/letter';
import { call, fileUrl, isElectron, onEvent } from '../../lib/ipc';
import { fieldError, showIpcError } from '../../lib/forms';
import { letterKeys, useLetterSettings } from './queries';
import { NoEmblemWarning } from './NoEmblemWarning';

type In = z.input<typeof batchStartSchema>;
type Out = z.output<typeof batchStartSchema>;

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Letters for every business registered in a date range: one PDF or one file each, with progress. */
export function BatchModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useLetterSettings();
  const [job, setJob] = useState<{ jobId: string; total: number } | null>(null);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [done, setDone] = useState<BatchDone | null>(null);
  const [noEmblemOk, setNoEmblemOk] = useState(false);
  const noEmblem = settings.data !== undefined && settings.data.emblemPath === null;
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(batchStartSchema),
    defaultValues: { registeredFrom: today(), registeredTo: today(), purpose: '', output: 'single' },
  });
  const defaultPurpose = settings.data?.settings.defaultPurpose;
  useEffect(() => {
    if (defaultPurpose && !form.getValues('purpose')) form.setValue('purpose', defaultPurpose);
  }, [defaultPurpose, form]);
  useEffect(() => {
    if (!job) return;
    const offP = onEvent('letter:batchProgress', (p) => {
      if (p.jobId === job.jobId) setProgress(p);
    });
    const offD = onEvent('letter:batchDone', (d) => {
      if (d.jobId !== job.jobId) return;
      setDone(d);
      void qc.invalidateQueries({ queryKey: letterKeys.all });
    });
    return () => {
      offP();
      offD();
    };
  }, [job, qc]);
  const start = form.handleSubmit(async (v) => {
    setDone(null);
    setProgress(null);
    try {
      const s = await call('letter:batchStart', v);
      setJob(s);
      setProgress({ jobId: s.jobId, done: 0, total: s.total });
    } catch (e) {
      showIpcError(e, t, form.setError);
    }
  });
  const running = job !== null && done === null;
  const close = () => {
    if (running) return;
    setJob(null);
    setDone(null);
    setProgress(null);
    onClose();
  };
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Modal opened={opened} onClose={close} title={t('letters.batch.title')} size="lg">
      <form onSubmit={(e) => void start(e)}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('letters.batch.explain')}
          </Text>
          <SimpleGrid cols={2}>
            {(['registeredFrom', 'registeredTo'] as const).map((name) => (
              <DateField
                key={name}
                control={form.control}
                name={name}
                label={t(name === 'registeredFrom' ? 'letters.batch.from' : 'letters.batch.to')}
                disabled={running}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('letters.fields.purpose')}
            {...form.register('purpose')}
            error={fieldError(t, form.formState.errors.purpose)}
            disabled={running}
          />
          {noEmblem && !running && <NoEmblemWarning confirmed={noEmblemOk} onConfirm={setNoEmblemOk} />}
          <Controller
            control={form.control}
            name="output"
            render={({ field }) => (
              <Radio.Group label={t('letters.batch.output')} value={field.value} onChange={field.onChange}>
                <Group mt={6}>
                  <Radio value="single" label={t('letters.batch.single')} disabled={running} />
                  <Radio value="separate" label={t('letters.batch.separate')} disabled={running} />
                </Group>
              </Radio.Group>
            )}
          />
          {progress && (
            <Stack gap={4}>
              <Progress value={pct} animated={running} aria-label={t('letters.batch.progress')} />
              <Text size="sm" data-testid="batch-progress">
                {t('letters.batch.progressText', { done: progress.done, total: progress.total })}
              </Text>
            </Stack>
          )}
          {done && (
            <Alert
              color={done.status === 'done' ? 'teal' : done.status === 'cancelled' ? 'orange' : 'red'}
              data-testid="batch-done"
            >
              <Stack gap={6}>
                <Text size="sm">
                  {done.status === 'failed'
                    ? t(done.message ?? 'letters.errors.batchFailed')
                    : t(`letters.batch.done.${done.status}`, { rendered: done.rendered, total: done.total })}
                </Text>
                {done.filePath && !isElectron && (
                  <Button
                    component="a"
                    href={fileUrl(done.filePath)}
                    target="_blank"
                    rel="noopener"
                    size="xs"
                    w="fit-content"
                    data-testid="batch-open"
                  >
                    {t('letters.batch.open')}
                  </Button>
                )}
                {done.folder && <Text size="xs">{t('letters.batch.folder', { folder: done.folder })}</Text>}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            {running ? (
              <Button
                color="red"
                variant="light"
                onClick={() => void call('letter:batchCancel', { jobId: job.jobId }).catch(() => undefined)}
              >
                {t('letters.batch.cancel')}
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={close}>
                  {t('common.close')}
                </Button>
                <Button type="submit" disabled={noEmblem && !noEmblemOk}>
                  {t('letters.batch.start')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
