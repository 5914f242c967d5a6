import { Button, Group, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../shared/import/clean';
import { call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { importKeys, useMappings } from './queries';

interface Props {
  headers: string[];
  targets: (string | null)[];
  options: ImportOptions;
  onApply: (mappingId: number) => void;
}

/** A saved mapping applied to this file's headers, and this mapping saved under a name for next time. */
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
    </Group>
  );
}
