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
import { IpcError, call } from '../../lib/ipc';
import { showIpcError } from '../../lib/forms';
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
  const [v, setV] = useState<Values>(activity ? valuesOf(activity) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [one, setOne] = useState('');
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((s) => ({ ...s, [k]: value }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };
  const write = useActivityWrite((input: unknown) =>
    activity
      ? call('activity:update', { ...(input as object), id: activity.id, version: activity.version } as never)
      : call('activity:create', input as never),
  );
  const err = (k: string) => (errors[k] ? t(errors[k], { day: '' }) : undefined);

  const addDays = (days: string[]) => {
    const next = [...new Set([...v.days, ...days])].sort();
    set('days', next);
  };
  const addRange = () => {
    const r = daysFromRange(from, to);
    if (!r.ok) {
      setErrors((e) => ({ ...e, [r.field === 'from' ? 'rangeFrom' : 'rangeTo']: r.error }));
      return;
    }
    setErrors((e) => ({ ...e, rangeFrom: '', rangeTo: '' }));
    addDays(r.days);
    setFrom('');
    setTo('');
  };
  const addOne = () => {
    if (!isCalendarDate(one)) {
      setErrors((e) => ({ ...e, one: 'validation.date' }));
      return;
    }
    addDays([one]);
    setOne('');
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
      onError: (e) => {
        if (e instanceof IpcError && e.error.fields) setErrors(e.error.fields);
        showIpcError(e, t);
      },
    });
  };

  const options = (list: readonly string[], ns: string) =>
    list.map((c) => ({ value: c, label: t(`${ns}.${c}`) }));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={activity ? t('activities.edit') : t('activities.new')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select
            label={t('activities.fields.type')}
            data={options(ACTIVITY_TYPES, 'activities.type')}
            value={v.type}
            onChange={(x) => set('type', x)}
            error={err('type')}
            withAsterisk
            allowDeselect={false}
          />
          <TextInput
            label={t('activities.fields.batch')}
            value={v.batch}
            onChange={(e) => set('batch', e.currentTarget.value)}
            error={err('batch')}
          />
        </SimpleGrid>
        <TextInput
          label={t('activities.fields.title')}
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={err('title')}
          withAsterisk
        />
        <SimpleGrid cols={2}>
          <Select
            label={t('activities.fields.organiser')}
            data={options(ORGANISERS, 'activities.organiser')}
            value={v.organiser}
            onChange={(x) => set('organiser', x)}
            error={err('organiser')}
            withAsterisk
            allowDeselect={false}
          />
          <Select
            label={t('activities.fields.funding')}
            data={options(FUNDING_SOURCES, 'activities.funding')}
            value={v.funding}
            onChange={(x) => set('funding', x)}
            error={err('funding')}
            withAsterisk
            allowDeselect={false}
          />
          {v.organiser === 'lainnya' ? (
            <TextInput
              label={t('activities.fields.organiserOther')}
              value={v.organiserOther}
              onChange={(e) => set('organiserOther', e.currentTarget.value)}
              error={err('organiserOther')}
              withAsterisk
            />
          ) : (
            <div />
          )}
          {v.funding === 'lainnya' && (
            <TextInput
              label={t('activities.fields.fundingOther')}
              value={v.fundingOther}
              onChange={(e) => set('fundingOther', e.currentTarget.value)}
              error={err('fundingOther')}
              withAsterisk
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('activities.fields.venue')}
            value={v.venue}
            onChange={(e) => set('venue', e.currentTarget.value)}
            error={err('venue')}
          />
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
            <IdDateInput
              label={t('activities.fields.from')}
              value={from}
              onChange={(value) => {
                setFrom(value);
                setErrors((x) => ({ ...x, rangeFrom: '' }));
              }}
              error={err('rangeFrom')}
            />
            <IdDateInput
              label={t('activities.fields.to')}
              value={to}
              onChange={(value) => {
                setTo(value);
                setErrors((x) => ({ ...x, rangeTo: '' }));
              }}
              error={err('rangeTo')}
            />
            <Button variant="light" mt={25} onClick={addRange}>
              {t('activities.form.addRange')}
            </Button>
          </Group>
          <Group align="flex-start" mt={6} gap="xs">
            <IdDateInput
              label={t('activities.fields.addDay')}
              value={one}
              onChange={(value) => {
                setOne(value);
                setErrors((x) => ({ ...x, one: '' }));
              }}
              error={err('one')}
            />
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
        <Textarea
          label={t('activities.fields.notes')}
          value={v.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={err('notes')}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={write.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
