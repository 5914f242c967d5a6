import {
  Badge,
  Button,
  Checkbox,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdDateInput } from '../../components/DateField';
import type { AuditChange, AuditEntryView, AuditQueryInput } from '../../../shared/schemas/accounts';
import { formatDateTimeShort } from '../../lib/format';
import { showIpcError } from '../../lib/forms';
import { call } from '../../lib/ipc';
import { useAudit, useAuditFilters } from './queries';
import { TableHead } from '../../components/TableHead';
import { PageHeader } from '../../components/PageHeader';

const show = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function Changes({ changes }: { changes: AuditChange[] }) {
  const { t } = useTranslation();
  if (!changes.length)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="xs" className="audit-changes">
      <TableHead
        columns={[t('accounts.audit.field'), t('accounts.audit.before'), t('accounts.audit.after')]}
      />
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td fw={600}>{c.field || '—'}</Table.Td>
            <Table.Td c="red.9" style={{ wordBreak: 'break-word' }}>
              {show(c.before)}
            </Table.Td>
            <Table.Td c="teal.9" style={{ wordBreak: 'break-word' }}>
              {show(c.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function actionColor(a: string): string {
  if (a === 'login_failed' || a === 'login_locked' || a.endsWith('_change_failed')) return 'red';
  if (a === 'login' || a === 'logout') return 'blue';
  if (a === 'create') return 'teal';
  return 'gray';
}

function Row({ e }: { e: AuditEntryView }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(e.at)}</Table.Td>
      <Table.Td>{e.userName ?? t('accounts.audit.system')}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={actionColor(e.action)}>
          {t(`accounts.audit.actions.${e.action}`, { defaultValue: e.action })}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.table}</Text>
        {e.recordId !== null && (
          <Text size="xs" c="dimmed">
            #{e.recordId}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 320 }}>
        <Changes changes={e.changes} />
        {e.reason && (
          <Text size="xs" c="dimmed">
            {e.reason}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The audit trail (admin): filter by user, table, record and date; field by field; export to CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const filters = useAuditFilters();
  const [q, setQ] = useState<AuditQueryInput>({ signInsOnly: false });
  const audit = useAudit(q);
  const set = (patch: Partial<AuditQueryInput>) => setQ((cur) => ({ ...cur, ...patch }));
  const exportCsv = useMutation({
    mutationFn: () => call('audit:export', q),
    onSuccess: (x) => {
      const url = URL.createObjectURL(new Blob([x.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = x.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notifications.show({
        color: x.truncated ? 'yellow' : 'teal',
        message: x.truncated
          ? t('accounts.audit.truncated', { rows: x.rows })
          : t('accounts.audit.exported', { rows: x.rows, file: x.fileName }),
      });
    },
    onError: (e) => showIpcError(e, t),
  });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('accounts.audit.title')}
        action={{
          label: t('accounts.audit.export'),
          icon: IconDownload,
          onClick: () => exportCsv.mutate(),
          variant: 'light',
          loading: exportCsv.isPending,
        }}
      />
      <Text c="dimmed" size="sm">
        {t('accounts.audit.intro')}
      </Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Select
            label={t('accounts.audit.user')}
            placeholder={t('accounts.audit.all')}
            clearable
            data={(filters.data?.users ?? [])
              .filter((u) => u.id !== null)
              .map((u) => ({ value: String(u.id), label: u.name }))}
            value={q.userId ? String(q.userId) : null}
            onChange={(v) => set({ userId: v ? Number(v) : null })}
          />
          <Select
            label={t('accounts.audit.table')}
            placeholder={t('accounts.audit.all')}
            clearable
            data={filters.data?.tables ?? []}
            value={q.table ?? null}
            onChange={(v) => set({ table: v })}
          />
          <NumberInput
            label={t('accounts.audit.record')}
            min={1}
            allowDecimal={false}
            value={q.recordId ?? ''}
            onChange={(v) => set({ recordId: typeof v === 'number' && v > 0 ? v : null })}
          />
          <IdDateInput
            label={t('accounts.audit.from')}
            value={q.from ?? ''}
            onChange={(v) => set({ from: v || null })}
          />
          <IdDateInput
            label={t('accounts.audit.to')}
            value={q.to ?? ''}
            onChange={(v) => set({ to: v || null })}
          />
        </SimpleGrid>
        <Checkbox
          mt="sm"
          label={t('accounts.audit.signInsOnly')}
          checked={!!q.signInsOnly}
          onChange={(e) => set({ signInsOnly: e.currentTarget.checked })}
        />
      </Paper>
      <Paper withBorder>
        <Table verticalSpacing="xs" striped data-testid="audit-table">
          <TableHead
            columns={[
              t('accounts.audit.at'),
              t('accounts.audit.user'),
              t('accounts.audit.action'),
              t('accounts.audit.table'),
              t('accounts.audit.changes'),
            ]}
          />
          <Table.Tbody>
            {entries.map((e) => (
              <Row key={e.id} e={e} />
            ))}
          </Table.Tbody>
        </Table>
        {audit.isSuccess && entries.length === 0 && (
          <Text p="md" c="dimmed">
            {t('accounts.audit.none')}
          </Text>
        )}
      </Paper>
      {audit.hasNextPage && (
        <Button
          variant="default"
          style={{ alignSelf: 'center' }}
          loading={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {t('accounts.audit.more')}
        </Button>
      )}
    </Stack>
  );
}
