import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryItem, ImportOutcome } from '../../../shared/schemas/import';
import { formatDateTimeShort, formatNumber } from '../../lib/format';
import { call } from '../../lib/ipc';
import { errorKey, importKeys, useHistory } from './queries';

const PAGE = 10;
/** what the commit did with the rows, in the order the result screen shows it */
const OUTCOME = [
  'created',
  'merged',
  'filled',
  'skipped',
  'waiting',
] as const satisfies readonly (keyof ImportOutcome)[];
const STATUS_COLOR: Record<ImportHistoryItem['status'], string> = {
  committing: 'blue',
  committed: 'teal',
  cancelled: 'yellow',
  failed: 'red',
  undone: 'gray',
};

/**
 * Past imports (file, when, who, rows read, what became of them, status), newest first; each can be undone as
 * a whole.
 */
export function ImportHistory() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [asked, setAsked] = useState<ImportHistoryItem | null>(null);
  const [refused, setRefused] = useState<{ key: string; params: Record<string, string | number> } | null>(
    null,
  );
  const history = useHistory((page - 1) * PAGE);
  const undo = useMutation({
    mutationFn: (id: number) => call('import:undo', { importId: id }),
    onSuccess: async (r) => {
      setAsked(null);
      notifications.show({ color: 'teal', message: t('import.history.undone', { count: r.archived }) });
      await qc.invalidateQueries({ queryKey: importKeys.all });
      await qc.invalidateQueries({ queryKey: ['business'] });
    },
    onError: (e) => {
      setAsked(null);
      setRefused(errorKey(e));
    },
  });
  const items = history.data?.items ?? [];
  return (
    <Card withBorder padding="md" mt="md">
      <Stack gap="sm">
        <Title order={4}>{t('import.history.title')}</Title>
        {refused && (
          <Alert color="red" withCloseButton onClose={() => setRefused(null)} data-testid="undo-refused">
            {t(refused.key, refused.params)}
          </Alert>
        )}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('import.history.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.history.file')}</Table.Th>
                <Table.Th>{t('import.history.date')}</Table.Th>
                <Table.Th>{t('import.history.user')}</Table.Th>
                <Table.Th ta="right">{t('import.history.rows')}</Table.Th>
                {OUTCOME.map((k) => (
                  <Table.Th key={k} ta="right" title={t(`import.history.outcomeHelp.${k}`)}>
                    {t(`import.history.outcome.${k}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t('import.history.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm">{i.fileName}</Text>
                    {i.sheet && (
                      <Text size="xs" c="dimmed">
                        {t('import.history.sheet', { sheet: i.sheet })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeShort(i.startedAt)}</Table.Td>
                  <Table.Td>{i.userName ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatNumber(i.rowsRead)}</Table.Td>
                  {OUTCOME.map((k) => (
                    <Table.Td key={k} ta="right" data-testid={`history-${k}`}>
                      {i.outcome ? formatNumber(i.outcome[k]) : '—'}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      color={STATUS_COLOR[i.status]}
                      style={{ minWidth: 'max-content' }}
                    >
                      {t(`import.history.statuses.${i.status}`)}
                    </Badge>
                    {i.undoneAt && (
                      <Text size="xs" c="dimmed">
                        {t('import.history.undoneBy', {
                          name: i.undoneBy ?? '',
                          date: formatDateTimeShort(i.undoneAt),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {(i.status === 'committed' || i.status === 'cancelled') && (
                      // an icon with its name as tooltip: the outcome's columns need the width at 1280 px
                      <Tooltip label={t('import.history.undo')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('import.history.undo')}
                          onClick={() => setAsked(i)}
                        >
                          <IconArrowBackUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(history.data?.total ?? 0) > PAGE && (
          <Pagination
            total={Math.ceil((history.data?.total ?? 0) / PAGE)}
            value={page}
            onChange={setPage}
            size="sm"
          />
        )}
      </Stack>
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={t('import.history.undoTitle')}>
        {asked && (
          <Stack>
            <Text size="sm">
              {t('import.history.undoConfirm', {
                file: asked.fileName,
                count: asked.rowsImported,
                formatted: formatNumber(asked.rowsImported),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsked(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={undo.isPending} onClick={() => undo.mutate(asked.id)}>
                {t('import.history.undoYes')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
