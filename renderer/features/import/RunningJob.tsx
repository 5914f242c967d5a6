import { Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/ipc';
import type { Job } from './ImportPage';

/** An import job still running (the dry run, the commit): its title, a progress bar, what it has done, "cancel". */
export function RunningJob({
  job,
  title,
  value,
  striped,
  children,
}: {
  job: Job | null;
  title: string;
  value: number;
  striped?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Progress value={value} animated striped={striped} aria-label={title} />
        {children}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!job?.jobId}
            onClick={() => job?.jobId && void call('import:cancel', { jobId: job.jobId })}
          >
            {t('import.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
