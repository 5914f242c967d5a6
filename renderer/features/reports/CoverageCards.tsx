import { Card, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCoverage } from '../../../shared/schemas/report';
import { formatDate, formatNumber } from '../../lib/format';
import { IpcError } from '../../lib/ipc';
import { BarChart } from './BarChart';
import { CountTable } from './CountTable';

/** One card of the coverage: its title, a note on what it counts, then its chart and table. */
function CoverageCard(props: {
  testId: string;
  title: string;
  note: string;
  /** its bars (labelled with the title); none draws no chart */
  chart?: { label: string; n: number }[] | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    // a wide card (six columns) takes the whole width of the grid
    <Card withBorder data-testid={props.testId} style={props.wide ? { gridColumn: '1 / -1' } : undefined}>
      <Stack gap="xs">
        <Title order={4}>{props.title}</Title>
        <Text size="xs" c="dimmed">
          {props.note}
        </Text>
        {props.chart && <BarChart rows={props.chart} label={props.title} />}
        {props.children}
      </Stack>
    </Card>
  );
}

/** A table of counts by some kind: the kind's cell (`row`), then one right-aligned number per column. */
function NumberTable<R>(props: {
  first: string;
  rows: R[];
  row: (r: R) => { key: string | number; testId: string; cell: ReactNode };
  columns: [label: string, value: (r: R) => number][];
}) {
  return (
    <Table striped withRowBorders={false} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.first}</Table.Th>
          {props.columns.map(([label], i) => (
            <Table.Th key={i} ta="right">
              {label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => {
          const { key, testId, cell } = props.row(r);
          return (
            <Table.Tr key={key} data-testid={testId}>
              {cell}
              {props.columns.map(([, value], i) => (
                <Table.Td key={i} ta="right">
                  {formatNumber(value(r))}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Permit coverage and activity participation, in the breakdowns' style (a chart, then the table): with / without
 * a permit in force, permits by type, ever / never took part, activities by type. Each card says which
 * businesses and which dates it counts (the report's businesses; permits issued and activities held by their
 * own dates in the period).
 */
export function CoverageCards({
  coverage,
  error,
  period,
}: {
  coverage: ReportCoverage | undefined;
  error: unknown;
  period: boolean;
}) {
  const { t } = useTranslation();
  const c = coverage;
  const charts = useMemo(() => {
    /** The rows for the table (`name`) and, with the short labels, for its chart (`nameShort`). */
    const twoWays = <K extends string>(name: K, rows: [string, number][]) =>
      ({
        [name]: rows.map(([key, n]) => ({ label: t(`reports.coverage.${key}`), n })),
        [`${name}Short`]: rows.map(([key, n]) => ({ label: t(`reports.coverage.${key}Short`), n })),
      }) as Record<K | `${K}Short`, { label: string; n: number }[]>;
    return (
      c && {
        ...twoWays('holding', [
          ['withPermit', c.permits.withPermit],
          ['withoutPermit', c.permits.withoutPermit],
        ]),
        byType: c.permits.byType
          .filter((r) => r.inForce > 0)
          .map((r) => ({ label: r.shortName, n: r.inForce })),
        ...twoWays('ever', [
          ['ever', c.activities.everTookPart],
          ['never', c.activities.neverTookPart],
        ]),
        activities: c.activities.byType.map((r) => ({
          label: t(`activities.type.${r.type}`),
          n: r.businesses,
        })),
      }
    );
  }, [c, t]);
  if (error)
    return (
      <Card withBorder>
        <Text c="red">{t(error instanceof IpcError ? error.error.message : 'errors.internal')}</Text>
      </Card>
    );
  if (!c || !charts)
    return (
      <Card withBorder data-testid="report-coverage-loading">
        <Stack gap="xs">
          <Title order={4}>{t('reports.coverage.permits')}</Title>
          <Loader size="sm" />
        </Stack>
      </Card>
    );
  const issued = t(period ? 'reports.coverage.issuedInPeriod' : 'reports.coverage.issuedAll');
  return (
    <>
      <CoverageCard
        testId="report-permits"
        title={t('reports.coverage.permits')}
        note={t('reports.coverage.permitsNote', { date: formatDate(c.asOf) })}
        chart={charts.holdingShort}
      >
        <CountTable rows={charts.holding} total={c.total} testId="report-permits-holding" />
      </CoverageCard>
      <CoverageCard
        testId="report-permit-types"
        title={t('reports.coverage.permitTypes')}
        note={t('reports.coverage.permitTypesNote', { issued })}
        chart={charts.byType.length > 0 ? charts.byType : undefined}
        wide
      >
        {charts.byType.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('reports.coverage.noneInForce')}
          </Text>
        )}
        <ScrollArea.Autosize mah={260}>
          <NumberTable
            first={t('reports.coverage.type')}
            rows={c.permits.byType}
            row={(r) => ({
              key: r.typeId,
              testId: `permit-type-${r.code}`,
              cell: <Table.Td title={r.name}>{r.shortName}</Table.Td>,
            })}
            columns={[
              [t('reports.coverage.inForce'), (r) => r.inForce],
              [t('reports.coverage.endingSoon'), (r) => r.endingSoon],
              [t('reports.coverage.expired'), (r) => r.expired],
              [t('reports.coverage.revoked'), (r) => r.revoked],
              [issued, (r) => r.issuedInPeriod],
            ]}
          />
        </ScrollArea.Autosize>
      </CoverageCard>
      <CoverageCard
        testId="report-participation"
        title={t('reports.coverage.participation')}
        note={t('reports.coverage.participationNote')}
        chart={charts.everShort}
      >
        <CountTable rows={charts.ever} total={c.total} testId="report-participation-ever" />
      </CoverageCard>
      <CoverageCard
        testId="report-activity-types"
        title={t('reports.coverage.activityTypes')}
        note={t(period ? 'reports.coverage.activityNotePeriod' : 'reports.coverage.activityNoteAll')}
        chart={charts.activities}
      >
        <NumberTable
          first={t('reports.coverage.activityType')}
          rows={c.activities.byType}
          row={(r) => ({
            key: r.type,
            testId: `activity-type-${r.type}`,
            cell: <Table.Td>{t(`activities.type.${r.type}`)}</Table.Td>,
          })}
          columns={[
            [t('reports.coverage.activities'), (r) => r.activities],
            [t('reports.coverage.businesses'), (r) => r.businesses],
            [t('reports.coverage.participants'), (r) => r.participants],
          ]}
        />
      </CoverageCard>
    </>
  );
}
