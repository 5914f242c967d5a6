import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/queries';

export function AboutPage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Stack maw={820}>
      <Title order={2}>{t('about.title')}</Title>
      <Paper withBorder p="lg">
        <Text fw={600}>{t('app.name')}</Text>
        <Text c="dimmed">{t('app.tagline')}</Text>
        <Text mt="sm" size="sm">
          {t('about.version', {
            version: info.data?.appVersion ?? '',
            schema: info.data?.schemaVersion ?? 0,
          })}
        </Text>
      </Paper>
      <Paper withBorder p="lg">
        <Text fw={600} mb="xs">
          {t('about.dataSources')}
        </Text>
        <List size="sm" spacing="xs" data-testid="attributions">
          <List.Item>{t('about.offline')}</List.Item>
        </List>
        <Anchor size="sm" href="#/" mt="sm">
          {t('nav.home')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
