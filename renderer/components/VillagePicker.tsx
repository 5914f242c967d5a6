import { Group, Select, Stack, Text, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionWithPath } from '../../shared/schemas/refdata';
import { useAppInfo } from '../app/queries';
import { refKeys, useRegionChildren, useRegionSearch } from '../features/refdata/queries';
import { call } from '../lib/ipc';

export interface VillageValue {
  /** Kemendagri code (35.09.27.2008), or null for a name that is not in the list (older records) */
  code: string | null;
  name: string;
}

export interface VillagePickerProps {
  value: VillageValue | null;
  onChange: (value: VillageValue | null) => void;
  label?: string;
  error?: string;
  withAsterisk?: boolean;
}

interface Known {
  name: string;
  /** "Kalisat, Kabupaten Jember, Jawa Timur" for villages outside the office's kecamatan */
  path: string | null;
}

const NOT_IN_LIST = '__not_in_list__';

/** After a pick the box shows the chosen desa's label (with its path): that text is not a search. */
function isOwnLabel(text: string, selectedLabel: string): boolean {
  return selectedLabel !== '' && (text === selectedLabel || text.startsWith(`${selectedLabel} — `));
}

function pathLabel(r: RegionWithPath): string {
  return [...r.path]
    .reverse()
    .map((p) => p.displayName)
    .join(', ');
}

/**
 * Desa/kelurahan picker. Offers the desa of the office's own kecamatan first; typing three letters or more
 * also searches every other desa in the country (with its kecamatan and kabupaten). A desa outside the
 * office's kecamatan is allowed, with a warning under the field.
 */
export function VillagePicker({ value, onChange, label, error, withAsterisk }: VillagePickerProps) {
  const { t } = useTranslation();
  const office = useAppInfo().data?.office ?? null;
  const districtCode = office?.districtCode ?? null;
  const own = useRegionChildren(districtCode, districtCode !== null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);

  const selectedLabel = value
    ? value.code
      ? value.name
      : t('region.village.notInList', { name: value.name })
    : '';
  const searching = debounced.length >= 3 && !isOwnLabel(debounced, selectedLabel);
  const others = useRegionSearch(debounced, {
    level: 'village',
    near: districtCode ?? undefined,
    enabled: searching,
  });

  const outside =
    value?.code && districtCode && !value.code.startsWith(`${districtCode}.`) ? value.code : null;
  const outsideRegion = useQuery({
    queryKey: refKeys.region(outside ?? ''),
    queryFn: () => call('region:get', { code: outside! }),
    enabled: outside !== null,
    staleTime: Infinity,
  });
  const { data, known } = useMemo(() => {
    const known = new Map<string, Known>();
    const q = search.trim().toLowerCase();
    const filterOwn = q !== '' && !isOwnLabel(search.trim(), selectedLabel);
    const ownItems: ComboboxItem[] = (own.data ?? [])
      .filter((r) => !filterOwn || r.displayName.toLowerCase().includes(q))
      .map((r) => {
        known.set(r.code, { name: r.name, path: null });
        return { value: r.code, label: r.displayName };
      });
    const groups: ComboboxItemGroup<ComboboxItem>[] = [];
    if (ownItems.length)
      groups.push({
        group: t('region.village.ownGroup', { district: office?.districtName ?? '' }),
        items: ownItems,
      });
    const otherItems: ComboboxItem[] = [];
    if (searching)
      for (const r of others.data ?? []) {
        if (districtCode && r.parentCode === districtCode) continue;
        const path = pathLabel(r);
        known.set(r.code, { name: r.name, path });
        otherItems.push({ value: r.code, label: `${r.displayName} — ${path}` });
      }
    // keep the current value selectable even when it is not in the lists shown
    if (value) {
      const v = value.code ?? NOT_IN_LIST;
      const inLists = ownItems.some((i) => i.value === v) || otherItems.some((i) => i.value === v);
      if (!inLists && (!filterOwn || selectedLabel.toLowerCase().includes(q))) {
        const path =
          value.code && outsideRegion.data?.code === value.code ? pathLabel(outsideRegion.data) : null;
        otherItems.unshift({
          value: v,
          label: value.code ? (path ? `${value.name} — ${path}` : value.name) : selectedLabel,
        });
      }
    }
    if (otherItems.length) groups.push({ group: t('region.village.otherGroup'), items: otherItems });
    return { data: groups, known };
  }, [
    outsideRegion.data,
    own.data,
    others.data,
    search,
    searching,
    selectedLabel,
    value,
    districtCode,
    office?.districtName,
    t,
  ]);

  const outsidePath = outsideRegion.data ? pathLabel(outsideRegion.data) : (outside ?? '');

  return (
    <Stack gap={4}>
      <Select
        label={label ?? t('region.village.label')}
        placeholder={t('region.village.placeholder')}
        withAsterisk={withAsterisk}
        error={error}
        searchable
        clearable
        data={data}
        filter={({ options }) => options}
        limit={200}
        value={value ? (value.code ?? NOT_IN_LIST) : null}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={
          search.trim().length > 0 && search.trim().length < 3
            ? t('region.village.typeMore')
            : t('region.village.nothingFound')
        }
        onChange={(code) => {
          if (!code) return onChange(null);
          if (code === NOT_IN_LIST) return;
          const k = known.get(code);
          onChange({ code, name: k?.name ?? code });
        }}
        data-testid="village-picker"
      />
      {outside && (
        <Group gap={6} wrap="nowrap" data-testid="village-outside-warning">
          <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" />
          <Text size="xs" c="orange.8">
            {t('region.village.outside', { district: office?.districtName ?? '', path: outsidePath })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
