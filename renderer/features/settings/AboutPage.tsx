import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/queries';
import { formatDate } from '../../lib/format';
import { useRefDatasets } from '../refdata/queries';

export function AboutPage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const datasets = useRefDatasets();
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
          {datasets.data?.map((d) => (
            <List.Item key={d.name} data-testid={`dataset-${d.name}`}>
              {d.name === 'idn-area-data'
                ? t('about.regionsCredit', { version: d.version })
                : t('about.kbliCredit', { version: d.version, source: d.source })}{' '}
              <Text span size="xs" c="dimmed">
                ({d.licence}; {t('about.datasetLoaded', { date: formatDate(d.loadedAt) })})
              </Text>
            </List.Item>
          ))}
        </List>
        <Anchor size="sm" href="#/" mt="sm">
          {t('nav.home')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
