import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format';
import { useBusiness } from './queries';

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text ff={mono ? 'monospace' : undefined}>{value || '—'}</Text>
    </div>
  );
}

export function BusinessDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useBusiness(id);
  if (q.isPending) return <Text>{t('common.loading')}</Text>;
  if (q.isError) return <Text c="red">{t('errors.notFound')}</Text>;
  const b = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/usaha" size="sm">
        ← {t('nav.businesses')}
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={2}>{b.name}</Title>
          <Text ff="monospace" c="dimmed" data-testid="registration-number">
            {b.registrationNumber}
          </Text>
        </div>
        <Badge size="lg" variant="light">
          {t(`business.status.${b.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('business.fields.ownerName')} value={b.ownerName} />
          <Field label={t('business.fields.nik')} value={b.ownerNikMasked} mono />
          <Field label={t('business.fields.village')} value={b.villageName} />
          <Field label={t('business.fields.registrationDate')} value={formatDate(b.registrationDate)} />
          <Field label={t('business.fields.updatedAt')} value={formatDateTime(b.updatedAt)} />
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
