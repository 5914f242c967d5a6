import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBackupStatus } from './queries';
import { formatDate } from '../../lib/format';

/**
 * On the home screen: shown when there has never been a USB backup or the last is 7 days old or more; a
 * restored register says which backup it holds (issue 11 item 13).
 */
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
        s.restoredFrom
          ? t(`backup.reminder.${s.restoredFrom.source === 'usb' ? 'restoredUsb' : 'restoredAuto'}`, {
              date: formatDate(s.restoredFrom.backupCreatedAt),
              count: s.daysSinceUsb ?? 0,
            })
          : s.daysSinceUsb === null
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
