import { Card, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCoverage } from '../../../shared/schemas/report';
import { formatDate, formatNumber } from '../../lib/format';
import { BarChart } from './BarChart';
import { CountTable } from './CountTable';
import { errorText } from '../../lib/errors';

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
        <Text c="red">{errorText(t, error)}</Text>
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
      <Card withBorder data-testid="report-permits">
        <Stack gap="xs">
          <Title order={4}>{t('reports.coverage.permits')}</Title>
          <Text size="xs" c="dimmed">
            {t('reports.coverage.permitsNote', { date: formatDate(c.asOf) })}
          </Text>
          <BarChart rows={charts.holdingShort} label={t('reports.coverage.permits')} />
          <CountTable rows={charts.holding} total={c.total} testId="report-permits-holding" />
        </Stack>
      </Card>
      {/* six columns: the whole width of the grid */}
      <Card withBorder data-testid="report-permit-types" style={{ gridColumn: '1 / -1' }}>
        <Stack gap="xs">
          <Title order={4}>{t('reports.coverage.permitTypes')}</Title>
          <Text size="xs" c="dimmed">
            {t('reports.coverage.permitTypesNote', { issued })}
          </Text>
          {charts.byType.length > 0 ? (
            <BarChart rows={charts.byType} label={t('reports.coverage.permitTypes')} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.coverage.noneInForce')}
            </Text>
          )}
          <ScrollArea.Autosize mah={260}>
            <Table striped withRowBorders={false} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.coverage.type')}</Table.Th>
                  <Table.Th ta="right">{t('reports.coverage.inForce')}</Table.Th>
                  <Table.Th ta="right">{t('reports.coverage.endingSoon')}</Table.Th>
                  <Table.Th ta="right">{t('reports.coverage.expired')}</Table.Th>
                  <Table.Th ta="right">{t('reports.coverage.revoked')}</Table.Th>
                  <Table.Th ta="right">{issued}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.permits.byType.map((r) => (
                  <Table.Tr key={r.typeId} data-testid={`permit-type-${r.code}`}>
                    <Table.Td title={r.name}>{r.shortName}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.inForce)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.endingSoon)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.expired)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.revoked)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.issuedInPeriod)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      </Card>
      <Card withBorder data-testid="report-participation">
        <Stack gap="xs">
          <Title order={4}>{t('reports.coverage.participation')}</Title>
          <Text size="xs" c="dimmed">
            {t('reports.coverage.participationNote')}
          </Text>
          <BarChart rows={charts.everShort} label={t('reports.coverage.participation')} />
          <CountTable rows={charts.ever} total={c.total} testId="report-participation-ever" />
        </Stack>
      </Card>
      <Card withBorder data-testid="report-activity-types">
        <Stack gap="xs">
          <Title order={4}>{t('reports.coverage.activityTypes')}</Title>
          <Text size="xs" c="dimmed">
            {t(period ? 'reports.coverage.activityNotePeriod' : 'reports.coverage.activityNoteAll')}
          </Text>
          <BarChart rows={charts.activities} label={t('reports.coverage.activityTypes')} />
          <Table striped withRowBorders={false} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.coverage.activityType')}</Table.Th>
                <Table.Th ta="right">{t('reports.coverage.activities')}</Table.Th>
                <Table.Th ta="right">{t('reports.coverage.businesses')}</Table.Th>
                <Table.Th ta="right">{t('reports.coverage.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.activities.byType.map((r) => (
                <Table.Tr key={r.type} data-testid={`activity-type-${r.type}`}>
                  <Table.Td>{t(`activities.type.${r.type}`)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.activities)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.businesses)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.participants)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>
    </>
  );
}
