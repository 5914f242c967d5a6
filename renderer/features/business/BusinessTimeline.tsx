import { Anchor, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconArrowsJoin,
  IconCirclePlus,
  IconCopy,
  IconLicense,
  IconPencil,
  IconPoint,
  IconToggleRight,
  IconUserEdit,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HistoryEvent } from '../../../shared/schemas/business';
import { formatDateTime } from '../../lib/format';
import { fieldLabel, formatFieldValue } from './fieldFormat';
import { EmptyText } from '../../components/EmptyText';

type Icon = ComponentType<{ size?: number | string }>;

/** Icon and colour per kind; kinds other domains add get the generic dot until they add theirs here. */
const KIND_STYLE: Record<string, { icon: Icon; color: string }> = {
  registered: { icon: IconCirclePlus, color: 'teal' },
  changed: { icon: IconPencil, color: 'blue' },
  statusChanged: { icon: IconToggleRight, color: 'grape' },
  ownerChanged: { icon: IconUserEdit, color: 'blue' },
  ownerMerged: { icon: IconArrowsJoin, color: 'orange' },
  archived: { icon: IconArchive, color: 'gray' },
  restored: { icon: IconArrowBackUp, color: 'teal' },
  mergedFrom: { icon: IconArrowsJoin, color: 'orange' },
  mergedInto: { icon: IconArrowsJoin, color: 'orange' },
  duplicateDifferent: { icon: IconCopy, color: 'yellow' },
  duplicateSame: { icon: IconCopy, color: 'yellow' },
  permitAdded: { icon: IconLicense, color: 'teal' },
  permitChanged: { icon: IconLicense, color: 'blue' },
  permitScan: { icon: IconLicense, color: 'blue' },
  permitArchived: { icon: IconLicense, color: 'gray' },
};

export function BusinessTimeline({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <EmptyText>{t('business.history.empty')}</EmptyText>;
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid="business-timeline">
      {events.map((ev) => {
        const style = KIND_STYLE[ev.kind] ?? { icon: IconPoint, color: 'gray' };
        const Icon = style.icon;
        const title = t(`business.history.kind.${ev.kind}`, {
          ...ev.params,
          defaultValue: t('business.history.kind.unknown'),
        });
        return (
          <Timeline.Item
            key={ev.key}
            bullet={<Icon size={14} />}
            color={style.color}
            title={
              <Text size="sm" fw={600}>
                {title}
              </Text>
            }
            data-testid="timeline-item"
          >
            <Stack gap={2}>
              {ev.changes.map((c) => {
                const none = t('business.history.empty_value');
                return (
                  <Text size="sm" key={c.field}>
                    {t('business.history.changeLine', {
                      field: fieldLabel(t, c.field),
                      before: formatFieldValue(t, c.field, c.before) || none,
                      after: formatFieldValue(t, c.field, c.after) || none,
                    })}
                  </Text>
                );
              })}
              {ev.reason && (
                <Text size="sm" fs="italic" c="dark.4">
                  {t('business.history.reason', { reason: ev.reason })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(ev.at)}
                {ev.actor ? ` · ${t('business.history.by', { actor: ev.actor })}` : ''}
                {ev.otherBusinessId !== null && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/usaha/${ev.otherBusinessId}`} size="xs">
                      {t('business.history.open')}
                    </Anchor>
                  </>
                )}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
