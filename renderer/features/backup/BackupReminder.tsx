import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBackupStatus } from './queries';

/** On the home screen: shown when there has never been a USB backup or the last is 7 days old or more. */
export function BackupReminder() {
  const { t } = useTranslation();
  const status = useBackupStatus();
  const s = status.data;
  if (!s || !s.reminderDue) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconDeviceFloppy size={20} />}
      data-testid="backup-reminder"
      title={
        s.daysSinceUsb === null
          ? t('backup.reminder.never')
          : t('backup.reminder.days', { count: s.daysSinceUsb })
      }
    >
      <Group justify="space-between">
        <Text size="sm">{t('backup.reminder.body')}</Text>
        <Button component={Link} to="/cadangan" size="sm" color="yellow.8">
          {t('backup.reminder.action')}
        </Button>
      </Group>
    </Alert>
  );
}
