import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter, IconCalendarMonth } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_TABLES, type ReportFile, type ReportTable } from '../../../shared/schemas/report';
import { formatNumber } from '../../lib/format';
import { call, fileUrl } from '../../lib/ipc';
import { offerFile } from '../export/ExportMenu';
import { BarChart } from './BarChart';
import { CoverageCards } from './CoverageCards';
import { MonthField } from './MonthField';
import { CountTable } from './CountTable';
import { errorText } from '../../lib/errors';

const TOP = 10;
const monthOk = (m: string) => /^\d{4}-\d{2}$/.test(m);

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Reports: counts by desa, KBLI, size class, status, sex and year, then permit coverage and activity
 * participation (loaded after the first view); tables and charts; PDF, XLSX, monthly.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [village, setVillage] = useState<string | null>(null);
  const filter = {
    from: monthOk(from) ? from : undefined,
    to: monthOk(to) ? to : undefined,
    village: village ?? undefined,
  };
  const summary = useQuery({
    queryKey: ['report', 'summary', filter],
    queryFn: () => call('report:summary', filter),
  });
  // permit coverage and activity participation: heavier, so asked for after the first view
  const coverage = useQuery({
    queryKey: ['report', 'coverage', filter],
    queryFn: () => call('report:coverage', filter),
    enabled: summary.isSuccess,
  });
  const villages = useQuery({ queryKey: ['report', 'villages'], queryFn: () => call('report:summary', {}) });
  const [month, setMonth] = useState(lastMonth());
  const monthly = useQuery({ queryKey: ['report', 'monthly'], queryFn: () => call('report:monthlyList') });

  const doc = useMutation({
    mutationFn: (kind: 'pdf' | 'xlsx') => call(kind === 'pdf' ? 'report:pdf' : 'report:xlsx', filter),
    onSuccess: (f: ReportFile) => void offerFile(f.fileRel, f.fileName),
  });
  const makeMonthly = useMutation({
    mutationFn: () => call('report:monthly', { month }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['report', 'monthly'] }),
  });

  const s = summary.data;
  return (
    <Stack>
      <Group justify="space-between" className="page-title">
        <Title order={2}>{t('reports.title')}</Title>
        <Group gap="xs">
          {(
            [
              ['pdf', IconPrinter, 'reports.printPdf'],
              ['xlsx', IconFileSpreadsheet, 'reports.exportXlsx'],
            ] as const
          ).map(([format, Icon, label]) => (
            <Button
              key={format}
              variant="default"
              leftSection={<Icon size={16} />}
              loading={doc.isPending && doc.variables === format}
              onClick={() => doc.mutate(format)}
            >
              {t(label)}
            </Button>
          ))}
        </Group>
      </Group>
      {doc.isError && <Alert color="red">{errorText(t, doc.error)}</Alert>}
      <Group align="flex-end">
        <MonthField label={t('reports.from')} value={from} onChange={setFrom} testId="report-from" />
        <MonthField label={t('reports.to')} value={to} onChange={setTo} testId="report-to" />
        <Select
          label={t('reports.village')}
          placeholder={t('reports.allVillages')}
          clearable
          searchable
          data={(villages.data?.tables.village ?? []).map((v) => ({ value: v.key, label: v.label }))}
          value={village}
          onChange={setVillage}
        />
        {summary.isError && <Text c="red">{errorText(t, summary.error)}</Text>}
      </Group>
      {!s ? (
        <Loader />
      ) : (
        <>
          <Text fw={600} data-testid="report-total">
            {t('reports.total', { formatted: formatNumber(s.total) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {REPORT_TABLES.map((k) => (
              <ReportCard
                key={k}
                table={k}
                rows={s.tables[k]}
                total={s.total}
                note={
                  k === 'business'
                    ? t('reports.pp7Note', { rule: t(`sizeClass.pp7Rule.${s.pp7Rule}`) })
                    : undefined
                }
              />
            ))}
            <CoverageCards
              coverage={coverage.data}
              error={coverage.error}
              period={!!(filter.from || filter.to)}
            />
          </SimpleGrid>
        </>
      )}
      <Card withBorder>
        <Stack>
          <Title order={3}>{t('reports.monthly.title')}</Title>
          <Text size="sm">{t('reports.monthly.hint')}</Text>
          <Group align="flex-end">
            <MonthField
              label={t('reports.monthly.month')}
              value={month}
              onChange={setMonth}
              testId="monthly-month"
              clearable={false}
            />
            <Button
              leftSection={<IconCalendarMonth size={16} />}
              loading={makeMonthly.isPending}
              disabled={!monthOk(month)}
              onClick={() => makeMonthly.mutate()}
            >
              {t('reports.monthly.make')}
            </Button>
          </Group>
          {makeMonthly.isError && <Alert color="red">{errorText(t, makeMonthly.error)}</Alert>}
          {makeMonthly.isSuccess && (
            <Alert color="teal" data-testid="monthly-done">
              {t('reports.monthly.done', { month: makeMonthly.data.month })}
            </Alert>
          )}
          <Table data-testid="monthly-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.monthly.month')}</Table.Th>
                <Table.Th>{t('reports.monthly.files')}</Table.Th>
                <Table.Th>{t('reports.monthly.madeAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(monthly.data ?? []).map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.month}</Table.Td>
                  <Table.Td>
                    <Group gap="md">
                      {[m.pdf, m.xlsx].map((f) => (
                        <Anchor
                          key={f.fileRel}
                          href={fileUrl(f.fileRel)}
                          onClick={(e) => {
                            e.preventDefault();
                            void offerFile(f.fileRel, f.fileName);
                          }}
                        >
                          {f.fileName}
                        </Anchor>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{new Date(m.madeAt).toLocaleString('id-ID')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {monthly.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('reports.monthly.none')}
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function ReportCard({
  table,
  rows,
  total,
  note,
}: {
  table: ReportTable;
  rows: { key: string; label: string; n: number }[];
  total: number;
  /** a line under the table (the PP 7/2021 table names the office's rule) */
  note?: string;
}) {
  const { t } = useTranslation();
  const kbli = table === 'kbli2020' || table === 'kbli2025';
  const label = (r: { key: string; label: string }) =>
    kbli && /^\d{5}$/.test(r.key) ? `${r.key} ${r.label}` : r.label;
  const chartRows = (table === 'year' ? rows : rows.slice(0, TOP)).map((r) => ({ label: label(r), n: r.n }));
  return (
    <Card withBorder data-testid={`report-${table}`}>
      <Stack gap="xs">
        <Title order={4}>{t(`reports.tables.${table}`)}</Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.empty')}
          </Text>
        ) : (
          <>
            <BarChart rows={chartRows} label={t(`reports.tables.${table}`)} />
            {rows.length > TOP && table !== 'year' && (
              <Text size="xs" c="dimmed">
                {t('reports.topOnly', { count: TOP })}
              </Text>
            )}
            <ScrollArea.Autosize mah={220}>
              <CountTable rows={rows.map((r) => ({ key: r.key, label: label(r), n: r.n }))} total={total} />
            </ScrollArea.Autosize>
          </>
        )}
        {note && (
          <Text size="xs" c="dimmed" data-testid={`report-${table}-note`}>
            {note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
