import { Button, Group, Modal, Popover, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../shared/import/clean';
import type { SavedMappingItem } from '../../../shared/schemas/import';
import { formatDateTimeShort } from '../../lib/format';
import { call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { importKeys, useMappings } from './queries';
import { TableHead } from '../../components/TableHead';

interface Props {
  headers: string[];
  targets: (string | null)[];
  options: ImportOptions;
  onApply: (mappingId: number) => void;
}

/**
 * A saved mapping applied to this file's headers, this mapping saved under a name for next time, and saved
 * mappings no longer wanted deleted (each after a confirmation).
 */
export function SavedMappings({ headers, targets, options, onApply }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mappings = useMappings();
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const m = await call('import:mappingSave', {
        name,
        headers,
        columns: targets.map((target, index) => ({ index, target })),
        options,
      });
      await qc.invalidateQueries({ queryKey: importKeys.mappings });
      notifications.show({ color: 'teal', message: t('import.mapping.saved', { name: m.name }) });
      setOpen(false);
    } catch (e) {
      showIpcError(e, t);
    } finally {
      setSaving(false);
    }
  };

  const [managing, setManaging] = useState(false);
  const [asked, setAsked] = useState<SavedMappingItem | null>(null);
  const remove = useMutation({
    mutationFn: (m: SavedMappingItem) => call('import:mappingDelete', { id: m.id }),
    onSuccess: async (_r, m) => {
      setAsked(null);
      if (chosen === String(m.id)) setChosen(null);
      notifications.show({ color: 'teal', message: t('import.mapping.deleted', { name: m.name }) });
      await qc.invalidateQueries({ queryKey: importKeys.mappings });
    },
    onError: async (e) => {
      setAsked(null);
      showIpcError(e, t);
      await qc.invalidateQueries({ queryKey: importKeys.mappings });
    },
  });

  const list = mappings.data ?? [];
  return (
    <Group gap="sm" align="flex-end">
      {list.length > 0 && (
        <>
          <Select
            label={t('import.mapping.savedLabel')}
            placeholder={t('import.mapping.savedPlaceholder')}
            data={list.map((m) => ({ value: String(m.id), label: m.name }))}
            value={chosen}
            onChange={setChosen}
            w={200}
          />
          <Button variant="default" disabled={!chosen} onClick={() => chosen && onApply(Number(chosen))}>
            {t('import.mapping.apply')}
          </Button>
          <Button variant="subtle" onClick={() => setManaging(true)}>
            {t('import.mapping.manage')}
          </Button>
        </>
      )}
      <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
        <Popover.Target>
          <Button variant="default" onClick={() => setOpen((o) => !o)}>
            {t('import.mapping.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={260}>
            <Text size="sm">{t('import.mapping.saveHelp')}</Text>
            <TextInput
              label={t('import.mapping.name')}
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button loading={saving} disabled={!name.trim()} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Modal
        opened={managing}
        onClose={() => {
          setManaging(false);
          setAsked(null);
        }}
        title={asked ? t('import.mapping.deleteTitle') : t('import.mapping.manageTitle')}
        size="lg"
      >
        {asked ? (
          <Stack>
            <Text size="sm">{t('import.mapping.deleteConfirm', { name: asked.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsked(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(asked)}>
                {t('import.mapping.deleteYes')}
              </Button>
            </Group>
          </Stack>
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('import.mapping.none')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="saved-mappings">
            <TableHead columns={[t('import.mapping.name'), t('import.mapping.updated'), null]} />
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{formatDateTimeShort(m.updatedAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      aria-label={t('import.mapping.deleteOne', { name: m.name })}
                      onClick={() => setAsked(m)}
                    >
                      {t('import.mapping.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
    </Group>
  );
}
