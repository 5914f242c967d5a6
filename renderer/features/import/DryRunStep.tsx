import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DryRunSummary } from '../../../shared/import/dry-run';
import type { ImportEnd, ImportProgress } from '../../../shared/schemas/import';
import { formatNumber } from '../../lib/format';
import { showIpcError } from '../../lib/forms';
import { offerFile } from '../export/ExportMenu';
import type { Job } from './ImportPage';
import { useReview } from './queries';
import { RunningJob } from './RunningJob';

/** The seven numbers first, then the details the clerk may want. */
const MAIN: (keyof DryRunSummary)[] = [
  'rows',
  'ready',
  'needsReview',
  'duplicatesInFile',
  'duplicatesInRegister',
  'nikDamaged',
  'villageUnknown',
];
const MORE: (keyof DryRunSummary)[] = [
  'blocked',
  'villageDoubtful',
  'villageCorrected',
  'permitCandidates',
  'blankRows',
];
const WARN = new Set<keyof DryRunSummary>([
  'needsReview',
  'duplicatesInFile',
  'duplicatesInRegister',
  'nikDamaged',
  'villageUnknown',
]);

interface Props {
  uploadId: string;
  job: Job | null;
  progress: ImportProgress | null;
  end: ImportEnd | null;
  onBack: () => void;
  onNext: () => void;
}

/** Step 3: the dry run as a job (rows read, cancel), then its summary and the review sheet. */
export function DryRunStep({ uploadId, job, progress, end, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const finished = end?.phase === 'dryRun' ? end : null;
  const review = useReview(uploadId, finished?.status === 'done');

  if (!finished) {
    const rows = job?.jobId && progress?.jobId === job.jobId ? progress.done : 0;
    return (
      <RunningJob job={job} title={t('import.dryRun.running')} value={100} striped>
        <Text size="sm" c="dimmed" data-testid="dryrun-progress">
          {t('import.dryRun.rowsRead', { rows: formatNumber(rows) })}
        </Text>
      </RunningJob>
    );
  }
  if (finished.status !== 'done')
    return (
      <Stack>
        <Alert color={finished.status === 'cancelled' ? 'yellow' : 'red'} data-testid="dryrun-failed">
          {finished.status === 'cancelled'
            ? t('import.dryRun.cancelled')
            : t(finished.message ?? 'errors.internal', finished.params ?? {})}
        </Alert>
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('import.dryRun.backToMapping')}
          </Button>
        </Group>
      </Stack>
    );
  const r = review.data;
  if (!r) return <Loader />;
  const s = r.summary;
  const stat = (k: keyof DryRunSummary, big: boolean) => (
    <Card key={k} withBorder padding="sm" data-testid={`summary-${k}`}>
      <Text size="xs" c="dimmed" lh={1.3} mih={big ? 31 : undefined} lineClamp={2}>
        {t(`import.summary.${k}`)}
      </Text>
      <Text
        fw={700}
        size={big ? 'xl' : 'lg'}
        c={WARN.has(k) && s[k] > 0 ? 'orange.8' : k === 'ready' ? 'teal.8' : undefined}
        data-testid={`summary-${k}-value`}
      >
        {formatNumber(s[k])}
      </Text>
    </Card>
  );
  const decisions = r.villageGroups.total + r.duplicateGroups.total + r.registerRows.total;
  return (
    <Stack gap="md">
      <Alert color={s.needsReview ? 'orange' : 'teal'} data-testid="dryrun-done">
        {t('import.dryRun.done', { file: r.fileName, rows: formatNumber(s.rows) })}{' '}
        {s.blocked ? t('import.dryRun.blockedHint', { count: s.blocked }) : t('import.dryRun.allReady')}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        {MAIN.map((k) => stat(k, true))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {MORE.map((k) => stat(k, false))}
      </SimpleGrid>
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('import.dryRun.backToMapping')}
          </Button>
          {r.reviewFile && (
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              data-testid="review-sheet"
              onClick={() =>
                void offerFile(r.reviewFile!.fileRel, r.reviewFile!.fileName).catch((e) => showIpcError(e, t))
              }
            >
              {t('import.dryRun.reviewSheet')}
            </Button>
          )}
        </Group>
        <Button rightSection={<IconArrowRight size={16} />} onClick={onNext}>
          {decisions ? t('import.dryRun.toDecisions', { count: decisions }) : t('import.dryRun.toCommit')}
        </Button>
      </Group>
    </Stack>
  );
}
