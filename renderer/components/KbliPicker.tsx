import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  type ComboboxItem,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { kbliAddSchema, type KbliEntry, type KbliVersion } from '../../shared/schemas/refdata';
import { refKeys, useKbliSearch } from '../features/refdata/queries';
import { fieldError, showIpcError } from '../lib/forms';
import { call } from '../lib/ipc';
import { ModalActions } from './ModalActions';

export interface KbliValue {
  code: string;
  version: KbliVersion;
  title: string;
}

export interface KbliPickerProps {
  value: KbliValue | null;
  onChange: (value: KbliValue | null) => void;
  label?: string;
  /** a shorter hint where the field is narrow (the list's filter bar) */
  placeholder?: string;
  error?: string;
}

const key = (v: { version: string; code: string }) => `${v.version}:${v.code}`;

/**
 * KBLI picker: type an everyday word ("keripik", "sambel", "mebel") or the first digits of a code; shows
 * code, title and version. A code missing from the list can be added by the office (audited).
 */
export function KbliPicker({ value, onChange, label, placeholder, error }: KbliPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const selectedLabel = value ? `${value.code} — ${value.title}` : '';
  const active = debounced.length > 0 && debounced !== selectedLabel;
  const results = useKbliSearch(debounced, undefined, active);
  // What the clerk last typed (the select puts the chosen label back into the box on blur): it decides
  // whether "add a missing code" is offered and pre-fills that form.
  const [typed, setTyped] = useState('');
  const [typedDebounced] = useDebouncedValue(typed.trim(), 150);
  const typedResults = useKbliSearch(typedDebounced, undefined, typedDebounced.length > 0);
  const [addOpen, add] = useDisclosure(false);
  // the counterpart in the other KBLI version (OSS asks for KBLI 2025)
  const related = useQuery({
    queryKey: ['kbli', 'get', value?.version ?? '', value?.code ?? ''],
    queryFn: () => call('kbli:get', { version: value!.version, code: value!.code }),
    enabled: value !== null,
    staleTime: 60_000,
    retry: false,
  });

  const { data, byKey } = useMemo(() => {
    const byKey = new Map<string, KbliEntry>();
    const items: ComboboxItem[] = [];
    for (const e of active ? (results.data ?? []) : []) {
      byKey.set(key(e), e);
      items.push({ value: key(e), label: `${e.code} — ${e.title}` });
    }
    if (value && !byKey.has(key(value))) items.unshift({ value: key(value), label: selectedLabel });
    return { data: items, byKey };
  }, [active, results.data, value, selectedLabel]);

  const noResults = typedResults.isSuccess && typedResults.data.length === 0;

  return (
    <Stack gap={4}>
      <Select
        label={label ?? t('kbli.label')}
        placeholder={placeholder ?? t('kbli.placeholder')}
        error={error}
        searchable
        clearable
        data={data}
        filter={({ options }) => options}
        value={value ? key(value) : null}
        searchValue={search}
        onSearchChange={(v) => {
          setSearch(v);
          if (v.trim() !== '' && v !== selectedLabel) setTyped(v);
        }}
        nothingFoundMessage={active ? t('kbli.nothingFound') : t('kbli.typeToSearch')}
        renderOption={({ option }) => {
          const e = byKey.get(option.value);
          return (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" ff="monospace" fw={600}>
                {e?.code ?? value?.code}
              </Text>
              <Text size="sm" style={{ flex: 1 }}>
                {e?.title ?? value?.title}
              </Text>
              <Badge
                size="xs"
                variant="light"
                color={(e?.version ?? value?.version) === '2025' ? 'teal' : 'gray'}
              >
                {t('kbli.version', { version: e?.version ?? value?.version })}
              </Badge>
            </Group>
          );
        }}
        onChange={(k) => {
          if (!k) return onChange(null);
          const e = byKey.get(k);
          if (e) onChange({ code: e.code, version: e.version, title: e.title });
        }}
        data-testid="kbli-picker"
      />
      {value && (
        <Text size="xs" c="dimmed" data-testid="kbli-picker-version">
          {t('kbli.version', { version: value.version })}
          {related.data && related.data.related.length > 0 && (
            <>
              {' · '}
              {t('kbli.relatedIn', {
                version: related.data.related[0]!.version,
                codes: related.data.related
                  .map((r) => (r.inList ? r.code : t('kbli.relatedNotInList', { code: r.code })))
                  .join(', '),
              })}
            </>
          )}
        </Text>
      )}
      {noResults && (
        <Anchor component="button" type="button" size="xs" onClick={add.open}>
          {t('kbli.add.open')}
        </Anchor>
      )}
      <KbliAddModal
        opened={addOpen}
        onClose={add.close}
        initialTitle={/^\d+$/.test(typedDebounced) ? '' : typedDebounced}
        initialCode={/^\d{5}$/.test(typedDebounced) ? typedDebounced : ''}
        onAdded={(e) => {
          onChange({ code: e.code, version: e.version, title: e.title });
          setSearch('');
          setTyped('');
          add.close();
        }}
      />
    </Stack>
  );
}

type AddIn = z.input<typeof kbliAddSchema>;
type AddOut = z.output<typeof kbliAddSchema>;

/** The office adds an official code that the shipped list lacks. */
export function KbliAddModal(props: {
  opened: boolean;
  onClose: () => void;
  onAdded: (e: KbliEntry) => void;
  initialCode?: string;
  initialTitle?: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<AddIn, unknown, AddOut>({
    resolver: zodResolver(kbliAddSchema),
    values: { version: '2025', code: props.initialCode ?? '', title: '', keywords: props.initialTitle ?? '' },
  });
  const e = form.formState.errors;
  const save = useMutation({
    mutationFn: (d: AddOut) => call('kbli:add', d),
    onSuccess: (entry) => {
      void qc.invalidateQueries({ queryKey: refKeys.kbli });
      notifications.show({
        color: 'green',
        message: t('kbli.add.done', { code: entry.code, version: entry.version }),
      });
      props.onAdded(entry);
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('kbli.add.title')}>
      <form
        onSubmit={(ev) => {
          ev.stopPropagation();
          void form.handleSubmit((d) => save.mutate(d))(ev);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('kbli.add.intro')}
          </Text>
          <Controller
            control={form.control}
            name="version"
            render={({ field }) => (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('kbli.add.version')}
                </Text>
                <SegmentedControl
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  data={[
                    { value: '2025', label: 'KBLI 2025' },
                    { value: '2020', label: 'KBLI 2020' },
                  ]}
                />
              </Stack>
            )}
          />
          <TextInput
            label={t('kbli.add.code')}
            {...form.register('code')}
            error={fieldError(t, e.code)}
            withAsterisk
            inputMode="numeric"
          />
          <TextInput
            label={t('kbli.add.titleField')}
            {...form.register('title')}
            error={fieldError(t, e.title)}
            withAsterisk
          />
          <TextInput
            label={t('kbli.add.keywords')}
            {...form.register('keywords')}
            error={fieldError(t, e.keywords)}
          />
          <ModalActions onCancel={props.onClose}>
            <Button type="submit" loading={save.isPending}>
              {t('kbli.add.submit')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}
