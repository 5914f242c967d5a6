import { Alert, Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Shown before issuing when the office has not uploaded the regional emblem: a letter without it is a valid
 * letter but not the office's usual kop, so the clerk confirms, or goes to the settings to upload it.
 */
export function NoEmblemWarning({
  confirmed,
  onConfirm,
}: {
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="no-emblem-warning">
      <Stack gap={6}>
        <Text size="sm">{t('letters.noEmblem.text')}</Text>
        <Anchor component={Link} to="/pengaturan/surat" size="sm">
          {t('letters.noEmblem.upload')}
        </Anchor>
        <Checkbox
          checked={confirmed}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
          label={t('letters.noEmblem.confirm')}
        />
      </Stack>
    </Alert>
  );
}
