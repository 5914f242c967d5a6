import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, DbSummary, RestorePlan, RestoreResult } from '../../../shared/schemas/backup';
import { appKeys } from '../../app/queries';
import { formatDateTime, formatNumber } from '../../lib/format';
import { call } from '../../lib/ipc';
import { formatBytes, useBackupList, useRestoreProgress } from './queries';
import { TargetPicker } from './TargetPicker';
import { TableHead } from '../../components/TableHead';
import { errorText } from '../../lib/errors';

function officeText(s: DbSummary | null, empty: string): string {
  if (!s?.office) return empty;
  return `Kec. ${s.office.districtName}, ${s.office.regencyName}`;
}

/**
 * Restore: choose a stick or folder, pick a backup, type the passphrase, let main check it (nothing changes),
 * read what will replace what, confirm, and watch it swap.
 */
export function RestorePanel({ onRestored }: { onRestored?: () => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const list = useBackupList(dir);
  const check = useMutation({
    mutationFn: () => call('backup:restoreCheck', { file: chosen!.file, passphrase }),
    onSuccess: (p) => setPlan(p),
  });
  const progress = useRestoreProgress(check.isPending);

  if (plan) {
    return (
      <RestoreConfirm
        plan={plan}
        onRestored={onRestored}
        onBack={() => {
          void call('backup:restoreDiscard');
          setPlan(null);
        }}
      />
    );
  }

  return (
    <Stack>
      <TargetPicker
        value={dir}
        onChange={(d) => {
          setDir(d);
          setChosen(null);
        }}
      />
      {dir && list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {errorText(t, list.error)}
        </Alert>
      )}
      {dir && list.data && (
        <Paper withBorder>
          <Text fw={600} p="sm">
            {t('backup.restore.listTitle', { path: dir })}
          </Text>
          {list.data.length === 0 ? (
            <Text c="dimmed" p="sm">
              {t('backup.restore.empty')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" highlightOnHover data-testid="backup-list">
              <TableHead
                columns={[
                  t('backup.restore.office'),
                  t('backup.restore.date'),
                  t('backup.restore.businesses'),
                  t('backup.restore.owners'),
                  t('backup.restore.size'),
                  null,
                ]}
              />
              <Table.Tbody>
                {list.data.map((b) => (
                  <Table.Tr key={b.file} bg={chosen?.file === b.file ? 'teal.0' : undefined}>
                    <Table.Td>{b.office ? `Kec. ${b.office.districtName}` : b.name}</Table.Td>
                    <Table.Td>
                      {b.damaged ? (
                        <Badge color="red">{t('backup.restore.damaged')}</Badge>
                      ) : (
                        formatDateTime(b.createdAt)
                      )}
                    </Table.Td>
                    <Table.Td>{formatNumber(b.counts.businesses ?? 0)}</Table.Td>
                    <Table.Td>{formatNumber(b.counts.owners ?? 0)}</Table.Td>
                    <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={chosen?.file === b.file ? 'filled' : 'default'}
                        disabled={b.damaged}
                        onClick={() => setChosen(b)}
                      >
                        {t('backup.restore.choose')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      {chosen && (
        <Paper withBorder p="md">
          <Stack>
            <PasswordInput
              label={t('backup.restore.passphrase')}
              description={t('backup.restore.passphraseHint')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoComplete="off"
            />
            {check.isPending && (
              <Stack gap={4}>
                <Text size="sm">{t(`backup.phase.${progress?.phase ?? 'decrypt'}`)}</Text>
                <Progress
                  value={Math.round((progress?.fraction ?? 0) * 100)}
                  animated
                  aria-label={t('backup.restore.checking')}
                />
              </Stack>
            )}
            {check.isError && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="restore-error">
                {errorText(t, check.error)}
              </Alert>
            )}
            <Group>
              <Button disabled={!passphrase} loading={check.isPending} onClick={() => check.mutate()}>
                {t('backup.restore.check')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/**
 * A checked restore plan: what will replace what, side by side, a box to tick, then the swap (a safety copy of
 * the current register is kept). Used for a backup from a stick and for an automatic snapshot.
 */
export function RestoreConfirm({
  plan,
  onBack,
  onRestored,
  source = 'backup',
}: {
  plan: RestorePlan;
  onBack: () => void;
  onRestored?: () => void;
  /** a backup from a stick (decrypted and authenticated) or an automatic copy on this PC */
  source?: 'backup' | 'auto';
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [understood, setUnderstood] = useState(false);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const apply = useMutation({
    mutationFn: () => call('backup:restoreApply', { planId: plan.planId }),
    onSuccess: setDone,
  });

  if (done) {
    return (
      <Alert
        color="teal"
        icon={<IconCircleCheck size={20} />}
        title={t('backup.restore.done')}
        data-testid="restore-done"
      >
        <Stack gap="xs">
          {/* what was restored, in words; where the old register went, without a raw path (issue 11 item 18) */}
          <Text size="sm" data-testid="restore-done-body">
            {t('backup.restore.doneBody', {
              date: formatDateTime(done.backupCreatedAt),
              businesses: formatNumber(done.counts.businesses ?? 0),
              owners: formatNumber(done.counts.owners ?? 0),
              letters: formatNumber(done.counts.letters ?? 0),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('backup.restore.doneSafety', { name: fileNameOf(done.safetyCopy) })}
          </Text>
          <Group>
            <Button
              onClick={() => {
                onRestored?.();
                void qc.invalidateQueries({ queryKey: appKeys.info });
              }}
            >
              {t('common.next')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  const rows: [string, (s: DbSummary | null) => string][] = [
    ['rowOffice', (s) => officeText(s, t('backup.restore.empty_db'))],
    ['rowBusinesses', (s) => formatNumber(s?.counts.businesses ?? 0)],
    ['rowOwners', (s) => formatNumber(s?.counts.owners ?? 0)],
    ['rowUsers', (s) => formatNumber(s?.counts.users ?? 0)],
    ['rowLetters', (s) => formatNumber(s?.counts.letters ?? 0)],
    ['rowAudit', (s) => formatNumber(s?.counts.audit_log ?? 0)],
    ['rowLastChange', (s) => formatDateTime(s?.lastChange ?? null)],
    ['rowSchema', (s) => (s ? String(s.schemaVersion) : '')],
  ];
  return (
    <Stack data-testid="restore-confirm">
      <Title order={3}>{t('backup.restore.confirmTitle')}</Title>
      <Alert color="teal" icon={<IconShieldCheck size={20} />}>
        {t(source === 'auto' ? 'backup.restore.confirmIntroAuto' : 'backup.restore.confirmIntro')}
      </Alert>
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="restore-compare">
          <TableHead
            columns={[
              null,
              t('backup.restore.now'),
              `${t(source === 'auto' ? 'backup.restore.fromAuto' : 'backup.restore.fromBackup')} (${formatDateTime(plan.createdAt)})`,
            ]}
          />
          <Table.Tbody>
            {rows.map(([k, f]) => (
              <Table.Tr key={k}>
                <Table.Td fw={600}>{t(`backup.restore.${k}`)}</Table.Td>
                <Table.Td>{f(plan.current)}</Table.Td>
                <Table.Td fw={600}>{f(plan.backup)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {!plan.sameOffice && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('backup.restore.otherOffice', { office: officeText(plan.backup, '') })}
        </Alert>
      )}
      {plan.willMigrate && <Alert color="blue">{t('backup.restore.willMigrate')}</Alert>}
      <Text size="sm" c="dimmed">
        {t('backup.restore.safety')}
      </Text>
      <Text size="sm" c="dimmed" data-testid="restore-numbering">
        {t('backup.restore.numbering')}
      </Text>
      <Checkbox
        label={t('backup.restore.understand')}
        checked={understood}
        onChange={(e) => setUnderstood(e.currentTarget.checked)}
      />
      {apply.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {errorText(t, apply.error)}
        </Alert>
      )}
      {apply.isPending && <Progress value={100} animated striped aria-label={t('backup.phase.swap')} />}
      <Group>
        <Button color="red" disabled={!understood} loading={apply.isPending} onClick={() => apply.mutate()}>
          {t('backup.restore.apply')}
        </Button>
        <Button variant="default" disabled={apply.isPending} onClick={onBack}>
          {t('backup.restore.back')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The last part of a path of this PC's (Windows or POSIX): the clerk reads a name, not a folder tree. */
function fileNameOf(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
