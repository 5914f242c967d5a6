import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  Skeleton,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconFilterOff,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { usePrefetchQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  BUSINESS_STATUSES,
  KBLI_VERSIONS,
  type BusinessStatus,
  type KbliVersion,
} from '../../../shared/schemas/business';
import {
  BPS_SCALES,
  BUSINESS_CLASSES,
  INDUSTRY_CLASSES,
  type BusinessListRow,
  LIST_SORTS,
  type ListSort,
} from '../../../shared/schemas/business-search';
import { useAppInfo } from '../../app/queries';
import { usePermitTypes } from '../permits/queries';
import { useActivities } from '../activities/queries';
import type { ActivitySummary } from '../../../shared/schemas/activity';
import { KbliPicker, type KbliValue } from '../../components/KbliPicker';
import { errorText } from '../../lib/errors';
import { formatDateShort, formatNumber } from '../../lib/format';
import { useRegionChildren } from '../refdata/queries';
import { ExportMenu } from '../export/ExportMenu';
import { firstWindowQuery, LIST_WINDOW, useFirstWindow, useWindows, type ListQuery } from './list-queries';

const ROW_HEIGHT = 60;
/** registration number | name and products | owner | NIK | desa | registered | status */
const COLUMNS = '156px minmax(180px, 2fr) minmax(100px, 1fr) 122px minmax(124px, 1fr) 92px 100px';
const GAP = 10;

type SortKey = Exclude<ListSort, 'relevance'>;

/** "industry:kecil", "business:mikro", "bps:rumah_tangga" */
type SizeFilter = string | null;

function sizeInput(v: SizeFilter): Pick<ListQuery, 'industryClass' | 'businessClass' | 'bpsScale'> {
  if (!v) return {};
  const [kind, value] = v.split(':') as [string, string];
  if (kind === 'industry') return { industryClass: value as (typeof INDUSTRY_CLASSES)[number] };
  if (kind === 'business') return { businessClass: value as (typeof BUSINESS_CLASSES)[number] };
  return { bpsScale: value as (typeof BPS_SCALES)[number] };
}

/**
 * The filters live in the URL (`?q=…&desa=…&status=aktif,musiman…`): opening a record and coming back
 * (or reloading) keeps them. Names are short and Indonesian, as the clerk may see them.
 */
const P = {
  query: 'q',
  villageCode: 'desa',
  villageName: 'desaNama',
  kbliCode: 'kbli',
  kbliVersion: 'kbliVersi',
  size: 'ukuran',
  status: 'status',
  archived: 'arsip',
  sort: 'urut',
  direction: 'arah',
  permit: 'izin',
  activity: 'kegiatan',
} as const;

/** An activity in the filter: its title, batch and year, so two batches of one training are told apart. */
function activityLabel(a: ActivitySummary): string {
  return [a.title, a.batch, a.firstDay?.slice(0, 4)].filter(Boolean).join(' · ');
}

function readStatuses(v: string | null): BusinessStatus[] {
  if (!v) return [];
  return v
    .split(',')
    .filter((s): s is BusinessStatus => (BUSINESS_STATUSES as readonly string[]).includes(s));
}

/**
 * The list's query as the URL gives it (the filters live there, see P). The page reads it on each render,
 * and the search box before the page re-renders, to ask for the first window at once (same key).
 */
function listQueryOf(params: URLSearchParams): ListQuery {
  const villageCode = params.get(P.villageCode);
  const statuses = readStatuses(params.get(P.status));
  const permit = params.get(P.permit);
  const activity = params.get(P.activity);
  const sortParam = params.get(P.sort);
  return {
    query: params.get(P.query) || undefined,
    villageCode: villageCode ?? undefined,
    villageName: villageCode ? undefined : params.get(P.villageName) || undefined,
    kbliCode: params.get(P.kbliCode) || undefined,
    status: statuses.length ? statuses : undefined,
    includeArchived: params.get(P.archived) === '1',
    ...(permit ? { permit: permit === 'none' ? ('none' as const) : Number(permit) } : {}),
    ...(activity && Number(activity) > 0 ? { activity: Number(activity) } : {}),
    ...sizeInput(params.get(P.size)),
    sort: (LIST_SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as ListSort) : 'relevance',
    direction: params.get(P.direction) === 'asc' ? 'asc' : 'desc',
  };
}

/**
 * The search box, apart from the table: a keystroke re-renders this input only, and the search leaves from
 * the keystroke's own handler (no debounce, no waiting for a render or an effect): main answers a search in
 * milliseconds, and the list's re-render for the new URL is a transition, so typing is never blocked by it.
 */
const SearchBox = memo(function SearchBox(props: {
  initial: string;
  fetching: boolean;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.initial);
  const { onSearch } = props;
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      rightSection={props.fetching ? <Loader size="xs" /> : null}
      placeholder={t('businessList.searchPlaceholder')}
      aria-label={t('common.search')}
      value={value}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setValue(text);
        onSearch(text.trim());
      }}
      mb="sm"
      size="md"
      autoFocus
      data-testid="business-search"
    />
  );
});

/** The desa-name filter (offices without a village list): debounced, then into the URL. */
function VillageNameFilter(props: { initial: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.initial);
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const { onChange } = props;
  const last = useRef(props.initial);
  useEffect(() => {
    if (debounced === last.current) return;
    last.current = debounced;
    onChange(debounced);
  }, [debounced, onChange]);
  return (
    <TextInput
      label={t('businessList.filter.village')}
      placeholder={t('businessList.filter.villageName')}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      w={200}
      data-testid="filter-village-name"
    />
  );
}

type SetParam = (patch: Partial<Record<(typeof P)[keyof typeof P], string | null>>) => void;

/** Whether any filter (not the search) narrows the list. */
function isFiltered(params: URLSearchParams): boolean {
  return Boolean(
    params.get(P.villageCode) ||
    params.get(P.villageName) ||
    params.get(P.kbliCode) ||
    params.get(P.size) ||
    readStatuses(params.get(P.status)).length ||
    params.get(P.archived) === '1' ||
    params.get(P.permit) ||
    params.get(P.activity),
  );
}

/**
 * The filters under the search box, memoised on their URL values: a search (a new `q` in the URL) or its
 * answer does not re-render them (a dozen Mantine selects and popovers, the costliest part of the page).
 */
const FilterBar = memo(function FilterBar(props: {
  villageCode: string | null;
  villageName: string;
  kbliCode: string | null;
  kbliVersion: string | null;
  size: SizeFilter;
  status: string | null;
  includeArchived: boolean;
  permit: string | null;
  activity: string | null;
  setParam: SetParam;
}) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const districtCode = info.data?.office?.districtCode ?? null;
  const villages = useRegionChildren(districtCode, districtCode !== null);
  const permitTypes = usePermitTypes();
  const activities = useActivities({ includeArchived: true });
  const { setParam, villageCode, size, includeArchived, permit, activity } = props;
  const onVillageName = useCallback((v: string) => setParam({ [P.villageName]: v }), [setParam]);
  const kbli: KbliValue | null = useMemo(
    () =>
      props.kbliCode
        ? {
            code: props.kbliCode,
            version: (KBLI_VERSIONS as readonly string[]).includes(props.kbliVersion ?? '')
              ? (props.kbliVersion as KbliVersion)
              : '2020',
            title: '',
          }
        : null,
    [props.kbliCode, props.kbliVersion],
  );
  const statuses = useMemo(() => readStatuses(props.status), [props.status]);
  const setVillageCode = (v: string | null) => setParam({ [P.villageCode]: v });
  const setKbli = (v: KbliValue | null) =>
    setParam({ [P.kbliCode]: v?.code ?? null, [P.kbliVersion]: v?.version ?? null });
  const setSize = (v: string | null) => setParam({ [P.size]: v });
  const setStatuses = (v: BusinessStatus[]) => setParam({ [P.status]: v.join(',') });
  const setIncludeArchived = (v: boolean) => setParam({ [P.archived]: v ? '1' : null });
  const setPermit = (v: string | null) => setParam({ [P.permit]: v });
  const setActivity = (v: string | null) => setParam({ [P.activity]: v });

  const filtered = Boolean(
    villageCode ||
    props.villageName ||
    kbli ||
    size ||
    statuses.length ||
    includeArchived ||
    permit ||
    activity,
  );

  const villageOptions = useMemo(
    () => (villages.data ?? []).map((v) => ({ value: v.code, label: v.displayName })),
    [villages.data],
  );
  const sizeOptions = useMemo(
    () => [
      {
        group: t('businessList.size.industry'),
        items: INDUSTRY_CLASSES.map((c) => ({
          value: `industry:${c}`,
          label: t(`businessList.size.industryClass.${c}`),
        })),
      },
      {
        group: t('businessList.size.business'),
        items: BUSINESS_CLASSES.map((c) => ({
          value: `business:${c}`,
          label: t(`businessList.size.businessClass.${c}`),
        })),
      },
      {
        group: t('businessList.size.bps'),
        items: BPS_SCALES.map((c) => ({ value: `bps:${c}`, label: t(`businessList.size.bpsScale.${c}`) })),
      },
    ],
    [t],
  );

  const [filterKey, setFilterKey] = useState(0);
  const resetFilters = () => {
    setParam({
      [P.villageCode]: null,
      [P.villageName]: null,
      [P.kbliCode]: null,
      [P.kbliVersion]: null,
      [P.size]: null,
      [P.status]: null,
      [P.archived]: null,
      [P.permit]: null,
      [P.activity]: null,
    });
    setFilterKey((k) => k + 1); // the desa-name box starts empty again
  };

  return (
    <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
      {villageOptions.length > 0 ? (
        <Select
          label={t('businessList.filter.village')}
          placeholder={t('businessList.filter.all')}
          data={villageOptions}
          value={villageCode}
          onChange={setVillageCode}
          searchable
          clearable
          w={200}
          data-testid="filter-village"
        />
      ) : (
        <VillageNameFilter key={filterKey} initial={props.villageName} onChange={onVillageName} />
      )}
      <div style={{ width: 300 }}>
        <KbliPicker
          value={kbli}
          onChange={setKbli}
          label={t('businessList.filter.kbli')}
          placeholder={t('businessList.filter.kbliPlaceholder')}
        />
      </div>
      <Select
        label={t('permits.listFilter.label')}
        placeholder={t('businessList.filter.all')}
        data={[
          { value: 'none', label: t('permits.listFilter.none') },
          ...(permitTypes.data ?? []).map((x) => ({
            value: String(x.id),
            label: t('permits.listFilter.has', { type: x.shortName }),
          })),
        ]}
        value={permit}
        onChange={setPermit}
        clearable
        w={200}
        data-testid="filter-permit"
      />
      <Select
        label={t('activities.listFilter.label')}
        placeholder={t('businessList.filter.all')}
        data={(activities.data ?? []).map((a) => ({
          value: String(a.id),
          label: activityLabel(a),
        }))}
        value={activity}
        onChange={setActivity}
        searchable
        clearable
        w={240}
        data-testid="filter-activity"
      />
      <Select
        label={t('businessList.filter.size')}
        placeholder={t('businessList.filter.all')}
        data={sizeOptions}
        value={size}
        onChange={setSize}
        clearable
        w={220}
        data-testid="filter-size"
      />
      <MultiSelect
        label={t('businessList.filter.status')}
        placeholder={statuses.length ? undefined : t('businessList.filter.all')}
        data={BUSINESS_STATUSES.map((s) => ({ value: s, label: t(`business.status.${s}`) }))}
        value={statuses}
        onChange={(v) => setStatuses(v)}
        clearable
        w={240}
        data-testid="filter-status"
      />
      <Switch
        label={t('businessList.filter.archived')}
        checked={includeArchived}
        onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
        mb={8}
      />
      {filtered && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={resetFilters} mb={2}>
          {t('businessList.filter.reset')}
        </Button>
      )}
    </Group>
  );
});

/** The table's column headers, memoised: they change only with the order. */
const TableHeader = memo(function TableHeader(props: {
  sort: ListSort;
  direction: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const header = (key: SortKey | null, label: string) => {
    if (!key)
      return (
        <Text size="xs" fw={700}>
          {label}
        </Text>
      );
    const active = props.sort === key;
    const Icon = !active ? IconArrowsSort : props.direction === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <UnstyledButton
        onClick={() => props.onSort(key)}
        aria-label={t('businessList.sortBy', { column: label })}
        aria-pressed={active}
        data-testid={`sort-${key}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="xs" fw={700} c={active ? 'blue' : undefined}>
            {label}
          </Text>
          <Icon size={14} stroke={1.8} opacity={active ? 1 : 0.45} />
        </Group>
      </UnstyledButton>
    );
  };
  return (
    <div
      role="row"
      style={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        gap: GAP,
        alignItems: 'center',
        padding: '10px 12px',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        background: 'var(--mantine-color-gray-0)',
        position: 'sticky',
        top: 0,
        zIndex: 2,
      }}
    >
      <div role="columnheader">{header('registrationNumber', t('business.fields.registrationNumber'))}</div>
      <div role="columnheader">{header('name', t('business.fields.name'))}</div>
      <div role="columnheader">{header(null, t('business.fields.ownerName'))}</div>
      <div role="columnheader">{header(null, t('business.fields.nik'))}</div>
      <div role="columnheader">{header('village', t('business.fields.village'))}</div>
      <div role="columnheader">{header('registrationDate', t('business.fields.registrationDate'))}</div>
      <div role="columnheader">{header(null, t('business.fields.status'))}</div>
    </div>
  );
});

export function BusinessListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const info = useAppInfo();
  const districtCode = info.data?.office?.districtCode ?? null;

  const [params, setParams] = useSearchParams();
  const qc = useQueryClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  // setSearchParams changes with every navigation: the callbacks below read the latest through refs so they
  // stay stable (a changing callback in an effect's dependencies would navigate again, in a loop).
  const latest = useRef({ params, setParams });
  useEffect(() => {
    latest.current = { params, setParams };
  }, [params, setParams]);
  /** Changes some URL parameters (null or '' removes one), replacing the history entry; no-op if equal. */
  const setParam: SetParam = useCallback((patch) => {
    const { params: prev, setParams: set } = latest.current;
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (next.toString() === prev.toString()) return;
    latest.current = { params: next, setParams: set };
    startTransition(() => set(next, { replace: true }));
  }, []);
  const debounced = params.get(P.query) ?? '';
  const lastSearch = useRef(debounced);
  const onSearch = useCallback(
    (text: string) => {
      if (text === lastSearch.current) return;
      lastSearch.current = text;
      scrollRef.current?.scrollTo({ top: 0 });
      // the request leaves now, not after the page's re-render for the new URL (which finds it under way)
      const next = new URLSearchParams(latest.current.params);
      if (text) next.set(P.query, text);
      else next.delete(P.query);
      void qc.prefetchQuery(firstWindowQuery(listQueryOf(next)));
      setParam({ [P.query]: text });
    },
    [setParam, qc],
  );
  const q = useMemo(() => listQueryOf(params), [params]);
  const filtered = isFiltered(params);
  // The rows' request leaves first, during this render: at sign-in the page and its filter bar mount in
  // one long render, and the filter bar's lists (desa, permit types, activities) subscribe in passive
  // effects after it, a child's before its parent's, so they were asked before the list. Main answers one
  // call at a time, and the rows are what the clerk waits for. (Skipped when the key has any cached state;
  // useFirstWindow then finds the request under way.)
  usePrefetchQuery(firstWindowQuery(q));

  const first = useFirstWindow(q);
  const page = first.data;
  // a capped count is the cap itself: the table scrolls through that many and says there are more
  const count = page ? Math.max(0, page.total) : 0;

  // The virtualizer's functions change on every scroll by design; this page does not rely on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
  });
  const visible = virtualizer.getVirtualItems();
  const windowIndexes = useMemo(() => {
    if (!visible.length) return [];
    const a = Math.floor(visible[0]!.index / LIST_WINDOW);
    const b = Math.floor(visible[visible.length - 1]!.index / LIST_WINDOW);
    const out: number[] = [];
    for (let i = Math.max(1, a); i <= b; i++) out.push(i);
    return out;
  }, [visible]);
  const windows = useWindows(q, windowIndexes);
  const rowAt = (index: number): BusinessListRow | undefined => {
    const w = Math.floor(index / LIST_WINDOW);
    const p = w === 0 ? page : windows.get(w);
    return p?.items[index % LIST_WINDOW];
  };

  const open = useCallback((id: number) => void navigate(`/usaha/${id}`), [navigate]);
  const setSort = useCallback(
    (key: SortKey) => {
      const cur = listQueryOf(latest.current.params);
      const direction =
        cur.sort === key
          ? cur.direction === 'asc'
            ? 'desc'
            : 'asc'
          : key === 'name' || key === 'village'
            ? 'asc'
            : 'desc';
      setParam({ [P.sort]: key, [P.direction]: direction });
      scrollRef.current?.scrollTo({ top: 0 });
    },
    [setParam],
  );

  const countText = page
    ? page.totalCapped
      ? t('businessList.countCapped', { count: formatNumber(page.total) })
      : t('businessList.count', { count: page.total, formatted: formatNumber(page.total) })
    : '';
  const empty = page && page.items.length === 0;

  return (
    <>
      <Group justify="space-between" className="page-title">
        <Title order={2}>{t('business.list.title')}</Title>
        <Group gap="xs">
          <ExportMenu list={q} />
          <Button component={Link} to="/usaha/baru" leftSection={<IconPlus size={16} />}>
            {t('nav.register')}
          </Button>
        </Group>
      </Group>
      <SearchBox initial={debounced} fetching={first.isFetching} onSearch={onSearch} />
      <FilterBar
        villageCode={params.get(P.villageCode)}
        villageName={params.get(P.villageName) ?? ''}
        kbliCode={params.get(P.kbliCode)}
        kbliVersion={params.get(P.kbliVersion)}
        size={params.get(P.size)}
        status={params.get(P.status)}
        includeArchived={params.get(P.archived) === '1'}
        permit={params.get(P.permit)}
        activity={params.get(P.activity)}
        setParam={setParam}
      />
      <Group justify="space-between" mb={6} mih={22}>
        <Text size="sm" c="dimmed" data-testid="business-count">
          {countText}
        </Text>
        {page && page.similarWords.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="similar-words">
            {t('businessList.similar', { words: page.similarWords.join(', ') })}
          </Text>
        )}
      </Group>
      {first.isError && (
        <Alert color="red" mb="sm" data-testid="business-list-error">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{errorText(t, first.error)}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void first.refetch()}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      <Paper
        withBorder
        data-testid="business-table"
        data-results-for={first.isPlaceholderData ? undefined : debounced}
        role="table"
        aria-rowcount={count}
        style={{ overflow: 'hidden' }}
      >
        <div
          ref={scrollRef}
          style={{ height: 'calc(100vh - 330px)', minHeight: 260, overflow: 'auto', position: 'relative' }}
          data-testid="business-rows"
        >
          <TableHeader sort={q.sort ?? 'relevance'} direction={q.direction ?? 'desc'} onSort={setSort} />
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {visible.map((v) => (
              <RowView
                key={v.key}
                index={v.index}
                start={v.start}
                b={rowAt(v.index)}
                onOpen={open}
                officeDistrict={districtCode}
              />
            ))}
          </div>
          {empty && (
            <Text
              c="dimmed"
              ta="center"
              py="xl"
              px="md"
              style={{ position: 'absolute', top: 48, left: 0, right: 0 }}
            >
              {debounced || filtered ? t('business.list.noMatch') : t('business.list.empty')}
            </Text>
          )}
        </div>
      </Paper>
      {page?.totalCapped && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('businessList.cappedHint', { count: formatNumber(page.total) })}
        </Text>
      )}
    </>
  );
}

/** One row of the table; memoised: a render of the page does not re-render rows whose data is unchanged. */
const RowView = memo(function RowView(props: {
  index: number;
  start: number;
  b: BusinessListRow | undefined;
  onOpen: (id: number) => void;
  officeDistrict: string | null;
}) {
  const { b, index, onOpen } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      tabIndex={b ? 0 : -1}
      onClick={b ? () => onOpen(b.id) : undefined}
      onKeyDown={(e: KeyboardEvent) => {
        if (b && e.key === 'Enter') onOpen(b.id);
      }}
      className="business-row"
      data-testid={b ? 'business-row' : undefined}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${props.start}px)`,
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        gap: GAP,
        alignItems: 'center',
        padding: '0 12px',
        cursor: b ? 'pointer' : undefined,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
        opacity: b?.archived || b?.merged ? 0.6 : 1,
      }}
    >
      {b ? (
        <Row b={b} officeDistrict={props.officeDistrict} />
      ) : (
        <Skeleton height={14} style={{ gridColumn: '1 / -1' }} />
      )}
    </div>
  );
});

/**
 * One business. At 1280 px the name gets two lines (a long name is not cut after a few words) and the badges
 * sit under it with the products; an archived or merged record says so in the status column instead of its
 * last status; a desa outside the office's kecamatan names its kecamatan.
 */
/** `officeDistrict`: the office's kecamatan code (35.09.27). */
function Row({ b, officeDistrict }: { b: BusinessListRow; officeDistrict: string | null }) {
  const { t } = useTranslation();
  const otherDistrict =
    b.districtName && officeDistrict && b.villageCode?.slice(0, 8) !== officeDistrict ? b.districtName : null;
  // plain elements, not Mantine's Text: see .bl-text in app.css
  return (
    <>
      <p className="bl-text bl-xs bl-mono">{b.registrationNumber}</p>
      <div style={{ minWidth: 0 }}>
        <p className="bl-text bl-clamp2" title={b.name} style={{ fontWeight: 600, lineHeight: 1.25 }}>
          {b.name}
        </p>
        <div className="bl-group">
          {b.similar && (
            <Badge
              size="xs"
              variant="light"
              color="grape"
              title={t('businessList.similarBadgeHint')}
              style={{ flexShrink: 0 }}
            >
              {t('businessList.similarBadge')}
            </Badge>
          )}
          {b.products && (
            <p className="bl-text bl-xs bl-dimmed bl-truncate" title={b.products}>
              {b.products}
            </p>
          )}
        </div>
      </div>
      <p className="bl-text bl-clamp2" title={b.ownerName} style={{ lineHeight: 1.3 }}>
        {b.ownerName}
      </p>
      <p className="bl-text bl-xs bl-mono">{b.ownerNikMasked || '—'}</p>
      <div style={{ minWidth: 0 }}>
        <p className="bl-text bl-truncate" title={b.villageName}>
          {b.villageName}
        </p>
        {otherDistrict && (
          <p className="bl-text bl-xs bl-dimmed bl-truncate" data-testid="row-district">
            {t('businessList.districtOf', { name: otherDistrict })}
          </p>
        )}
      </div>
      <p className="bl-text bl-xs" style={{ whiteSpace: 'nowrap' }}>
        {formatDateShort(b.registrationDate)}
      </p>
      <div>
        {b.merged ? (
          <Badge size="sm" variant="outline" color="gray">
            {t('businessList.mergedBadge')}
          </Badge>
        ) : b.archived ? (
          <Badge size="sm" variant="outline" color="gray">
            {t('businessList.archived')}
          </Badge>
        ) : (
          <Badge
            size="sm"
            variant="light"
            color={b.status === 'aktif' ? 'teal' : b.status === 'musiman' ? 'yellow' : 'gray'}
          >
            {t(`business.status.${b.status}`)}
          </Badge>
        )}
      </div>
    </>
  );
}
