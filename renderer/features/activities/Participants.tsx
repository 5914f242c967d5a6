import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BusinessListRow } from '../../../shared/schemas/business-search';
import {
  ATTENDEE_ROLES,
  type ActivityDetail,
  type AttendeeRole,
  type EnrolWarning,
  type Participant,
} from '../../../shared/schemas/activity';
import { IpcError, call } from '../../lib/ipc';
import { showIpcError, useValues } from '../../lib/forms';
import { ModalActions } from '../../components/ModalActions';
import { ReasonModal } from './ReasonModal';
import { formatMoney } from '../../lib/format';
import { activityKeys, useActivityWrite, usePermitOptions } from './queries';
import { TableHead, type HeadColumn } from '../../components/TableHead';
import { EmptyText } from '../../components/EmptyText';

function warningText(t: TFunction, w: EnrolWarning): string {
  switch (w.code) {
    case 'archived':
      return t('activities.enrol.warning.archived');
    case 'notActive':
      return t('activities.enrol.warning.notActive', { status: t(`business.status.${w.status}`) });
    case 'alreadyEnrolled':
      return t('activities.enrol.warning.alreadyEnrolled', { name: w.attendeeName });
    case 'quotaFull':
      return t('activities.enrol.warning.quotaFull', { count: w.count, quota: w.quota });
  }
}

/** Search a business, say who attends, enrol; warnings are shown and confirmed, never silent. */
export function EnrolPanel({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<BusinessListRow | null>(null);
  const [attendee, setAttendee] = useState('');
  const [role, setRole] = useState<AttendeeRole>('pemilik');
  const [warnings, setWarnings] = useState<EnrolWarning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [attendeeError, setAttendeeError] = useState<string | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useQuery({
    queryKey: ['business', 'list', 'enrol', query],
    queryFn: () => call('business:list', { query, includeArchived: true, limit: 8, offset: 0 }),
    enabled: query.trim().length >= 2 && picked === null,
  });
  const reset = () => {
    setPicked(null);
    setQuery('');
    setAttendee('');
    setRole('pemilik');
    setWarnings(null);
    searchRef.current?.focus();
  };
  const submit = async (confirm: boolean) => {
    if (!picked) return;
    if (!attendee.trim()) {
      setAttendeeError(t('validation.required'));
      return;
    }
    setBusy(true);
    try {
      const r = await call('activity:enrol', {
        activityId: activity.id,
        businessId: picked.id,
        attendeeName: attendee,
        attendeeRole: role,
        confirm,
      });
      if (!r.enrolled) {
        setWarnings(r.warnings);
        return;
      }
      notifications.show({ color: 'teal', message: t('activities.enrol.enrolled', { name: picked.name }) });
      await qc.invalidateQueries({ queryKey: activityKeys.all });
      reset();
    } catch (e) {
      if (e instanceof IpcError && e.error.fields?.attendeeName)
        setAttendeeError(t(e.error.fields.attendeeName));
      showIpcError(e, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="enrol-panel">
      <Text fw={600} mb="xs">
        {t('activities.enrol.title')}
      </Text>
      {!picked ? (
        <Stack gap="xs">
          <TextInput
            ref={searchRef}
            label={t('activities.enrol.search')}
            description={t('activities.enrol.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-testid="enrol-search"
          />
          {search.data && search.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('activities.enrol.noResults')}
            </Text>
          )}
          {search.data && search.data.items.length > 0 && (
            <Table highlightOnHover verticalSpacing={4}>
              <Table.Tbody>
                {search.data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      {b.name}
                      {b.archived && (
                        <Badge ml={6} size="xs" color="gray">
                          {t('activities.enrol.archivedTag')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {b.ownerName} · {b.villageName} · {b.registrationNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td w={90}>
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`${t('activities.enrol.pick')} ${b.name}`}
                        onClick={() => {
                          setPicked(b);
                          setAttendee(b.ownerName);
                          setAttendeeError(undefined);
                        }}
                      >
                        {t('activities.enrol.pick')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text>
              <b>{picked.name}</b>{' '}
              <Text span size="sm" c="dimmed">
                {picked.ownerName} · {picked.villageName} · {picked.registrationNumber}
              </Text>
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </Group>
          <Group align="flex-end">
            <TextInput
              label={t('activities.fields.attendee')}
              value={attendee}
              onChange={(e) => {
                setAttendee(e.currentTarget.value);
                setAttendeeError(undefined);
              }}
              error={attendeeError}
              style={{ flex: 1 }}
            />
            <SegmentedControl
              aria-label={t('activities.fields.attendeeRole')}
              value={role}
              onChange={(v) => {
                setRole(v);
                if (v === 'pemilik') setAttendee(picked.ownerName);
                else if (attendee === picked.ownerName) setAttendee('');
              }}
              data={ATTENDEE_ROLES.map((r) => ({ value: r, label: t(`activities.role.${r}`) }))}
            />
            {!warnings && (
              <Button
                leftSection={<IconUserPlus size={16} />}
                onClick={() => void submit(false)}
                loading={busy}
                data-testid="enrol-submit"
              >
                {t('activities.enrol.submit')}
              </Button>
            )}
          </Group>
          {warnings && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle size={18} />}
              title={t('activities.enrol.warningsTitle')}
              data-testid="enrol-warnings"
            >
              <List size="sm" mb="sm">
                {warnings.map((w) => (
                  <List.Item key={w.code}>{warningText(t, w)}</List.Item>
                ))}
              </List>
              <Group>
                <Button
                  color="orange"
                  onClick={() => void submit(true)}
                  loading={busy}
                  data-testid="enrol-confirm"
                >
                  {t('activities.enrol.confirm')}
                </Button>
                <Button variant="default" onClick={reset}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The header of a table of participants: the row number, the attendee, then the named `fields`
 * (activities.fields.*) and a `last` column (by default an empty one, over the row's buttons).
 */
export function ParticipantHead({ fields, last = null }: { fields: string[]; last?: HeadColumn }) {
  const { t } = useTranslation();
  return (
    <TableHead
      columns={[
        { label: 'No.', w: 48 },
        t('activities.fields.attendee'),
        ...fields.map((f) => t(`activities.fields.${f}`)),
        last,
      ]}
    />
  );
}

export function ParticipantTable({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  const withdraw = useActivityWrite((v: { id: number; reason: string; restore: boolean }) =>
    call(v.restore ? 'activity:participantRestore' : 'activity:participantWithdraw', {
      id: v.id,
      reason: v.reason,
    }),
  );
  if (activity.participants.length === 0) return <EmptyText>{t('activities.participants.empty')}</EmptyText>;
  const present = (p: Participant) => Object.values(p.attendance).filter((m) => m === 'hadir').length;
  return (
    <>
      <Table striped data-testid="participant-table">
        <ParticipantHead fields={['business', 'village', 'present']} />
        <Table.Tbody>
          {activity.participants.map((p, i) => (
            <Table.Tr key={p.id} style={p.archivedAt ? { opacity: 0.55 } : undefined}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                {p.attendeeName}{' '}
                <Text span size="xs" c="dimmed">
                  ({t(`activities.role.${p.attendeeRole}`)})
                </Text>
                {p.archivedAt && (
                  <Badge ml={6} size="xs" color="gray">
                    {t('activities.participants.withdrawn')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Link to={`/usaha/${p.businessId}`}>{p.businessName}</Link>
                {p.businessArchived && (
                  <Badge ml={6} size="xs" color="gray">
                    {t('activities.participants.businessArchived')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{p.villageName}</Table.Td>
              <Table.Td>
                {present(p)}/{activity.days.length}
              </Table.Td>
              <Table.Td ta="right">
                {activity.archivedAt === null && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={p.archivedAt ? 'teal' : 'red'}
                    onClick={() => setWithdrawing(p)}
                  >
                    {p.archivedAt
                      ? t('activities.participants.restore')
                      : t('activities.participants.withdraw')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {withdrawing && (
        <ReasonModal
          title={
            withdrawing.archivedAt
              ? t('activities.participants.restore')
              : t('activities.participants.withdrawTitle', { name: withdrawing.attendeeName })
          }
          action={t('common.save')}
          loading={withdraw.isPending}
          onSave={(reason) =>
            withdraw.mutate(
              { id: withdrawing.id, reason, restore: withdrawing.archivedAt !== null },
              { onSuccess: () => setWithdrawing(null), onError: (e) => showIpcError(e, t) },
            )
          }
          onClose={() => setWithdrawing(null)}
        />
      )}
    </>
  );
}

export function OutcomeTable({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Participant | null>(null);
  const rows = activity.participants.filter((p) => p.archivedAt === null);
  if (rows.length === 0) return <EmptyText>{t('activities.participants.empty')}</EmptyText>;
  return (
    <>
      <Table striped data-testid="outcome-table">
        <ParticipantHead fields={['certificate', 'permit', 'equipment']} />
        <Table.Tbody>
          {rows.map((p, i) => (
            <Table.Tr key={p.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                {p.attendeeName}
                <Text size="xs" c="dimmed">
                  {p.businessName}
                </Text>
              </Table.Td>
              <Table.Td>{p.certificateNumber ?? t('activities.outcomes.none')}</Table.Td>
              <Table.Td>{p.permitLabel ?? t('activities.outcomes.none')}</Table.Td>
              <Table.Td>
                {p.equipment
                  ? `${p.equipment}${p.equipmentValue !== null ? ` (${formatMoney(p.equipmentValue)})` : ''}`
                  : t('activities.outcomes.none')}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setEditing(p)}
                  aria-label={`${t('activities.outcomes.edit')} ${p.attendeeName}`}
                  disabled={activity.archivedAt !== null}
                >
                  {t('activities.outcomes.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <OutcomeModal participant={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function OutcomeModal({ participant: p, onClose }: { participant: Participant; onClose: () => void }) {
  const { t } = useTranslation();
  const permits = usePermitOptions(p.businessId);
  const { v, set, err, text, failed } = useValues({
    attendeeName: p.attendeeName,
    attendeeRole: p.attendeeRole,
    certificateNumber: p.certificateNumber ?? '',
    permitId: p.permitId !== null ? String(p.permitId) : null,
    equipment: p.equipment ?? '',
    equipmentValue: p.equipmentValue !== null ? p.equipmentValue.toLocaleString('id-ID') : '',
    outcomeNotes: p.outcomeNotes ?? '',
  });
  const save = useActivityWrite((input: typeof v) =>
    call('activity:participantUpdate', {
      id: p.id,
      version: p.version,
      ...input,
      permitId: input.permitId ? Number(input.permitId) : null,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('activities.outcomes.title', { name: p.businessName })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label={t('activities.fields.attendee')} {...text('attendeeName')} />
          <Select
            label={t('activities.fields.attendeeRole')}
            allowDeselect={false}
            data={ATTENDEE_ROLES.map((r) => ({ value: r, label: t(`activities.role.${r}`) }))}
            value={v.attendeeRole}
            onChange={(x) => set('attendeeRole', x ?? 'pemilik')}
          />
        </SimpleGrid>
        <TextInput label={t('activities.fields.certificate')} {...text('certificateNumber')} />
        <Select
          label={t('activities.fields.permit')}
          clearable
          data={(permits.data ?? []).map((o) => ({ value: String(o.id), label: o.label }))}
          value={v.permitId}
          onChange={(x) => set('permitId', x)}
          error={err('permitId')}
          description={
            permits.data && permits.data.length === 0 ? t('activities.outcomes.noPermits') : undefined
          }
          disabled={!permits.data || permits.data.length === 0}
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('activities.fields.equipment')} {...text('equipment')} />
          <TextInput
            label={t('activities.fields.equipmentValue')}
            {...text('equipmentValue')}
            inputMode="numeric"
            placeholder="12.500.000"
          />
        </SimpleGrid>
        <Textarea
          label={t('activities.fields.outcomeNotes')}
          value={v.outcomeNotes}
          onChange={(e) => set('outcomeNotes', e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ModalActions onCancel={onClose}>
          <Button
            loading={save.isPending}
            data-testid="outcome-save"
            onClick={() =>
              save.mutate(v, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('activities.outcomes.saved') });
                  onClose();
                },
                onError: failed,
              })
            }
          >
            {t('common.save')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
