import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ActivityDetail } from '../../../shared/schemas/activity';
import { call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { ActivityFormModal } from './ActivityForm';
import { daysText } from './ActivityListPage';
import { AttendanceGrid } from './AttendanceGrid';
import { EnrolPanel, OutcomeTable, ParticipantTable } from './Participants';
import { SheetButton } from './SheetButton';
import { useActivity, useActivityWrite } from './queries';
import { ReasonModal } from './ReasonModal';
import { DetailHeader } from '../../components/DetailHeader';

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function ArchiveModal({ activity, onClose }: { activity: ActivityDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const archived = activity.archivedAt !== null;
  const w = useActivityWrite((r: string) =>
    call(archived ? 'activity:restore' : 'activity:archive', { id: activity.id, reason: r }),
  );
  return (
    <ReasonModal
      title={archived ? t('activities.restoreTitle') : t('activities.archiveTitle')}
      action={archived ? t('activities.restore') : t('activities.archive')}
      color={archived ? 'teal' : 'red'}
      loading={w.isPending}
      onSave={(reason) => w.mutate(reason, { onSuccess: onClose, onError: (e) => showIpcError(e, t) })}
      onClose={onClose}
    />
  );
}

/** One activity: its details, participants (enrol by search), the attendance grid per day, and outcomes. */
export function ActivityPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useActivity(id);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [tab, setTab] = useState<string | null>('participants');
  if (q.isPending) return <Text>{t('common.loading')}</Text>;
  if (q.isError) return <Text c="red">{t('errors.notFound')}</Text>;
  const a = q.data;
  const archived = a.archivedAt !== null;
  const current = a.participants.filter((p) => p.archivedAt === null).length;
  return (
    <Stack gap="md">
      <DetailHeader
        back={{ to: '/kegiatan', label: t('activities.back') }}
        title={a.title}
        titleTestId="activity-title"
        badges={
          <>
            <Badge size="lg" variant="light">
              {t(`activities.type.${a.type}`)}
            </Badge>
            {archived && (
              <Badge size="lg" color="gray" variant="filled">
                {t('activities.archivedTag')}
              </Badge>
            )}
          </>
        }
        actions={
          <Group gap="xs">
            {!archived && (
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('activities.edit')}
              </Button>
            )}
            <SheetButton activityId={a.id} />
            <Button
              variant="default"
              color={archived ? 'teal' : 'red'}
              leftSection={archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
              onClick={() => setArchiving(true)}
            >
              {archived ? t('activities.restore') : t('activities.archive')}
            </Button>
          </Group>
        }
      >
        <Text c="dimmed" size="sm">
          {daysText(a, t)}
          {a.venue ? ` · ${a.venue}` : ''}
        </Text>
      </DetailHeader>
      {archived && <Alert color="gray">{t('activities.errors.archived')}</Alert>}
      <Paper withBorder p="md" data-testid="activity-details">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
          <Field
            label={t('activities.fields.organiser')}
            value={a.organiser === 'lainnya' ? a.organiserOther : t(`activities.organiser.${a.organiser}`)}
          />
          <Field
            label={t('activities.fields.funding')}
            value={a.funding === 'lainnya' ? a.fundingOther : t(`activities.funding.${a.funding}`)}
          />
          <Field label={t('activities.fields.batch')} value={a.batch} />
          <Field
            label={t('activities.fields.participants')}
            value={
              a.quota
                ? t('activities.detail.quota', { count: current, quota: a.quota })
                : t('activities.detail.participantsCount', { count: current })
            }
          />
          <Field
            label={t('activities.fields.days')}
            value={a.days.map((d) => formatDate(d.day)).join('; ')}
          />
          <Field label={t('activities.fields.venue')} value={a.venue} />
          <Field label={t('activities.fields.notes')} value={a.notes} />
        </SimpleGrid>
        {current > 0 && (
          <Anchor
            component={Link}
            to={`/usaha?kegiatan=${a.id}`}
            size="sm"
            mt="sm"
            display="inline-block"
            data-testid="activity-in-list"
          >
            {t('activities.detail.inList')}
          </Anchor>
        )}
      </Paper>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="participants">
            {t('activities.detail.tabs.participants')} ({current})
          </Tabs.Tab>
          <Tabs.Tab value="attendance">{t('activities.detail.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="outcomes">{t('activities.detail.tabs.outcomes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="participants" pt="md">
          <Stack>
            {!archived && <EnrolPanel activity={a} />}
            <ParticipantTable activity={a} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceGrid activity={a} />
        </Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="md">
          <OutcomeTable activity={a} />
        </Tabs.Panel>
      </Tabs>
      {editing && (
        <ActivityFormModal
          activity={a}
          opened
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {archiving && <ArchiveModal activity={a} onClose={() => setArchiving(false)} />}
    </Stack>
  );
}
