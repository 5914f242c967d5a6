import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { fieldLabel, formatFieldValue, sameValue } from './fieldFormat';

export interface CompareColumn {
  key: string;
  title: ReactNode;
  /** values keyed by form field name */
  values: Record<string, unknown>;
  footer?: ReactNode;
}

/**
 * Records side by side, field by field. Cells that differ from the first column are highlighted, so the clerk
 * sees at a glance what is the same and what is not.
 */
export function CompareTable(props: {
  fields: readonly string[];
  columns: CompareColumn[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const [base, ...others] = props.columns;
  if (!base) return null;
  const shown = (c: CompareColumn, f: string) => formatFieldValue(t, f, c.values[f]);
  return (
    <ScrollArea.Autosize type="auto" mah="58vh">
      <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid={props.testId} miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>{t('business.duplicates.field')}</Table.Th>
            {props.columns.map((c) => (
              <Table.Th key={c.key} style={{ verticalAlign: 'top' }}>
                {c.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.fields.map((f) => {
            const b = shown(base, f);
            return (
              <Table.Tr key={f}>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {fieldLabel(t, f)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={f === 'name' ? 600 : undefined}>
                    {b || '—'}
                  </Text>
                </Table.Td>
                {others.map((c) => {
                  const v = shown(c, f);
                  // Only a real conflict is highlighted: both filled in and not the same.
                  const differs = b !== '' && v !== '' && !sameValue(b, v);
                  const same = b !== '' && v !== '' && !differs;
                  return (
                    <Table.Td
                      key={c.key}
                      bg={differs ? 'yellow.1' : same ? 'teal.0' : undefined}
                      data-differs={differs ? 'true' : 'false'}
                    >
                      <Group gap={6} wrap="nowrap" justify="space-between">
                        <Text size="sm" fw={f === 'name' ? 600 : undefined}>
                          {v || '—'}
                        </Text>
                        {differs && (
                          <Badge size="sm" color="orange" variant="filled" style={{ flexShrink: 0 }}>
                            {t('business.duplicates.differs')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
          {props.columns.some((c) => c.footer) && (
            <Table.Tr>
              <Table.Td />
              {props.columns.map((c) => (
                <Table.Td key={c.key}>{c.footer}</Table.Td>
              ))}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** A column's heading for a registered business: its part in the comparison, then its number and date. */
export function RecordColumnTitle(props: {
  heading: string;
  record: { registrationNumber: string | null; registrationDate: string | null };
  gap?: number;
  children?: ReactNode;
}) {
  return (
    <Stack gap={props.gap ?? 0}>
      <Text fw={700}>{props.heading}</Text>
      <Text size="xs" ff="monospace">
        {props.record.registrationNumber} · {formatDate(props.record.registrationDate)}
      </Text>
      {props.children}
    </Stack>
  );
}
