import { Alert, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../shared/import/clean';
import { IMPORT_TARGETS, mappingProblems, TARGETS_BY_KEY } from '../../../shared/import/targets';
import type { InspectAnswer } from '../../../shared/schemas/import';
import { call } from '../../lib/ipc';
import { SavedMappings } from './SavedMappings';
import { errorKey } from './queries';
import { TableHead } from '../../components/TableHead';

const SKIP = '';

interface Props {
  inspect: InspectAnswer;
  targets: (string | null)[];
  options: ImportOptions;
  onTargets: (t: (string | null)[]) => void;
  onOptions: (o: ImportOptions) => void;
  onInspected: (r: InspectAnswer) => void;
  onDryRun: () => void;
}

/**
 * Step 2: which column of the file goes to which field. The app's proposal from the headers is pre-selected;
 * the clerk corrects it, sees what is still missing or given twice, and can save the mapping for next time.
 */
export function MappingStep({
  inspect,
  targets,
  options,
  onTargets,
  onOptions,
  onInspected,
  onDryRun,
}: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<{ key: string; params: Record<string, string | number> } | null>(null);
  const label = (key: string) => {
    const tg = TARGETS_BY_KEY.get(key);
    return tg ? t(tg.label) + (tg.required ? ' *' : '') : key;
  };
  const data = useMemo(
    () => [
      { value: SKIP, label: t('import.mapping.skip') },
      ...(['owner', 'business', 'sheet'] as const).map((g) => ({
        group: t(`import.mapping.group.${g}`),
        items: IMPORT_TARGETS.filter((x) => x.group === g).map((x) => ({
          value: x.key,
          label: t(x.label) + (x.required ? ' *' : ''),
        })),
      })),
    ],
    [t],
  );
  const problems = mappingProblems(targets.map((target, index) => ({ index, target })));
  const twice = new Set(problems.twice);
  const ok = !problems.missing.length && !problems.twice.length && !problems.unknown.length;
  const mapped = new Set(targets.filter(Boolean));

  const reinspect = async (input: { sheet?: string | null; mappingId?: number | null }) => {
    setError(null);
    try {
      onInspected(
        await call('import:inspect', { uploadId: inspect.uploadId, sheet: inspect.sheet, ...input }),
      );
    } catch (e) {
      setError(errorKey(e));
    }
  };

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Text fw={600} data-testid="import-file-name">
              {inspect.fileName}
            </Text>
            <Text size="sm" c="dimmed">
              {inspect.kind === 'csv'
                ? t('import.mapping.csvInfo', {
                    encoding: inspect.csv?.encoding ?? '',
                    delimiter: inspect.csv?.delimiter ?? '',
                    line: inspect.headerLine,
                  })
                : t('import.mapping.xlsxInfo', { line: inspect.headerLine })}
            </Text>
          </div>
          <Group gap="sm" align="flex-end">
            {inspect.kind === 'xlsx' && inspect.sheets.length > 1 && (
              <Select
                label={t('import.mapping.sheet')}
                data={inspect.sheets}
                value={inspect.sheet}
                allowDeselect={false}
                onChange={(s) => s && void reinspect({ sheet: s, mappingId: null })}
                w={200}
              />
            )}
            <SavedMappings
              headers={inspect.columns.map((c) => c.header)}
              targets={targets}
              options={options}
              onApply={(mappingId) => void reinspect({ mappingId })}
            />
          </Group>
        </Group>
      </Card>
      {error && <Alert color="red">{t(error.key, error.params)}</Alert>}
      <Card withBorder padding={0}>
        <Table striped verticalSpacing={6} layout="fixed" data-testid="mapping-table">
          <TableHead
            columns={[
              { label: t('import.mapping.column'), w: '26%' },
              { label: t('import.mapping.samples'), w: '40%' },
              { label: t('import.mapping.target'), w: '34%' },
            ]}
          />
          <Table.Tbody>
            {inspect.columns.map((c) => {
              const target = targets[c.index] ?? null;
              return (
                <Table.Tr key={c.index}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.header || t('import.mapping.noHeader', { n: c.index + 1 })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {c.samples.slice(0, 3).join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('import.mapping.targetFor', { column: c.header || c.index + 1 })}
                      data={data}
                      value={target ?? SKIP}
                      searchable
                      allowDeselect={false}
                      size="xs"
                      error={target && twice.has(target) ? t('import.mapping.twiceShort') : undefined}
                      onChange={(v) => onTargets(targets.map((x, i) => (i === c.index ? v || null : x)))}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      {!ok && (
        <Alert color="orange" data-testid="mapping-problems">
          {problems.missing.length > 0 && (
            <Text size="sm">
              {t('import.mapping.missing', { fields: problems.missing.map(label).join(', ') })}
            </Text>
          )}
          {problems.twice.length > 0 && (
            <Text size="sm">
              {t('import.mapping.twice', { fields: problems.twice.map(label).join(', ') })}
            </Text>
          )}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          {mapped.has('workersTotal') && (
            <Select
              label={t('import.options.workersTotalAs')}
              data={(['note', 'male', 'female'] as const).map((v) => ({
                value: v,
                label: t(`import.options.workers.${v}`),
              }))}
              value={options.workersTotalAs}
              allowDeselect={false}
              onChange={(v) => v && onOptions({ ...options, workersTotalAs: v })}
              w={260}
            />
          )}
          {mapped.has('kbliCode') && !mapped.has('kbliVersion') && (
            <Select
              label={t('import.options.kbliVersion')}
              data={['2020', '2025'].map((v) => ({ value: v, label: `KBLI ${v}` }))}
              value={options.kbliVersion}
              allowDeselect={false}
              onChange={(v) => v && onOptions({ ...options, kbliVersion: v as ImportOptions['kbliVersion'] })}
              w={160}
            />
          )}
        </Group>
        <Button leftSection={<IconPlayerPlay size={16} />} disabled={!ok} onClick={onDryRun}>
          {t('import.mapping.dryRun')}
        </Button>
      </Group>
    </Stack>
  );
}
