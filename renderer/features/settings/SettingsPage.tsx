import {
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/schemas/office';
import { PP7_RULES, type Pp7Rule } from '../../../shared/domain/size-class';
import { appKeys, sizeRuleKey, useAppInfo, usePp7Rule } from '../../app/queries';
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

/** PP 7/2021: which criterion decides when capital and annual sales give different classes (admin only). */
function SizeRuleSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isAdmin = useAppInfo().data?.user?.role === 'admin';
  const current = usePp7Rule();
  // the choice not saved yet; otherwise the stored rule
  const [picked, setPicked] = useState<Pp7Rule | null>(null);
  const value = picked ?? current.data?.pp7Rule ?? null;
  const save = useMutation({
    mutationFn: (pp7Rule: Pp7Rule) => call('office:sizeRuleSave', { pp7Rule }),
    onSuccess: async (r) => {
      qc.setQueryData(sizeRuleKey, r);
      setPicked(null);
      // every record page, list and report shows classes under the rule
      await qc.invalidateQueries({ queryKey: ['business'] });
      await qc.invalidateQueries({ queryKey: ['report'] });
      notifications.show({ color: 'green', message: t('sizeClass.settings.saved') });
    },
    onError: (e) => showIpcError(e, t),
  });
  return (
    <Paper withBorder p="lg" data-testid="size-rule-settings">
      <Text fw={600} mb={4}>
        {t('sizeClass.settings.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sizeClass.settings.description')}
      </Text>
      <Radio.Group
        label={t('sizeClass.settings.label')}
        value={value ?? ''}
        onChange={(v) => setPicked(v as Pp7Rule)}
      >
        <Stack gap="xs" mt="xs">
          {PP7_RULES.map((r) => (
            <Radio key={r} value={r} label={t(`sizeClass.settings.options.${r}`)} disabled={!isAdmin} />
          ))}
        </Stack>
      </Radio.Group>
      {isAdmin ? (
        <Group mt="md">
          <Button
            onClick={() => value && save.mutate(value)}
            loading={save.isPending}
            disabled={!value || value === current.data?.pp7Rule}
            data-testid="size-rule-save"
          >
            {t('sizeClass.settings.save')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          {t('sizeClass.settings.adminOnly')}
        </Text>
      )}
    </Paper>
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
      <SizeRuleSettings />
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
