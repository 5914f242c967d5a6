import { Card, Group, Loader, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowBrief } from '../../../shared/schemas/import';
import { call } from '../../lib/ipc';
import { importKeys, useDecision } from './queries';
import { TableHead } from '../../components/TableHead';

const PAGE = 5;
type Choice = 'keep' | 'merge' | 'skip';

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

/** Rows of the file that may be one business: keep them all, merge them into one, or skip them. */
export function DuplicateDecisions({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const q = useQuery({
    queryKey: importKeys.groups(uploadId, offset),
    queryFn: () => call('import:duplicateGroups', { uploadId, offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  const choose = useDecision(uploadId, async (v: { id: number; choice: Choice }) => {
    await call('import:chooseDuplicate', { uploadId, kind: 'group', ...v });
    await qc.invalidateQueries({ queryKey: ['import', 'groups', uploadId] });
  });
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="sm" data-testid="group-decisions">
      <Text size="sm" c="dimmed">
        {t('import.decide.groupsHelp')}
      </Text>
      {q.data.items.map((g) => (
        <Card key={g.id} withBorder padding="sm">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('import.decide.groupTitle', { id: g.id })}
            </Text>
            <ChoiceControl
              kind="group"
              value={g.choice}
              label={t('import.decide.groupTitle', { id: g.id })}
              onChange={(choice) => choose.mutate({ id: g.id, choice })}
            />
          </Group>
          <Rows rows={g.rows} first={t('import.reviewSheet.line')} />
        </Card>
      ))}
      {q.data.total > PAGE && (
        <Pagination total={Math.ceil(q.data.total / PAGE)} value={page} onChange={setPage} size="sm" />
      )}
    </Stack>
  );
}

/** Rows that may repeat a business of the register: import as a new one, complete the one there, or skip. */
export function RegisterDecisions({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const q = useQuery({
    queryKey: importKeys.register(uploadId, offset),
    queryFn: () => call('import:registerRows', { uploadId, offset, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  const choose = useDecision(uploadId, async (v: { id: number; choice: Choice }) => {
    await call('import:chooseDuplicate', { uploadId, kind: 'register', ...v });
    await qc.invalidateQueries({ queryKey: ['import', 'register', uploadId] });
  });
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="sm" data-testid="register-decisions">
      <Text size="sm" c="dimmed">
        {t('import.decide.registerHelp')}
      </Text>
      {q.data.items.map((r) => (
        <Card key={r.idx} withBorder padding="sm">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('import.decide.registerTitle', {
                line: r.row.line,
                reasons: [...new Set(r.matches.flatMap((m) => m.reasons))]
                  .map((x) => t(`import.reason.${x}`))
                  .join(', '),
              })}
            </Text>
            <ChoiceControl
              kind="register"
              value={r.choice}
              label={t('import.decide.registerTitle', { line: r.row.line, reasons: '' })}
              onChange={(choice) => choose.mutate({ id: r.idx, choice })}
            />
          </Group>
          <Rows
            first={t('import.decide.lineOrNumber')}
            rows={[
              { ...r.row, label: t('import.decide.inFile', { line: r.row.line }) },
              ...r.matches.map((m) => ({ ...m, label: m.registrationNumber })),
            ]}
          />
        </Card>
      ))}
      {q.data.total > PAGE && (
        <Pagination total={Math.ceil(q.data.total / PAGE)} value={page} onChange={setPage} size="sm" />
      )}
    </Stack>
  );
}
