import {
  Button,
  CloseButton,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Badge,
  Input,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdDateInput } from '../../components/DateField';
import {
  ACTIVITY_TYPES,
  FUNDING_SOURCES,
  ORGANISERS,
  activityCreateSchema,
  daysFromRange,
  isCalendarDate,
  type ActivityDetail,
} from '../../../shared/schemas/activity';
import { call } from '../../lib/ipc';
import { useValues } from '../../lib/forms';
import { ModalActions } from '../../components/ModalActions';
import { formatDate } from '../../lib/format';
import { useActivityWrite } from './queries';

interface Values {
  type: string | null;
  title: string;
  organiser: string | null;
  organiserOther: string;
  funding: string | null;
  fundingOther: string;
  batch: string;
  venue: string;
  quota: number | string;
  notes: string;
  days: string[];
}

const EMPTY: Values = {
  type: null,
  title: '',
  organiser: null,
  organiserOther: '',
  funding: null,
  fundingOther: '',
  batch: '',
  venue: '',
  quota: '',
  notes: '',
  days: [],
};

function valuesOf(a: ActivityDetail): Values {
  return {
    type: a.type,
    title: a.title,
    organiser: a.organiser,
    organiserOther: a.organiserOther ?? '',
    funding: a.funding,
    fundingOther: a.fundingOther ?? '',
    batch: a.batch ?? '',
    venue: a.venue ?? '',
    quota: a.quota ?? '',
    notes: a.notes ?? '',
    days: a.days.map((d) => d.day),
  };
}

/**
 * Create or edit an activity. Days: a "from – to" range added at once (checked by the same `daysFromRange`
 * the tests cover) and single days added one by one; they need not be consecutive. The shared schema checks
 * the whole form before it is sent; main checks it again.
 */
export function ActivityFormModal({
  activity,
  opened,
  onClose,
  onSaved,
}: {
  activity: ActivityDetail | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (a: ActivityDetail) => void;
}) {
  const { t } = useTranslation();
  const { v, set, err, setErrors, text, failed } = useValues<Values>(activity ? valuesOf(activity) : EMPTY, {
    day: '',
  });
  const [pick, setPick] = useState({ rangeFrom: '', rangeTo: '', one: '' });
  const write = useActivityWrite((input: unknown) =>
    activity
      ? call('activity:update', { ...(input as object), id: activity.id, version: activity.version } as never)
      : call('activity:create', input as never),
  );
  /** A day picker's value; a change clears its error. */
  const dayInput = (k: keyof typeof pick) => ({
    value: pick[k],
    onChange: (value: string) => {
      setPick((p) => ({ ...p, [k]: value }));
      setErrors((x) => ({ ...x, [k]: '' }));
    },
    error: err(k),
  });

  const addDays = (days: string[]) => {
    const next = [...new Set([...v.days, ...days])].sort();
    set('days', next);
  };
  const addRange = () => {
    const r = daysFromRange(pick.rangeFrom, pick.rangeTo);
    if (!r.ok) {
      setErrors((e) => ({ ...e, [r.field === 'from' ? 'rangeFrom' : 'rangeTo']: r.error }));
      return;
    }
    setErrors((e) => ({ ...e, rangeFrom: '', rangeTo: '' }));
    addDays(r.days);
    setPick((p) => ({ ...p, rangeFrom: '', rangeTo: '' }));
  };
  const addOne = () => {
    if (!isCalendarDate(pick.one)) {
      setErrors((e) => ({ ...e, one: 'validation.date' }));
      return;
    }
    addDays([pick.one]);
    setPick((p) => ({ ...p, one: '' }));
  };

  const submit = () => {
    const input = {
      type: v.type ?? undefined,
      title: v.title,
      organiser: v.organiser ?? undefined,
      organiserOther: v.organiserOther,
      funding: v.funding ?? undefined,
      fundingOther: v.fundingOther,
      batch: v.batch,
      venue: v.venue,
      quota: v.quota === '' ? null : v.quota,
      notes: v.notes,
      days: v.days,
    };
    const parsed = activityCreateSchema.safeParse(input);
    if (!parsed.success) {
      const e: Record<string, string> = {};
      for (const i of parsed.error.issues) {
        const k = String(i.path[0] ?? '_');
        if (!e[k]) e[k] = i.message.startsWith('validation.') ? i.message : 'validation.required';
      }
      setErrors(e);
      return;
    }
    write.mutate(input, {
      onSuccess: (a) => {
        notifications.show({ color: 'teal', message: t('activities.saved') });
        onSaved(a);
      },
      onError: failed,
    });
  };

  /** A required choice from a fixed list, its options named under `ns`. */
  const choice = (k: 'type' | 'organiser' | 'funding', list: readonly string[], ns: string) => ({
    label: t(`activities.fields.${k}`),
    data: list.map((c) => ({ value: c, label: t(`${ns}.${c}`) })),
    value: v[k],
    onChange: (x: string | null) => set(k, x),
    error: err(k),
    withAsterisk: true,
    allowDeselect: false,
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={activity ? t('activities.edit') : t('activities.new')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select {...choice('type', ACTIVITY_TYPES, 'activities.type')} />
          <TextInput label={t('activities.fields.batch')} {...text('batch')} />
        </SimpleGrid>
        <TextInput label={t('activities.fields.title')} {...text('title')} withAsterisk />
        <SimpleGrid cols={2}>
          <Select {...choice('organiser', ORGANISERS, 'activities.organiser')} />
          <Select {...choice('funding', FUNDING_SOURCES, 'activities.funding')} />
          {v.organiser === 'lainnya' ? (
            <TextInput
              label={t('activities.fields.organiserOther')}
              {...text('organiserOther')}
              withAsterisk
            />
          ) : (
            <div />
          )}
          {v.funding === 'lainnya' && (
            <TextInput label={t('activities.fields.fundingOther')} {...text('fundingOther')} withAsterisk />
          )}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={t('activities.fields.venue')} {...text('venue')} />
          <NumberInput
            label={t('activities.fields.quota')}
            value={v.quota}
            onChange={(x) => set('quota', x)}
            error={err('quota')}
            min={1}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
          />
        </SimpleGrid>

        <Input.Wrapper
          label={t('activities.fields.days')}
          withAsterisk
          description={t('activities.form.daysHint')}
          error={err('days')}
        >
          <Group align="flex-start" mt={6} gap="xs">
            <IdDateInput label={t('activities.fields.from')} {...dayInput('rangeFrom')} />
            <IdDateInput label={t('activities.fields.to')} {...dayInput('rangeTo')} />
            <Button variant="light" mt={25} onClick={addRange}>
              {t('activities.form.addRange')}
            </Button>
          </Group>
          <Group align="flex-start" mt={6} gap="xs">
            <IdDateInput label={t('activities.fields.addDay')} {...dayInput('one')} />
            <Button variant="light" mt={25} onClick={addOne}>
              {t('activities.form.add')}
            </Button>
          </Group>
          <Group gap={6} mt="xs" data-testid="activity-days">
            {v.days.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('activities.form.noDays')}
              </Text>
            )}
            {v.days.map((d) => (
              <Badge
                key={d}
                variant="light"
                size="lg"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('activities.form.removeDay', { day: formatDate(d) })}
                    onClick={() =>
                      set(
                        'days',
                        v.days.filter((x) => x !== d),
                      )
                    }
                  />
                }
              >
                {formatDate(d)}
              </Badge>
            ))}
          </Group>
        </Input.Wrapper>
        <Textarea label={t('activities.fields.notes')} {...text('notes')} autosize minRows={2} />
        <ModalActions onCancel={onClose}>
          <Button onClick={submit} loading={write.isPending}>
            {t('common.save')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
