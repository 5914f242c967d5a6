import { Anchor, Badge, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ACTIVITY_TYPES, FUNDING_SOURCES, type ActivitySummary } from '../../../shared/schemas/activity';
import { formatDate } from '../../lib/format';
import { ActivityFormModal } from './ActivityForm';
import { useActivities } from './queries';
import { TableHead } from '../../components/TableHead';
import { PageHeader } from '../../components/PageHeader';
import { FilterSearch } from '../../components/FilterSearch';

/** "10 Mar 2026" or "10 – 17 Maret 2026 (3 hari)" */
export function daysText(a: Pick<ActivitySummary, 'firstDay' | 'lastDay' | 'dayCount'>, t: TFunction) {
  if (!a.firstDay) return '—';
  if (a.firstDay === a.lastDay) return formatDate(a.firstDay);
  return `${formatDate(a.firstDay)} – ${formatDate(a.lastDay)} (${t('activities.detail.days', { count: a.dayCount })})`;
}

export function ActivityListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [funding, setFunding] = useState<string | null>(null);
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const q = useActivities({
    query,
    type: (type ?? undefined) as ActivitySummary['type'] | undefined,
    funding: (funding ?? undefined) as ActivitySummary['funding'] | undefined,
    includeArchived: archived,
  });
  return (
    <Stack>
      <PageHeader
        title={t('activities.title')}
        subtitle={t('activities.subtitle')}
        action={{ label: t('activities.new'), icon: IconPlus, onClick: () => setCreating(true) }}
      />
      <Paper withBorder p="md">
        <Group align="flex-end">
          <FilterSearch
            label={t('common.search')}
            placeholder={t('activities.search')}
            value={query}
            onChange={setQuery}
          />
          {(
            [
              { key: 'type', options: ACTIVITY_TYPES, value: type, onChange: setType, w: undefined },
              { key: 'funding', options: FUNDING_SOURCES, value: funding, onChange: setFunding, w: 160 },
            ] as const
          ).map(({ key, options, value, onChange, w }) => (
            <Select
              key={key}
              label={t(`activities.fields.${key}`)}
              placeholder={t('activities.all')}
              clearable
              data={options.map((c) => ({ value: c, label: t(`activities.${key}.${c}`) }))}
              value={value}
              onChange={onChange}
              w={w}
            />
          ))}
          <Checkbox
            mb={8}
            label={t('activities.includeArchived')}
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
          />
        </Group>
      </Paper>
      <Paper withBorder p="md">
        {q.data && q.data.length === 0 && <Text c="dimmed">{t('activities.empty')}</Text>}
        {q.data && q.data.length > 0 && (
          <Table striped highlightOnHover data-testid="activity-table">
            <TableHead
              columns={[
                t('activities.fields.title'),
                t('activities.fields.type'),
                t('activities.fields.dates'),
                t('activities.fields.organiser'),
                t('activities.fields.funding'),
                { label: t('activities.fields.participants'), ta: 'right' },
              ]}
            />
            <Table.Tbody>
              {q.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/kegiatan/${a.id}`}>
                      {a.title}
                    </Anchor>
                    {a.batch && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        · {a.batch}
                      </Text>
                    )}
                    {a.archivedAt && (
                      <Badge ml="xs" size="xs" color="gray">
                        {t('activities.archivedTag')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`activities.type.${a.type}`)}</Table.Td>
                  <Table.Td>{daysText(a, t)}</Table.Td>
                  <Table.Td>
                    {a.organiser === 'lainnya' ? a.organiserOther : t(`activities.organiser.${a.organiser}`)}
                  </Table.Td>
                  <Table.Td>
                    {a.funding === 'lainnya' ? a.fundingOther : t(`activities.funding.${a.funding}`)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {a.quota ? `${a.participantCount}/${a.quota}` : a.participantCount}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {creating && (
        <ActivityFormModal
          activity={null}
          opened
          onClose={() => setCreating(false)}
          onSaved={(a) => {
            setCreating(false);
            void navigate(`/kegiatan/${a.id}`);
          }}
        />
      )}
    </Stack>
  );
}
