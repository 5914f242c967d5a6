import { Anchor, Modal, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestorePanel } from './RestorePanel';

/** On the first-run set-up: a new PC can restore the office's register from a stick instead. */
export function RestoreFromSetup() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Text mt="md" ta="center" size="sm">
        <Anchor
          component="button"
          type="button"
          onClick={() => setOpen(true)}
          data-testid="restore-from-setup"
        >
          <IconRestore size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
          {t('backup.restore.fromSetup')}
        </Anchor>
      </Text>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('backup.restore.title')} size="xl">
        <Text size="sm" c="dimmed" mb="md">
          {t('backup.restore.fromSetupHint')}
        </Text>
        <RestorePanel onRestored={() => setOpen(false)} />
      </Modal>
    </>
  );
}
