import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconSquarePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppInfo } from '../../app/queries';
import { formatNumber } from '../../lib/format';
import { useBusinessCount } from '../business/queries';
import { BackupReminder } from '../backup/BackupReminder';
import { usePermitCounts } from '../permits/queries';

/** The first screen after sign-in: how many are registered, and the two things a clerk does most. */
export function HomePage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const count = useBusinessCount();
  const permits = usePermitCounts();
  const office = info.data?.office;
  return (
    <Stack>
      <div>
        <Title order={2}>{t('home.greeting', { name: info.data?.user?.fullName ?? '' })}</Title>
        {office && (
          <Text c="dimmed">{`Kecamatan ${office.districtName}, ${office.regencyName}, ${office.provinceName}`}</Text>
        )}
      </div>
      <BackupReminder />
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('home.registered')}
          </Text>
          <Text size="xl" fw={700} data-testid="home-count">
            {formatNumber(count.data?.total ?? 0)}
          </Text>
        </Paper>
        {(['due', 'expired', 'none', 'food'] as const).map((k) => (
          <Paper
            key={k}
            withBorder
            p="md"
            component={Link}
            to={`/izin?daftar=${k}`}
            style={{ color: 'inherit', textDecoration: 'none' }}
            data-testid={`home-permits-${k}`}
          >
            <Text size="sm" c="dimmed">
              {t(`permits.home.${k}`)}
            </Text>
            <Text size="xl" fw={700} c={k === 'expired' ? 'red' : k === 'due' ? 'orange' : undefined}>
              {permits.data ? formatNumber(permits.data[k]) : '…'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group>
        <Button component={Link} to="/usaha/baru" leftSection={<IconSquarePlus size={18} />} size="md">
          {t('nav.register')}
        </Button>
        <Button
          component={Link}
          to="/usaha"
          variant="default"
          leftSection={<IconBuildingStore size={18} />}
          size="md"
        >
          {t('home.find')}
        </Button>
      </Group>
    </Stack>
  );
}
