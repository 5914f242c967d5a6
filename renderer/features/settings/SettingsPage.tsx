import { Anchor, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/schemas/office';
import { appKeys, useAppInfo } from '../../app/queries';
import { showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const info = useAppInfo();
  const setLang = useMutation({
    mutationFn: (language: Language) => call('app:setLanguage', { language }),
    onSuccess: async ({ language }) => {
      await i18n.changeLanguage(language);
      await qc.invalidateQueries({ queryKey: appKeys.info });
    },
    onError: (e) => showIpcError(e, t),
  });
  const o = info.data?.office;
  return (
    <Stack maw={820}>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="lg">
        <Text fw={600} mb="xs">
          {t('common.language')}
        </Text>
        <SegmentedControl
          aria-label={t('common.language')}
          value={info.data?.language ?? 'id'}
          onChange={(v) => setLang.mutate(v)}
          data={[
            { value: 'id', label: t('common.languages.id') },
            { value: 'en', label: t('common.languages.en') },
          ]}
        />
      </Paper>
      {o && (
        <Paper withBorder p="lg">
          <Text fw={600} mb="sm">
            {t('settings.office')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Row label={t('setup.office.districtName')} value={`${o.districtName} (${o.districtCode})`} />
            <Row label={t('setup.office.regencyName')} value={`${o.regencyName} (${o.regencyCode})`} />
            <Row label={t('setup.office.provinceName')} value={`${o.provinceName} (${o.provinceCode})`} />
            <Row
              label={t('setup.office.addressLine1')}
              value={[o.addressLine1, o.addressLine2].filter(Boolean).join(', ')}
            />
            <Row label={t('setup.office.camatName')} value={o.camatName} />
            <Row label={t('setup.office.camatNip')} value={o.camatNip} />
          </SimpleGrid>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <Anchor component={Link} to="/pengaturan/surat" fw={600} data-testid="letter-settings-link">
          {t('letters.settings.link')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('letters.settings.linkHint')}
        </Text>
      </Paper>
      <Paper withBorder p="lg">
        <Row label={t('settings.dataDir')} value={info.data?.dataDir} />
      </Paper>
    </Stack>
  );
}
