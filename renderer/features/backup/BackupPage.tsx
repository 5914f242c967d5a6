import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDeviceFloppy,
  IconHistory,
  IconKey,
  IconRestore,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { call, IpcError } from '../../lib/ipc';
import { backupKeys, formatBytes, useAutoSnapshots, useBackupStatus, useJob } from './queries';
import type { RestorePlan } from '../../../shared/schemas/backup';
import { RestoreConfirm, RestorePanel } from './RestorePanel';
import { TargetPicker } from './TargetPicker';
import { PassphrasePanel } from './PassphrasePanel';
import { KeysRecoveryForm } from './KeysRecovery';
import { useAppInfo } from '../../app/queries';
import { TableHead } from '../../components/TableHead';
import { errorText } from '../../lib/errors';

function BackupPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useBackupStatus();
  const [target, setTarget] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { progress, end } = useJob(jobId);
  const start = useMutation({
    mutationFn: () => call('backup:start', { target: target! }),
    onMutate: () => {
      setJobId(null);
      setCancelling(false);
    },
    onSuccess: (r) => setJobId(r.jobId),
  });
  const keep = useMutation({
    mutationFn: (n: number) => call('backup:setKeep', { keep: n }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: backupKeys.status }),
  });
  useEffect(() => {
    if (end) void qc.invalidateQueries({ queryKey: backupKeys.status });
  }, [end, qc]);
  const running = !!jobId && !end;
  const err = start.error instanceof IpcError ? start.error.error : (end?.error ?? null);
  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="last-usb">
        {status.data?.restoredFrom
          ? t(`backup.${status.data.restoredFrom.source === 'usb' ? 'restoredUsb' : 'restoredAuto'}`, {
              date: formatDateTime(status.data.restoredFrom.backupCreatedAt),
            })
          : status.data?.lastUsbAt
            ? t('backup.lastUsb', { date: formatDateTime(status.data.lastUsbAt) })
            : t('backup.neverUsb')}
      </Text>
      <TargetPicker value={target} onChange={setTarget} />
      {status.data && (
        <NumberInput
          label={t('backup.keepLabel')}
          description={t('backup.keep', { count: status.data.keep })}
          min={1}
          max={100}
          w={260}
          value={status.data.keep}
          onChange={(v) => typeof v === 'number' && v >= 1 && keep.mutate(v)}
        />
      )}
      <Group>
        <Button
          size="md"
          leftSection={<IconDeviceFloppy size={18} />}
          disabled={!target || running}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('backup.start')}
        </Button>
        {running && (
          <Button
            variant="default"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void call('backup:cancel', { jobId: jobId });
            }}
          >
            {cancelling ? t('backup.cancelling') : t('backup.cancel')}
          </Button>
        )}
      </Group>
      {running && (
        <Stack gap={4} data-testid="backup-progress">
          <Text size="sm">{t(`backup.phase.${progress?.phase ?? 'prepare'}`)}</Text>
          <Progress
            value={Math.round((progress?.fraction ?? 0) * 100)}
            size="lg"
            animated
            aria-label={t('backup.start')}
          />
        </Stack>
      )}
      {end?.ok && end.result && (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={22} />}
          title={t('backup.done.title')}
          data-testid="backup-done"
        >
          <Text size="sm">
            {t('backup.done.body', {
              file: end.result.file.split(/[\\/]/).pop(),
              size: formatBytes(end.result.bytes),
            })}
          </Text>
          {end.result.removedOld.length > 0 && (
            <Text size="sm">
              {t('backup.done.removed', {
                count: end.result.removedOld.length,
                keep: status.data?.keep ?? '',
              })}
            </Text>
          )}
        </Alert>
      )}
      {err && (
        <Alert
          color={err.code === 'CANCELLED' ? 'gray' : 'red'}
          icon={<IconAlertTriangle size={18} />}
          title={t('backup.failed')}
          data-testid="backup-error"
        >
          {t(err.message, err.params ?? {})}
        </Alert>
      )}
    </Stack>
  );
}

function AutoPanel() {
  const { t } = useTranslation();
  const auto = useAutoSnapshots();
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const check = useMutation({
    mutationFn: (name: string) => call('backup:restoreLocalCheck', { name }),
    onSuccess: (p) => setPlan(p),
  });
  if (plan)
    return (
      <RestoreConfirm
        plan={plan}
        source="auto"
        onBack={() => {
          void call('backup:restoreDiscard');
          setPlan(null);
        }}
      />
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('backup.auto.intro')}
      </Text>
      {check.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="auto-restore-error">
          {errorText(t, check.error)}
        </Alert>
      )}
      <Paper withBorder>
        {auto.data && auto.data.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('backup.auto.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="auto-list">
            <TableHead
              columns={[t('backup.auto.date'), t('backup.auto.name'), t('backup.auto.size'), null]}
            />
            <Table.Tbody>
              {auto.data?.map((a) => (
                <Table.Tr key={a.file}>
                  <Table.Td>{`${formatDateTime(a.createdAt)} · ${t(`backup.auto.kind.${a.kind}`)}`}</Table.Td>
                  <Table.Td ff="monospace">{a.name}</Table.Td>
                  <Table.Td>{formatBytes(a.bytes)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRestore size={14} />}
                      loading={check.isPending && check.variables === a.name}
                      disabled={check.isPending}
                      onClick={() => check.mutate(a.name)}
                    >
                      {t('backup.auto.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Text size="xs" c="dimmed">
        {t('backup.auto.restoreHint')}
      </Text>
    </Stack>
  );
}

/** Cadangan: back up to a stick, restore from one, and the automatic local copies. */
export function BackupPage() {
  const { t } = useTranslation();
  const info = useAppInfo().data;
  const isAdmin = info?.user?.role === 'admin';
  return (
    <Stack>
      <div>
        <Title order={2}>{t('backup.title')}</Title>
        <Text c="dimmed">{t('backup.intro')}</Text>
      </div>
      {isAdmin && info?.keysUnavailable && (
        <Paper withBorder p="lg" maw={620} data-testid="keys-recover-panel">
          <Stack>
            <Title order={4}>{t('keys.recover.title')}</Title>
            <KeysRecoveryForm />
          </Stack>
        </Paper>
      )}
      <Tabs defaultValue="backup" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="backup" leftSection={<IconDeviceFloppy size={16} />}>
            {t('backup.tabs.backup')}
          </Tabs.Tab>
          <Tabs.Tab value="restore" leftSection={<IconRestore size={16} />}>
            {t('backup.tabs.restore')}
          </Tabs.Tab>
          <Tabs.Tab value="auto" leftSection={<IconHistory size={16} />}>
            {t('backup.tabs.auto')}
          </Tabs.Tab>
          {isAdmin && (
            <Tabs.Tab value="passphrase" leftSection={<IconKey size={16} />}>
              {t('backup.tabs.passphrase')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="backup" pt="md">
          <BackupPanel />
        </Tabs.Panel>
        <Tabs.Panel value="restore" pt="md">
          <RestorePanel />
        </Tabs.Panel>
        <Tabs.Panel value="auto" pt="md">
          <AutoPanel />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="passphrase" pt="md">
            <PassphrasePanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
