import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog asking the reason for archiving or restoring (an activity, a participant), then saving it. */
export function ReasonModal({
  title,
  action,
  color,
  loading,
  onSave,
  onClose,
}: {
  title: ReactNode;
  action: string;
  color?: string;
  loading: boolean;
  onSave: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Textarea
          label={t('activities.archiveReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          withAsterisk
        />
        <Group justify="flex-end">
          <Button color={color} disabled={!reason.trim()} loading={loading} onClick={() => onSave(reason)}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
