import { Alert, Code, Container, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/schemas/office';

export function StartupErrorPage({ error, dataDir }: { error: AppInfo['startupError']; dataDir?: string }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={2}>{t('startup.title')}</Title>
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={error ? t(`startup.${error.code}`) : t('errors.connection')}
        >
          <Text size="sm">{t('startup.what')}</Text>
        </Alert>
        {error?.backupPath && <Text size="sm">{t('startup.backup', { path: error.backupPath })}</Text>}
        {dataDir && <Text size="sm">{t('startup.dataDir', { path: dataDir })}</Text>}
        {error && (
          <>
            <Text size="sm" fw={600}>
              {t('startup.detail')}
            </Text>
            <Code block>{error.detail}</Code>
          </>
        )}
      </Stack>
    </Container>
  );
}
