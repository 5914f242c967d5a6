import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitCounts, ImportEnd, ImportProgress } from '../../../shared/schemas/import';
import { formatNumber } from '../../lib/format';
import type { Job } from './ImportPage';
import { importKeys } from './queries';
import { RunningJob } from './RunningJob';

const COUNTS: (keyof CommitCounts)[] = ['created', 'merged', 'filled', 'skipped', 'waiting'];

interface Props {
  job: Job | null;
  progress: ImportProgress | null;
  end: ImportEnd | null;
  onAnother: () => void;
}

/** Step 5: the commit as a job (rows written, cancel between batches), then what it did. */
export function CommitStep({ job, progress, end, onAnother }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const finished = end?.phase === 'commit' ? end : null;
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: importKeys.all });
    void qc.invalidateQueries({ queryKey: ['business'] });
  }, [finished, qc]);

  if (!finished) {
    const p = job?.jobId && progress?.jobId === job.jobId ? progress : null;
    const pct = p && p.total > 0 ? (p.done / p.total) * 100 : 0;
    return (
      <RunningJob job={job} title={t('import.commit.running')} value={pct}>
        <Text size="sm" c="dimmed" data-testid="commit-progress">
          {p
            ? t('import.commit.progress', { done: formatNumber(p.done), total: formatNumber(p.total) })
            : t('import.commit.preparing')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('import.commit.cancelHelp')}
        </Text>
      </RunningJob>
    );
  }
  const r = finished.result;
  return (
    <Stack gap="md">
      {finished.status === 'failed' || !r ? (
        <Alert color="red" data-testid="commit-failed">
          {t(finished.message ?? 'errors.internal', finished.params ?? {})}
        </Alert>
      ) : (
        <>
          <Alert color={r.cancelled ? 'yellow' : 'teal'} data-testid="commit-done">
            {r.cancelled
              ? t('import.commit.cancelled', { created: formatNumber(r.created) })
              : t('import.commit.done', { created: formatNumber(r.created) })}{' '}
            {t('import.commit.undoHint')}
          </Alert>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            {COUNTS.map((k) => (
              <Card key={k} withBorder padding="sm" data-testid={`result-${k}`}>
                <Text size="xs" c="dimmed">
                  {t(`import.result.${k}`)}
                </Text>
                <Text fw={700} size="xl" data-testid={`result-${k}-value`}>
                  {formatNumber(Number(r[k]))}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {r.waiting > 0 && <Text size="sm">{t('import.commit.waitingHelp', { count: r.waiting })}</Text>}
        </>
      )}
      <Group justify="space-between">
        <Button component={Link} to="/usaha" variant="light" leftSection={<IconList size={16} />}>
          {t('import.commit.toList')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('import.commit.another')}
        </Button>
      </Group>
    </Stack>
  );
}
