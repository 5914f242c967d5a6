import { Anchor, Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format';
import { daysText } from './ActivityListPage';
import { useBusinessActivities } from './queries';

/** The business page's activity timeline: what it attended, who went, days present and what it got. */
export function BusinessActivities({ businessId }: { businessId: number }) {
  const { t } = useTranslation();
  const q = useBusinessActivities(businessId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-activities">
      <Group gap="xs" mb="md">
        <IconSchool size={20} color="var(--mantine-color-blue-7)" />
        <Title order={3} size="h5">
          {t('activities.business.title')}
        </Title>
      </Group>
      {q.data && q.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('activities.business.empty')}
        </Text>
      )}
      {q.data && q.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {q.data.map((x) => (
            <Timeline.Item
              key={x.participantId}
              color={x.withdrawn || x.activityArchived ? 'gray' : 'blue'}
              title={
                <Anchor component={Link} to={`/kegiatan/${x.activityId}`} size="sm" fw={600}>
                  {x.title}
                </Anchor>
              }
            >
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t(`activities.type.${x.type}`)} · {daysText(x, t)} ·{' '}
                  {x.organiser === 'lainnya' ? x.organiserOther : t(`activities.organiser.${x.organiser}`)} ·{' '}
                  {t(`activities.funding.${x.funding}`)}
                  {x.batch ? ` · ${x.batch}` : ''}
                </Text>
                <Text size="xs">
                  {t('activities.business.attendee', {
                    name: x.attendeeName,
                    role: t(`activities.role.${x.attendeeRole}`).toLowerCase(),
                  })}{' '}
                  · {t('activities.business.present', { present: x.present, days: x.dayCount })}
                  {x.withdrawn && (
                    <Badge ml={6} size="xs" color="gray">
                      {t('activities.business.withdrawn')}
                    </Badge>
                  )}
                </Text>
                <Group gap={4}>
                  {x.certificateNumber && (
                    <Badge size="sm" variant="light" color="teal" tt="none">
                      {t('activities.business.certificate', { number: x.certificateNumber })}
                    </Badge>
                  )}
                  {x.permitLabel && (
                    <Badge size="sm" variant="light" color="grape" tt="none">
                      {t('activities.business.permit', { label: x.permitLabel })}
                    </Badge>
                  )}
                  {x.equipment && (
                    <Badge size="sm" variant="light" color="orange" tt="none">
                      {t('activities.business.equipment', {
                        name: `${x.equipment}${x.equipmentValue !== null ? ` (${formatMoney(x.equipmentValue)})` : ''}`,
                      })}
                    </Badge>
                  )}
                </Group>
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
