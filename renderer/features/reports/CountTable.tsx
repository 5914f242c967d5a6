import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

const pct = (n: number, total: number) =>
  total ? ((n / total) * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 }) : '-';

/** The table under a chart: each item, its count and its share of `total` in per cent. */
export function CountTable({
  rows,
  total,
  testId,
}: {
  rows: { key?: string; label: string; n: number }[];
  total: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped withRowBorders={false} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.item')}</Table.Th>
          <Table.Th ta="right">{t('reports.count')}</Table.Th>
          <Table.Th ta="right">%</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key ?? r.label}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.n)}</Table.Td>
            <Table.Td ta="right">{pct(r.n, total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
