import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconClockHour4, IconFileOff, IconSalad } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { WORKLIST_KINDS, type WorklistKind } from '../../../shared/schemas/permit';
import { useAppInfo } from '../../app/queries';
import { formatDate, formatNumber } from '../../lib/format';
import { useRegionChildren } from '../refdata/queries';
import { PermitStateBadge } from './PermitsCard';
import { usePermitCounts, usePermitWorklist } from './queries';
import { PageHeader } from '../../components/PageHeader';

const PAGE = 50;
const ICON = { due: IconClockHour4, expired: IconAlertTriangle, none: IconFileOff, food: IconSalad };
type Sort = 'date' | 'village' | 'name' | 'registration';
const SORTS: Record<WorklistKind, Sort[]> = {
  due: ['date', 'village'],
  expired: ['date', 'village'],
  none: ['registration', 'name', 'village'],
  food: ['registration', 'name', 'village'],
};

/** The Izin page (issue 8 item 2): four worklists with counts, by desa and KBLI, sortable, in pages of 50. */
export function PermitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = (WORKLIST_KINDS as readonly string[]).includes(params.get('daftar') ?? '')
    ? (params.get('daftar') as WorklistKind)
    : 'due';
  const info = useAppInfo();
  const villages = useRegionChildren(info.data?.office?.districtCode ?? null, !!info.data?.office);
  const [villageCode, setVillageCode] = useState<string | null>(null);
  const [kbli, setKbli] = useState('');
  const [kbliDebounced] = useDebouncedValue(kbli.replace(/\D/g, '').slice(0, 5), 200);
  const [sort, setSort] = useState<Sort | null>(null);
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [offset, setOffset] = useState(0);
  const activeSort = sort && SORTS[kind].includes(sort) ? sort : SORTS[kind][0]!;
  const counts = usePermitCounts();
  const list = usePermitWorklist({
    kind,
    villageCode: villageCode ?? undefined,
    kbliCode: kbliDebounced || undefined,
    sort: activeSort,
    direction,
    limit: PAGE,
    offset,
  });
  const total = list.data?.total ?? 0;
  const dated = kind === 'due' || kind === 'expired';

  return (
    <Stack gap="md">
      <PageHeader title={t('permits.page.title')} subtitle={t('permits.page.intro')} />
      <Tabs
        value={kind}
        onChange={(k) => {
          setOffset(0);
          setParams(k ? { daftar: k } : {});
        }}
      >
        <Tabs.List>
          {WORKLIST_KINDS.map((k) => {
            const Icon = ICON[k];
            return (
              <Tabs.Tab
                key={k}
                value={k}
                leftSection={<Icon size={16} />}
                rightSection={
                  <Badge
                    size="sm"
                    variant="light"
                    color={k === 'expired' ? 'red' : k === 'due' ? 'orange' : 'gray'}
                  >
                    {counts.data ? formatNumber(counts.data[k]) : '…'}
                  </Badge>
                }
                data-testid={`worklist-tab-${k}`}
              >
                {t(`permits.worklist.${k}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('permits.filter.village')}
          placeholder={t('permits.filter.allVillages')}
          data={(villages.data ?? []).map((v) => ({ value: v.code, label: v.displayName }))}
          value={villageCode}
          onChange={(v) => {
            setOffset(0);
            setVillageCode(v);
          }}
          clearable
          searchable
          w={220}
          data-testid="worklist-village"
        />
        <TextInput
          label={t('permits.filter.kbli')}
          placeholder={t('permits.filter.kbliPlaceholder')}
          value={kbli}
          onChange={(e) => {
            setOffset(0);
            setKbli(e.currentTarget.value);
          }}
          w={200}
          data-testid="worklist-kbli"
        />
        <Select
          label={t('permits.filter.sort')}
          data={SORTS[kind].map((s) => ({ value: s, label: t(`permits.sort.${s}`) }))}
          value={activeSort}
          onChange={(s) => {
            setOffset(0);
            setSort(s);
          }}
          allowDeselect={false}
          w={200}
        />
        <Button variant="default" onClick={() => setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))}>
          {t(`permits.direction.${direction}`)}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <Group justify="space-between" px="md" py="xs">
          <Text size="sm" fw={600} data-testid="worklist-total">
            {t('permits.page.count', { count: total, n: formatNumber(total) })}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {total > 0 ? `${formatNumber(offset + 1)}–${formatNumber(Math.min(offset + PAGE, total))}` : ''}
            </Text>
            <Button
              size="xs"
              variant="default"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('permits.page.prev')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('permits.page.next')}
            </Button>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="worklist-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('permits.columns.business')}</Table.Th>
                <Table.Th>{t('permits.columns.village')}</Table.Th>
                <Table.Th>KBLI</Table.Th>
                {dated && <Table.Th>{t('permits.columns.permit')}</Table.Th>}
                {dated && <Table.Th>{t('permits.fields.validUntil')}</Table.Th>}
                {dated && <Table.Th>{t('permits.fields.state')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((r) => (
                <Table.Tr key={`${r.businessId}-${r.permitId ?? 0}`} data-testid="worklist-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/usaha/${r.businessId}`} size="sm" fw={600}>
                      {r.businessName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <Text span ff="monospace" size="xs">
                        {r.registrationNumber}
                      </Text>{' '}
                      · {r.ownerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.villageName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {r.kbliCode ?? '—'}
                    </Text>
                  </Table.Td>
                  {dated && (
                    <Table.Td>
                      <Text size="sm">
                        <b>{r.typeShortName}</b>{' '}
                        <Text span ff="monospace" size="sm">
                          {r.number ?? ''}
                        </Text>
                      </Text>
                    </Table.Td>
                  )}
                  {dated && (
                    <Table.Td>
                      <Text size="sm">{formatDate(r.validUntil)}</Text>
                    </Table.Td>
                  )}
                  {dated && <Table.Td>{r.state && <PermitStateBadge state={r.state} />}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && list.data.items.length === 0 && (
          <Text c="dimmed" size="sm" p="md" data-testid="worklist-empty">
            {t(`permits.page.empty.${kind}`)}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
