import { Alert, Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BusinessDetail } from '../../../shared/schemas/business';
import { showIpcError } from '../../lib/forms';
import { call, IpcError } from '../../lib/ipc';
import { CompareTable, RecordColumnTitle } from './CompareTable';
import { COMPARE_FIELDS, formValuesOf } from './fieldFormat';
import { businessKeys } from './queries';
import { useBusinessPick } from './record-queries';
import { ModalActions } from '../../components/ModalActions';
import { ModalTitle } from '../../components/ModalTitle';

function useRecordWrite<I>(fn: (input: I) => Promise<BusinessDetail>, done: string, onDone: () => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: businessKeys.all });
      notifications.show({ color: 'teal', message: t(done) });
      onDone();
    },
    onError: (err) => showIpcError(err, t),
  });
}

function reasonError(t: (k: string) => string, err: unknown): string | undefined {
  const key = err instanceof IpcError ? err.error.fields?.reason : undefined;
  return key ? t(key) : undefined;
}

/** The reason an archive or a merge asks for (`${ns}.reason`): required once confirming was tried; main's error. */
function RequiredReason(props: {
  ns: 'business.archive' | 'business.merge';
  value: string;
  onChange: (value: string) => void;
  tried: boolean;
  failure: unknown;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t(`${props.ns}.reason`)}
      placeholder={t(`${props.ns}.reasonPlaceholder`)}
      withAsterisk
      autosize
      minRows={2}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.tried && !props.value.trim() ? t('validation.required') : reasonError(t, props.failure)}
      data-autofocus={props.autoFocus}
    />
  );
}

/** Archive and restore: a title, what it does, the reason field (`children`), then cancel and `confirm`. */
function ReasonDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  confirm: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      <Stack>
        <Text size="sm">{props.intro}</Text>
        {props.children}
        <ModalActions onCancel={props.onClose}>{props.confirm}</ModalActions>
      </Stack>
    </Modal>
  );
}

export function ArchiveModal(props: { business: BusinessDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const m = useRecordWrite(
    (r: string) => call('business:archive', { id: props.business.id, reason: r }),
    'business.archive.done',
    props.onClose,
  );
  return (
    <ReasonDialog
      opened={props.opened}
      onClose={props.onClose}
      title={t('business.archive.title')}
      intro={t('business.archive.intro')}
      confirm={
        <Button
          color="red"
          loading={m.isPending}
          onClick={() => {
            setTried(true);
            if (reason.trim()) m.mutate(reason);
          }}
        >
          {t('business.archive.confirm')}
        </Button>
      }
    >
      <RequiredReason
        ns="business.archive"
        value={reason}
        onChange={setReason}
        tried={tried}
        failure={m.error}
        autoFocus
      />
    </ReasonDialog>
  );
}

export function RestoreModal(props: { business: BusinessDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const m = useRecordWrite(
    (r: string) => call('business:restore', { id: props.business.id, reason: r || null }),
    'business.archive.restored',
    props.onClose,
  );
  return (
    <ReasonDialog
      opened={props.opened}
      onClose={props.onClose}
      title={t('business.archive.restoreTitle')}
      intro={t('business.archive.restoreIntro')}
      confirm={
        <Button color="teal" loading={m.isPending} onClick={() => m.mutate(reason.trim())}>
          {t('business.archive.restoreConfirm')}
        </Button>
      }
    >
      <Textarea
        label={t('business.archive.restoreReason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </ReasonDialog>
  );
}

/** Merge another record into this one, after seeing both side by side and what the result will be. */
export function MergeModal(props: { business: BusinessDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const b = props.business;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [otherId, setOtherId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const list = useBusinessPick(debounced);
  const other = useQuery({
    queryKey: businessKeys.detail(otherId ?? 0),
    queryFn: () => call('business:get', { id: otherId! }),
    enabled: otherId !== null,
  });
  const m = useRecordWrite(
    (r: string) => call('business:merge', { survivorId: b.id, duplicateId: otherId!, reason: r }),
    'business.merge.done',
    () => {
      props.onClose();
      void navigate(`/usaha/${b.id}`);
    },
  );
  const options = (list.data?.items ?? [])
    .filter((x) => x.id !== b.id)
    .map((x) => ({
      value: String(x.id),
      label: `${x.name} — ${x.ownerName} · ${x.villageName} · ${x.registrationNumber}`,
    }));
  if (other.data && !options.some((o) => o.value === String(other.data.id)))
    options.unshift({
      value: String(other.data.id),
      label: `${other.data.name} · ${other.data.registrationNumber}`,
    });

  const keep = formValuesOf(b) as Record<string, unknown>;
  const absorb = other.data ? (formValuesOf(other.data) as Record<string, unknown>) : null;
  const empty = (v: unknown) =>
    v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  const result: Record<string, unknown> = {};
  if (absorb)
    for (const f of COMPARE_FIELDS) result[f] = empty(keep[f]) || keep[f] === 0 ? absorb[f] : keep[f];

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={<ModalTitle icon={<IconArrowsJoin size={20} />}>{t('business.merge.title')}</ModalTitle>}
    >
      <Stack data-testid="merge-modal">
        <Text size="sm">{t('business.merge.intro', { number: b.registrationNumber })}</Text>
        <Select
          label={t('business.merge.pick')}
          placeholder={t('business.merge.pickPlaceholder')}
          searchable
          clearable
          filter={({ options: o }) => o}
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={otherId ? String(otherId) : null}
          onChange={(v) => setOtherId(v ? Number(v) : null)}
          data-testid="merge-pick"
        />
        {absorb && other.data && (
          <CompareTable
            fields={COMPARE_FIELDS}
            testId="merge-compare"
            columns={[
              {
                key: 'keep',
                title: <RecordColumnTitle heading={t('business.merge.keep')} record={b} />,
                values: keep,
              },
              {
                key: 'absorb',
                title: <RecordColumnTitle heading={t('business.merge.absorb')} record={other.data} />,
                values: absorb,
              },
              { key: 'result', title: <Text fw={700}>{t('business.merge.result')}</Text>, values: result },
            ]}
          />
        )}
        {other.data?.archivedAt && other.data.mergedIntoId !== null && (
          <Alert color="red">{t('business.errors.alreadyMerged')}</Alert>
        )}
        <RequiredReason
          ns="business.merge"
          value={reason}
          onChange={setReason}
          tried={tried}
          failure={m.error}
        />
        <ModalActions onCancel={props.onClose}>
          <Button
            color="orange"
            disabled={!otherId}
            loading={m.isPending}
            onClick={() => {
              setTried(true);
              if (reason.trim() && otherId) m.mutate(reason.trim());
            }}
          >
            {t('business.merge.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
