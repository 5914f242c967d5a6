import { Badge, Button, Group, Loader, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VillageGroupItem } from '../../../shared/schemas/import';
import { call } from '../../lib/ipc';
import { importKeys, useDecision } from './queries';
import { TableHead } from '../../components/TableHead';

const PAGE = 10;
/** "keep the name as written" in the village Select */
const AS_TEXT = '__text';

/**
 * Desa names that are not one clear village of the kabupaten: the closest village is pre-selected (with its
 * score), the clerk confirms it, picks another, or keeps the name as written (no Kemendagri code).
 */
export function VillageDecisions({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: importKeys.villages(uploadId),
    queryFn: () => call('import:villageGroups', { uploadId }),
  });
  const choose = useDecision(uploadId, async (v: { villageText: string; code: string | null }) => {
    await call('import:chooseVillage', { uploadId, ...v });
    await qc.invalidateQueries({ queryKey: importKeys.villages(uploadId) });
  });
  const options = useMemo(
    () => [
      { value: AS_TEXT, label: t('import.decide.asText') },
      ...(q.data?.villages ?? []).map((v) => ({ value: v.code, label: `${v.name} (${v.districtName})` })),
    ],
    [q.data, t],
  );
  if (!q.data) return <Loader size="sm" />;
  const groups = q.data.groups;
  const shown = groups.slice((page - 1) * PAGE, page * PAGE);
  const valueOf = (g: VillageGroupItem) => (g.choice ? (g.choice.code ?? AS_TEXT) : (g.proposal ?? null));
  // only the engine's own guesses are confirmed at once; a name it does not know is the clerk's to choose
  const proposed = groups.filter((g) => !g.choice && g.proposal);

  const acceptAll = async () => {
    for (const g of proposed)
      await call('import:chooseVillage', { uploadId, villageText: g.villageText, code: g.proposal });
    await qc.invalidateQueries({ queryKey: importKeys.villages(uploadId) });
    await qc.invalidateQueries({ queryKey: importKeys.review(uploadId) });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('import.decide.villagesHelp')}
        </Text>
        {proposed.length > 0 && (
          <Button size="xs" variant="light" onClick={() => void acceptAll()}>
            {t('import.decide.acceptAll', { count: proposed.length })}
          </Button>
        )}
      </Group>
      <Table verticalSpacing={6} layout="fixed" data-testid="village-decisions">
        <TableHead
          columns={[
            { label: t('import.decide.written'), w: '26%' },
            { label: t('import.decide.rows'), w: '10%' },
            { label: t('import.decide.status'), w: '16%' },
            t('import.decide.village'),
          ]}
        />
        <Table.Tbody>
          {shown.map((g) => {
            const best = g.candidates[0];
            return (
              <Table.Tr key={g.villageText}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {g.written}
                  </Text>
                  {best && (
                    <Text size="xs" c="dimmed">
                      {t('import.decide.closest', { name: best.name, score: best.score })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{g.rows}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={g.choice ? 'teal' : 'orange'}>
                    {g.choice ? t('import.decide.confirmed') : t(`import.decide.villageStatus.${g.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      aria-label={t('import.decide.villageFor', { name: g.written })}
                      data={options}
                      value={valueOf(g)}
                      placeholder={t('import.decide.pickVillage')}
                      searchable
                      allowDeselect={false}
                      size="xs"
                      style={{ flex: 1 }}
                      onChange={(v) =>
                        v && choose.mutate({ villageText: g.villageText, code: v === AS_TEXT ? null : v })
                      }
                    />
                    {!g.choice && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => choose.mutate({ villageText: g.villageText, code: g.proposal })}
                      >
                        {g.proposal ? t('import.decide.confirm') : t('import.decide.asTextShort')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {groups.length > PAGE && (
        <Pagination total={Math.ceil(groups.length / PAGE)} value={page} onChange={setPage} size="sm" />
      )}
    </Stack>
  );
}
