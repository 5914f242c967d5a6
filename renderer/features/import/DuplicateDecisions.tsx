import { Card, Group, Loader, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowBrief } from '../../../shared/schemas/import';
import { call } from '../../lib/ipc';
import { importKeys, useDecision } from './queries';
import { TableHead } from '../../components/TableHead';

const PAGE = 5;
type Choice = 'keep' | 'merge' | 'skip';
type Page = { offset: number; limit: number };

/** Rows side by side: the line in the file (or the register number), name, owner, NIK, phone, desa. */
function Rows({ rows, first }: { rows: (RowBrief & { label?: string })[]; first: string }) {
  const { t } = useTranslation();
  return (
    <Table fz="xs" verticalSpacing={2} withRowBorders={false} layout="fixed">
      <TableHead
        columns={[
          { label: first, w: '16%' },
          { label: t('import.reviewSheet.name'), w: '24%' },
          { label: t('import.reviewSheet.owner'), w: '18%' },
          { label: 'NIK', w: '16%' },
          { label: t('import.decide.phone'), w: '13%' },
          { label: t('import.reviewSheet.village'), w: '13%' },
        ]}
      />
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td>{r.label ?? r.line}</Table.Td>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.ownerName}</Table.Td>
            <Table.Td>{r.nik}</Table.Td>
            <Table.Td>{r.phone}</Table.Td>
            <Table.Td>{r.village}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ChoiceControl({
  value,
  kind,
  onChange,
  label,
}: {
  value: Choice | null;
  kind: 'group' | 'register';
  onChange: (c: Choice) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value ?? ''}
      onChange={(v) => onChange(v as Choice)}
      data={(['keep', 'merge', 'skip'] as const).map((c) => ({
        value: c,
        label: t(`import.decide.${kind}.${c}`),
      }))}
    />
  );
}

const SCOPES = { group: 'groups', register: 'register' } as const;

/** One page of decisions (groups of the file, or rows against the register): a card each, with its choice. */
function DecisionList<T extends { choice: Choice | null }>(props: {
  uploadId: string;
  kind: 'group' | 'register';
  fetch: (page: Page) => Promise<{ items: T[]; total: number }>;
  id: (item: T) => number;
  title: (item: T) => string;
  choiceLabel: (item: T) => string;
  rows: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { uploadId, kind } = props;
  // its query key in importKeys (the prefix refreshed after a choice) and its help text
  const scope = SCOPES[kind];
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const q = useQuery({
    queryKey: importKeys[scope](uploadId, offset),
    queryFn: () => props.fetch({ offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  const choose = useDecision(uploadId, async (v: { id: number; choice: Choice }) => {
    await call('import:chooseDuplicate', { uploadId, kind, ...v });
    await qc.invalidateQueries({ queryKey: ['import', scope, uploadId] });
  });
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="sm" data-testid={`${kind}-decisions`}>
      <Text size="sm" c="dimmed">
        {t(`import.decide.${scope}Help`)}
      </Text>
      {q.data.items.map((item) => (
        <Card key={props.id(item)} withBorder padding="sm">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {props.title(item)}
            </Text>
            <ChoiceControl
              kind={kind}
              value={item.choice}
              label={props.choiceLabel(item)}
              onChange={(choice) => choose.mutate({ id: props.id(item), choice })}
            />
          </Group>
          {props.rows(item)}
        </Card>
      ))}
      {q.data.total > PAGE && (
        <Pagination total={Math.ceil(q.data.total / PAGE)} value={page} onChange={setPage} size="sm" />
      )}
    </Stack>
  );
}

/** Rows of the file that may be one business: keep them all, merge them into one, or skip them. */
export function DuplicateDecisions({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const title = (g: { id: number }) => t('import.decide.groupTitle', { id: g.id });
  return (
    <DecisionList
      uploadId={uploadId}
      kind="group"
      fetch={(p: Page) => call('import:duplicateGroups', { uploadId, ...p })}
      id={(g) => g.id}
      title={title}
      choiceLabel={title}
      rows={(g) => <Rows rows={g.rows} first={t('import.reviewSheet.line')} />}
    />
  );
}

/** Rows that may repeat a business of the register: import as a new one, complete the one there, or skip. */
export function RegisterDecisions({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  return (
    <DecisionList
      uploadId={uploadId}
      kind="register"
      fetch={(p: Page) => call('import:registerRows', { uploadId, ...p })}
      id={(r) => r.idx}
      title={(r) =>
        t('import.decide.registerTitle', {
          line: r.row.line,
          reasons: [...new Set(r.matches.flatMap((m) => m.reasons))]
            .map((x) => t(`import.reason.${x}`))
            .join(', '),
        })
      }
      choiceLabel={(r) => t('import.decide.registerTitle', { line: r.row.line, reasons: '' })}
      rows={(r) => (
        <Rows
          first={t('import.decide.lineOrNumber')}
          rows={[
            { ...r.row, label: t('import.decide.inFile', { line: r.row.line }) },
            ...r.matches.map((m) => ({ ...m, label: m.registrationNumber })),
          ]}
        />
      )}
    />
  );
}
