import { Badge, Button, Group, Kbd, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type ActivityDetail, type Attendance } from '../../../shared/schemas/activity';
import { call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { SheetButton } from './SheetButton';
import { useActivityWrite } from './queries';
import { ParticipantHead } from './Participants';

const KEY_MARK: Record<string, Attendance> = {
  h: 'hadir',
  i: 'izin',
  s: 'sakit',
  a: 'alpa',
  '1': 'hadir',
  '2': 'izin',
  '3': 'sakit',
  '4': 'alpa',
};
const COLOR: Record<Attendance, string> = { hadir: 'teal', izin: 'blue', sakit: 'yellow', alpa: 'red' };

/** The day to open: today when it is one of the days, else the first day without marks, else the last. */
function defaultDay(a: ActivityDetail): number | null {
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return (
    a.days.find((d) => d.day === iso)?.id ??
    a.days.find((d) => d.marked === 0)?.id ??
    a.days.at(-1)?.id ??
    null
  );
}

/**
 * One day's attendance for the whole list, from the keyboard: ↑/↓ move, H/I/S/A (or 1–4) mark and move to the
 * next row, "Semua hadir" marks every unmarked row present, Ctrl+S saves the day in one transaction. Mouse
 * users click the letters. Nothing is saved until "Simpan".
 */
export function AttendanceGrid({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(() => activity.participants.filter((p) => p.archivedAt === null), [activity]);
  const [dayId, setDayId] = useState<number | null>(() => defaultDay(activity));
  const saved = useMemo(() => {
    const m: Record<number, Attendance | undefined> = {};
    for (const p of rows) m[p.id] = dayId !== null ? p.attendance[dayId] : undefined;
    return m;
  }, [rows, dayId]);
  // the clerk's marks not saved yet, over the saved ones
  const [edits, setEdits] = useState<Record<number, Attendance>>({});
  const marks: Record<number, Attendance | undefined> = { ...saved, ...edits };
  const [cursor, setCursor] = useState(0);
  const gridRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    rowRefs.current[cursor]?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const day = activity.days.find((d) => d.id === dayId) ?? null;
  const dirty = rows.filter((p) => marks[p.id] !== saved[p.id]).length;
  const counts = { hadir: 0, izin: 0, sakit: 0, alpa: 0, none: 0 };
  for (const p of rows) counts[marks[p.id] ?? 'none']++;

  const save = useActivityWrite(
    (input: { day: string; marks: { participantId: number; status: Attendance }[] }) =>
      call('activity:attendanceSave', { activityId: activity.id, ...input }),
  );
  const doSave = () => {
    if (!day) return;
    const list = rows
      .filter((p) => marks[p.id] !== undefined)
      .map((p) => ({ participantId: p.id, status: marks[p.id]! }));
    if (list.length === 0) {
      notifications.show({ color: 'orange', message: t('validation.activities.noMarks') });
      return;
    }
    save.mutate(
      { day: day.day, marks: list },
      {
        onSuccess: () => {
          setEdits({});
          notifications.show({
            color: 'teal',
            message: t('activities.attendance.saved', { date: formatDate(day.day), count: list.length }),
          });
        },
        onError: (e) => showIpcError(e, t),
      },
    );
  };

  const mark = (index: number, status: Attendance) => {
    const p = rows[index];
    if (!p) return;
    setEdits((m) => ({ ...m, [p.id]: status }));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      doSave();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'arrowdown' || k === 'j') setCursor((c) => Math.min(rows.length - 1, c + 1));
    else if (k === 'arrowup' || k === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (k === 'home') setCursor(0);
    else if (k === 'end') setCursor(rows.length - 1);
    else if (KEY_MARK[k]) {
      mark(cursor, KEY_MARK[k]);
      setCursor((c) => Math.min(rows.length - 1, c + 1));
    } else return;
    e.preventDefault();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('activities.attendance.day')}
            data-testid="attendance-day"
            w={340}
            allowDeselect={false}
            data={activity.days.map((d, i) => ({
              value: String(d.id),
              label: t('activities.attendance.dayOption', { n: i + 1, date: formatDate(d.day) }),
            }))}
            value={dayId !== null ? String(dayId) : null}
            onChange={(v) => {
              if (dirty > 0) {
                notifications.show({ color: 'orange', message: t('activities.attendance.leaveUnsaved') });
                return;
              }
              setDayId(v ? Number(v) : null);
              setEdits({});
              setCursor(0);
            }}
          />
          <Button
            variant="light"
            leftSection={<IconChecks size={16} />}
            onClick={() => {
              setEdits((m) => {
                const n = { ...m };
                for (const p of rows) if (saved[p.id] === undefined) n[p.id] ??= 'hadir';
                return n;
              });
              gridRef.current?.focus();
            }}
            disabled={rows.length === 0}
          >
            {t('activities.attendance.allPresent')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={doSave}
            loading={save.isPending}
            disabled={!day || rows.length === 0 || activity.archivedAt !== null}
            data-testid="attendance-save"
          >
            {t('activities.attendance.save')}
          </Button>
          {dirty > 0 && (
            <Badge color="orange" variant="light" size="lg" data-testid="attendance-unsaved">
              {t('activities.attendance.unsaved', { count: dirty })}
            </Badge>
          )}
        </Group>
        {day && <SheetButton activityId={activity.id} day={day.day} />}
      </Group>
      <Text size="sm" c="dimmed">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> · <Kbd>H</Kbd> <Kbd>I</Kbd> <Kbd>S</Kbd> <Kbd>A</Kbd> ·{' '}
        {t('activities.attendance.keys')}
      </Text>
      <Text size="sm" data-testid="attendance-counts">
        {t('activities.attendance.counts', counts)}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('activities.attendance.noParticipants')}</Text>
      ) : (
        <Paper
          withBorder
          ref={gridRef}
          tabIndex={0}
          onKeyDown={onKey}
          data-testid="attendance-grid"
          aria-label={t('activities.attendance.keys')}
          style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 240, overflowY: 'auto', outlineOffset: 2 }}
        >
          <Table stickyHeader highlightOnHover verticalSpacing={4}>
            <ParticipantHead
              fields={['business', 'village']}
              last={{ label: t('activities.attendance.day'), w: 230 }}
            />
            <Table.Tbody>
              {rows.map((p, i) => {
                const m = marks[p.id];
                const active = i === cursor;
                return (
                  <Table.Tr
                    key={p.id}
                    ref={(el) => {
                      rowRefs.current[i] = el;
                    }}
                    data-testid={`attendance-row-${i + 1}`}
                    data-mark={m ?? ''}
                    aria-selected={active}
                    onClick={() => {
                      setCursor(i);
                      gridRef.current?.focus();
                    }}
                    style={{
                      background: active ? 'var(--mantine-color-blue-1)' : undefined,
                      outline: active ? '2px solid var(--mantine-color-blue-5)' : undefined,
                      cursor: 'pointer',
                    }}
                  >
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      {p.attendeeName}
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t(`activities.role.${p.attendeeRole}`)})
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.businessName}</Table.Td>
                    <Table.Td>{p.villageName}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {ATTENDANCE.map((s) => (
                          <Button
                            key={s}
                            size="compact-sm"
                            w={40}
                            tabIndex={-1}
                            variant={m === s ? 'filled' : 'default'}
                            color={COLOR[s]}
                            title={t(`activities.mark.${s}`)}
                            aria-label={`${t(`activities.mark.${s}`)} ${i + 1}`}
                            aria-pressed={m === s}
                            onClick={(e) => {
                              e.stopPropagation();
                              setCursor(i);
                              mark(i, s);
                              gridRef.current?.focus();
                            }}
                          >
                            {t(`activities.markShort.${s}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
