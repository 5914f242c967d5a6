import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Chip,
  Grid,
  Group,
  NumberInput,
  type NumberInputProps,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBuildingFactory2,
  IconCoin,
  IconMapPin,
  IconTool,
  IconUser,
  IconUserCheck,
  IconHeartHandshake,
  type TablerIcon,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DateField } from '../../../components/DateField';
import { Controller, useWatch, type Control, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { classifyAll } from '../../../../shared/domain/size-class';
import {
  BUSINESS_STATUSES,
  CONSTRAINTS,
  LEGAL_FORMS,
  NEEDS,
  type KbliVersion,
  type OwnerSearchHit,
} from '../../../../shared/schemas/business';
import { nikWarnings, normalizeNik, parseNik } from '../../../../shared/validators/nik';
import { parseNpwp } from '../../../../shared/validators/npwp';
import { formatPhone } from '../../../../shared/validators/phone';
import { KbliPicker } from '../../../components/KbliPicker';
import { usePp7Rule } from '../../../app/queries';
import { SizeClassBadges } from '../../../components/SizeClassBadges';
import { VillagePicker } from '../../../components/VillagePicker';
import { useNikRegionCheck } from '../../refdata/queries';
import { fieldError, useFieldProps } from '../../../lib/forms';
import { formatDate } from '../../../lib/format';
import type { RecordForm } from '../fieldFormat';
import { useOwnerSearch } from '../record-queries';

type Form = UseFormReturn<RecordForm>;

/** What every section of the business form gets. */
export interface SectionProps {
  form: Form;
  mode: 'create' | 'edit';
  /** the status the record had (edit): a change asks for a status reason */
  initialStatus?: string | undefined;
  initialKbliTitle?: string | null | undefined;
}

/** The form's sections: the title, hint and test id follow from the name. */
type SectionName = 'owner' | 'business' | 'address' | 'workforce' | 'production' | 'needs';

function Section(props: {
  /** drawn at 22 px in the section colour */
  icon: TablerIcon;
  name: SectionName;
  /** shows business.form.sections.<name>Hint under the title */
  withHint?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const hint = props.withHint ? t(`business.form.sections.${props.name}Hint`) : undefined;
  return (
    <Paper withBorder p="lg" radius="md" data-testid={`section-${props.name}`}>
      <Group gap="sm" mb={hint ? 2 : 'md'} wrap="nowrap">
        <props.icon size={22} color="var(--mantine-color-blue-7)" />
        <Title order={3} size="h4">
          {t(`business.form.sections.${props.name}`)}
        </Title>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="md">
          {hint}
        </Text>
      )}
      <Stack gap="sm">{props.children}</Stack>
    </Paper>
  );
}

/** `text(name, label, extra)`: a TextInput registered on the form field `name`, with its translated error. */
function useTextField(form: Form) {
  const field = useFieldProps(form);
  return (name: FieldPath<RecordForm>, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} {...field(name)} {...extra} />
  );
}

/** One orange warning line under a field (NIK, NPWP checks). */
function FieldWarning(props: { testId: string; mt?: number; children: ReactNode }) {
  return (
    <Group gap={6} mt={props.mt} wrap="nowrap" data-testid={props.testId}>
      <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" />
      <Text size="xs" c="orange.8">
        {props.children}
      </Text>
    </Group>
  );
}

/** Street, RT and RW on one row (the owner's address or the business's). */
function StreetRtRw(props: {
  text: ReturnType<typeof useTextField>;
  names: readonly [FieldPath<RecordForm>, FieldPath<RecordForm>, FieldPath<RecordForm>];
  labels: readonly [string, string, string];
}) {
  const [street, rt, rw] = props.names;
  const [streetLabel, rtLabel, rwLabel] = props.labels;
  const { text } = props;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 8 }}>{text(street, streetLabel)}</Grid.Col>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        {text(rt, rtLabel, { inputMode: 'numeric', maxLength: 3 })}
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        {text(rw, rwLabel, { inputMode: 'numeric', maxLength: 3 })}
      </Grid.Col>
    </Grid>
  );
}

/** A desa picker over the two form fields `<prefix>VillageCode` and `<prefix>VillageName`. */
function VillageField(props: {
  form: Form;
  code: 'villageCode' | 'ownerVillageCode';
  name: 'villageName' | 'ownerVillageName';
  label: string;
  withAsterisk?: boolean;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const code = useWatch({ control: form.control, name: props.code });
  const name = useWatch({ control: form.control, name: props.name });
  const err = form.formState.errors[props.name];
  return (
    <VillagePicker
      label={props.label}
      withAsterisk={props.withAsterisk}
      value={name ? { code: code ?? null, name } : null}
      error={fieldError(t, err)}
      onChange={(v) => {
        form.setValue(props.code, v?.code ?? null, { shouldDirty: true });
        form.setValue(props.name, v?.name ?? (props.name === 'villageName' ? '' : null), {
          shouldDirty: true,
          shouldValidate: form.formState.isSubmitted,
        });
      }}
    />
  );
}

/** A NumberInput on a form field, with its translated error. */
function FormNumberInput(
  props: { control: Control<RecordForm>; name: FieldPath<RecordForm> } & NumberInputProps,
) {
  const { t } = useTranslation();
  const { control, name, ...input } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          allowNegative={false}
          {...input}
          value={(field.value as number | string | null | undefined) ?? ''}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          error={fieldError(t, fieldState.error)}
        />
      )}
    />
  );
}

function MoneyInput(props: { control: Control<RecordForm>; name: FieldPath<RecordForm>; label: string }) {
  return (
    <FormNumberInput
      {...props}
      prefix="Rp"
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      hideControls
    />
  );
}

function CountInput(props: {
  control: Control<RecordForm>;
  name: FieldPath<RecordForm>;
  label: string;
  min?: number;
  max?: number;
  placeholder?: string;
  decimal?: boolean;
}) {
  const { decimal, min, ...rest } = props;
  return (
    <FormNumberInput
      {...rest}
      min={min ?? 0}
      allowDecimal={decimal ?? false}
      decimalSeparator={decimal ? ',' : undefined}
      thousandSeparator={decimal ? '.' : undefined}
    />
  );
}

/** Find a person already registered (by NIK or name) and register this business for them. */
function OwnerPicker({ form, onPick }: { form: Form; onPick: (o: OwnerSearchHit | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const owners = useOwnerSearch(debounced);
  const picked = useWatch({ control: form.control, name: 'existingOwnerId' });
  const hits = owners.data ?? [];
  return (
    <Select
      label={t('business.form.ownerSearch')}
      description={t('business.form.ownerSearchHint')}
      placeholder={t('business.form.ownerSearchPlaceholder')}
      searchable
      clearable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={picked ? String(picked) : null}
      data={hits.map((o) => ({
        value: String(o.id),
        label: `${o.name}${o.nikMasked ? ` — ${o.nikMasked}` : ''} · ${t('business.form.ownerBusinesses', { count: o.businesses.length })}`,
      }))}
      nothingFoundMessage={
        debounced.length >= 2 && owners.isSuccess ? t('business.form.ownerSearchNothing') : undefined
      }
      onChange={(id) => onPick(id ? (hits.find((o) => String(o.id) === id) ?? null) : null)}
      data-testid="owner-picker"
    />
  );
}

export function OwnerSection({ form, mode }: SectionProps) {
  const { t } = useTranslation();
  const { control, register } = form;
  const e = form.formState.errors;
  const [pickedOwner, setPickedOwner] = useState<OwnerSearchHit | null>(null);

  const nik = useWatch({ control, name: 'ownerNik' });
  // the schema's own normaliser: the preview never shows a NIK that the save refuses
  const nikDigits = normalizeNik(nik ?? '');
  const nikInfo = /^\d{16}$/.test(nikDigits) ? parseNik(nikDigits) : null;
  const nikWarn = nikInfo?.ok ? nikWarnings(nikDigits) : [];
  // Region digits not in the Kemendagri list: a warning only (codes change after pemekaran).
  const nikRegion = useNikRegionCheck(nikInfo?.ok ? nikDigits : null);
  // Pre-fill sex and date of birth from a valid NIK; the clerk may still change them.
  useEffect(() => {
    if (nikInfo?.ok) {
      form.setValue('ownerSex', nikInfo.info.sex, { shouldDirty: true });
      form.setValue('ownerBirthDate', nikInfo.info.birthDate, { shouldDirty: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nikDigits]);

  const pickOwner = (o: OwnerSearchHit | null) => {
    setPickedOwner(o);
    form.setValue('existingOwnerId', o?.id ?? null);
    if (!o) return;
    const set = (k: FieldPath<RecordForm>, v: unknown) =>
      form.setValue(k, v as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    set('ownerName', o.name);
    set('ownerNik', o.nik ?? '');
    set('ownerSex', o.sex ?? '');
    set('ownerBirthDate', o.birthDate ?? '');
    set('ownerBirthPlace', o.birthPlace ?? '');
    set('ownerPhone', formatPhone(o.phone));
    set('ownerStreet', o.street ?? '');
    set('ownerRt', o.rt ?? '');
    set('ownerRw', o.rw ?? '');
    set('ownerVillageCode', o.villageCode);
    set('ownerVillageName', o.villageName);
  };

  const text = useTextField(form);

  return (
    <Section icon={IconUser} name="owner" withHint>
      {mode === 'create' && <OwnerPicker form={form} onPick={pickOwner} />}
      {pickedOwner && (
        <Alert color="teal" variant="light" icon={<IconUserCheck size={18} />} data-testid="owner-picked">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('business.form.ownerPicked', { name: pickedOwner.name })}</Text>
            <Button size="xs" variant="subtle" onClick={() => pickOwner(null)}>
              {t('business.form.ownerNew')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('ownerName', t('business.fields.ownerName'), { withAsterisk: true })}
        <TextInput
          label={t('business.fields.nik')}
          description={
            nikInfo?.ok
              ? t('business.form.nikInfo', {
                  sex: t(`business.sex.${nikInfo.info.sex}`),
                  date: formatDate(nikInfo.info.birthDate),
                })
              : t('business.form.nikHint')
          }
          inputMode="numeric"
          maxLength={20}
          {...register('ownerNik')}
          error={fieldError(t, e.ownerNik)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Controller
          control={control}
          name="ownerSex"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('business.fields.ownerSex')}
              </Text>
              <SegmentedControl
                aria-label={t('business.fields.ownerSex')}
                value={field.value ?? ''}
                onChange={field.onChange}
                data={[
                  { value: 'L', label: t('business.sexFull.L') },
                  { value: 'P', label: t('business.sexFull.P') },
                ]}
              />
            </Stack>
          )}
        />
        <DateField
          control={control}
          name="ownerBirthDate"
          label={t('business.fields.ownerBirthDate')}
          maxDate={new Date()}
          defaultLevel="decade"
          data-testid="owner-birth-date"
        />
        {text('ownerBirthPlace', t('business.fields.ownerBirthPlace'))}
      </SimpleGrid>
      {nikInfo?.ok && (
        <Text size="xs" c="dimmed" mt={-6}>
          {t('business.form.nikPrefilled')}
        </Text>
      )}
      {nikWarn.map((w) => (
        <FieldWarning key={w.code} testId="nik-warning">
          {t(w.key, w.params)}
        </FieldWarning>
      ))}
      {nikInfo?.ok &&
        nikRegion.data?.warnings.map((w) => (
          <FieldWarning key={w.key} testId="nik-region-warning">
            {t(w.key, w.params)}
          </FieldWarning>
        ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('ownerPhone', t('business.fields.ownerPhone'), {
          description: t('business.form.phoneHint'),
          inputMode: 'tel',
        })}
      </SimpleGrid>
      <Text size="sm" fw={600} mt="xs">
        {t('business.form.sections.ownerAddress')}
      </Text>
      <StreetRtRw
        text={text}
        names={['ownerStreet', 'ownerRt', 'ownerRw']}
        labels={[
          t('business.fields.ownerStreet'),
          t('business.fields.ownerRt'),
          t('business.fields.ownerRw'),
        ]}
      />
      <VillageField
        form={form}
        code="ownerVillageCode"
        name="ownerVillageName"
        label={t('business.fields.ownerVillageName')}
      />
    </Section>
  );
}

export function BusinessSection({ form, mode, initialStatus, initialKbliTitle }: SectionProps) {
  const { t } = useTranslation();
  const { control, register } = form;
  const e = form.formState.errors;
  const [kbliTitle, setKbliTitle] = useState<string | null>(initialKbliTitle ?? null);
  const status = useWatch({ control, name: 'status' });
  const statusChanged = mode === 'edit' ? status !== initialStatus : status !== 'aktif';
  const npwpSame = useWatch({ control, name: 'npwpSameAsNik' });
  const npwp = useWatch({ control, name: 'npwp' });
  const npwpInfo = !npwpSame && npwp && npwp.replace(/\D/g, '').length >= 15 ? parseNpwp(npwp) : null;
  const kbliCode = useWatch({ control, name: 'kbliCode' });
  const kbliVersion = useWatch({ control, name: 'kbliVersion' });

  const text = useTextField(form);

  return (
    <Section icon={IconBuildingFactory2} name="business">
      {text('name', t('business.fields.name'), {
        withAsterisk: true,
        placeholder: t('business.form.namePlaceholder'),
      })}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('products', t('business.fields.products'))}
        {text('brand', t('business.fields.brand'))}
      </SimpleGrid>
      <KbliPicker
        label={t('business.fields.kbli')}
        value={
          kbliCode
            ? { code: kbliCode, version: (kbliVersion ?? '2020') as KbliVersion, title: kbliTitle ?? '' }
            : null
        }
        error={fieldError(t, e.kbliCode) ?? fieldError(t, e.kbliVersion)}
        onChange={(v) => {
          form.setValue('kbliCode', v?.code ?? null, { shouldDirty: true });
          form.setValue('kbliVersion', v?.version ?? null, { shouldDirty: true });
          setKbliTitle(v?.title ?? null);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {text('sentra', t('business.fields.sentra'))}
        <Controller
          control={control}
          name="legalForm"
          render={({ field }) => (
            <Select
              label={t('business.fields.legalForm')}
              placeholder={t('business.form.select')}
              clearable
              data={LEGAL_FORMS.map((v) => ({ value: v, label: t(`business.legalForm.${v}`) }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
            />
          )}
        />
        <CountInput
          control={control}
          name="yearStarted"
          label={t('business.fields.yearStarted')}
          min={1900}
          max={new Date().getFullYear()}
        />
      </SimpleGrid>
      <Grid align="flex-start">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label={t('business.fields.npwp')}
            inputMode="numeric"
            disabled={!!npwpSame}
            description={
              npwpInfo?.ok
                ? t(`business.form.npwpKind.${npwpInfo.kind}`, { formatted: npwpInfo.formatted })
                : t('business.form.npwpHint')
            }
            {...register('npwp')}
            error={fieldError(t, e.npwp)}
          />
          {npwpInfo?.ok &&
            npwpInfo.warnings.map((w) => (
              <FieldWarning key={w} testId="npwp-warning" mt={4}>
                {t(`business.form.npwpWarning.${w}`)}
              </FieldWarning>
            ))}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }} pt={{ sm: 34 }}>
          <Checkbox
            label={t('business.form.npwpSameAsNik')}
            {...register('npwpSameAsNik')}
            error={fieldError(t, e.npwpSameAsNik)}
          />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <Select
              label={t('business.fields.status')}
              allowDeselect={false}
              data={BUSINESS_STATUSES.map((v) => ({ value: v, label: t(`business.status.${v}`) }))}
              value={field.value ?? 'aktif'}
              onChange={(v) => field.onChange(v ?? 'aktif')}
            />
          )}
        />
        {statusChanged &&
          text('statusReason', t('business.fields.statusReason'), {
            description: t('business.form.statusReasonHint'),
            withAsterisk: mode === 'edit',
          })}
      </SimpleGrid>
    </Section>
  );
}

export function AddressSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const copyOwnerAddress = () => {
    const v = form.getValues();
    form.setValue('street', v.ownerStreet ?? '', { shouldDirty: true });
    form.setValue('rt', v.ownerRt ?? '', { shouldDirty: true });
    form.setValue('rw', v.ownerRw ?? '', { shouldDirty: true });
    if (v.ownerVillageName) {
      form.setValue('villageCode', v.ownerVillageCode ?? null, { shouldDirty: true });
      form.setValue('villageName', v.ownerVillageName, { shouldDirty: true, shouldValidate: true });
    }
  };

  const text = useTextField(form);

  return (
    <Section icon={IconMapPin} name="address" withHint>
      <Group>
        <Anchor component="button" type="button" size="sm" onClick={copyOwnerAddress}>
          {t('business.form.copyOwnerAddress')}
        </Anchor>
      </Group>
      <StreetRtRw
        text={text}
        names={['street', 'rt', 'rw']}
        labels={[t('business.fields.street'), t('business.fields.rt'), t('business.fields.rw')]}
      />
      <VillageField
        form={form}
        code="villageCode"
        name="villageName"
        label={t('business.fields.village')}
        withAsterisk
      />
    </Section>
  );
}

export function WorkforceSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const { control } = form;
  const [wm, wf, inv, cap, turnover] = useWatch({
    control,
    name: ['workersMale', 'workersFemale', 'investment', 'capital', 'annualTurnover'],
  });
  const num = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
  // the office's rule for PP 7/2021 (settings); the default until it has loaded
  const pp7Rule = usePp7Rule().data?.pp7Rule;
  const classes = useMemo(
    () =>
      classifyAll(
        {
          workersMale: num(wm),
          workersFemale: num(wf),
          investment: num(inv),
          capital: num(cap),
          annualTurnover: num(turnover),
        },
        pp7Rule,
      ),
    [wm, wf, inv, cap, turnover, pp7Rule],
  );
  const workersTotal = num(wm) === null && num(wf) === null ? null : (num(wm) ?? 0) + (num(wf) ?? 0);

  return (
    <Section icon={IconCoin} name="workforce" withHint>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CountInput control={control} name="workersMale" label={t('business.fields.workersMale')} />
        <CountInput control={control} name="workersFemale" label={t('business.fields.workersFemale')} />
        <Stack gap={4} justify="flex-end">
          <Text size="sm" c="dimmed" pb={8}>
            {workersTotal === null
              ? t('business.form.workersTotalUnknown')
              : t('business.form.workersTotal', { count: workersTotal })}
          </Text>
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MoneyInput control={control} name="investment" label={t('business.fields.investment')} />
        <MoneyInput
          control={control}
          name="investmentLandBuilding"
          label={t('business.fields.investmentLandBuilding')}
        />
        <MoneyInput control={control} name="capital" label={t('business.fields.capital')} />
        <Grid>
          <Grid.Col span={8}>
            <MoneyInput control={control} name="annualTurnover" label={t('business.fields.annualTurnover')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <CountInput
              control={control}
              name="turnoverYear"
              label={t('business.fields.turnoverYear')}
              min={1900}
              max={new Date().getFullYear()}
            />
          </Grid.Col>
        </Grid>
      </SimpleGrid>
      <Paper bg="gray.0" p="sm" radius="sm" data-testid="size-preview">
        <Text size="sm" fw={600} mb={6}>
          {t('business.form.sizePreview')}
        </Text>
        <SizeClassBadges classes={classes} />
      </Paper>
    </Section>
  );
}

export function ProductionSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const { control, register } = form;
  const e = form.formState.errors;

  const text = useTextField(form);

  return (
    <Section icon={IconTool} name="production" withHint>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CountInput
          control={control}
          name="productionCapacity"
          label={t('business.fields.productionCapacity')}
          decimal
        />
        {text('capacityUnit', t('business.fields.capacityUnit'), {
          placeholder: t('business.form.capacityUnitPlaceholder'),
        })}
      </SimpleGrid>
      <Textarea
        label={t('business.fields.rawMaterials')}
        autosize
        minRows={2}
        {...register('rawMaterials')}
        error={fieldError(t, e.rawMaterials)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('energyUse', t('business.fields.energyUse'))}
        {text('waterUse', t('business.fields.waterUse'))}
      </SimpleGrid>
    </Section>
  );
}

/** A multiple choice of chips (constraints, needs) with its label and hint. */
function ChipsField(props: {
  control: Control<RecordForm>;
  name: 'constraints' | 'needs';
  label: string;
  hint: string;
  options: { value: string; label: string }[];
  color?: string;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {props.label}{' '}
            <Text span size="xs" c="dimmed">
              {props.hint}
            </Text>
          </Text>
          <Chip.Group<true, string> multiple value={field.value ?? []} onChange={field.onChange}>
            <Group gap="xs">
              {props.options.map((o) => (
                <Chip key={o.value} value={o.value} size="sm" variant="outline" color={props.color}>
                  {o.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      )}
    />
  );
}

export function NeedsSection({ form }: SectionProps) {
  const { t } = useTranslation();
  const { control, register } = form;
  const e = form.formState.errors;

  return (
    <Section icon={IconHeartHandshake} name="needs">
      <ChipsField
        control={control}
        name="constraints"
        label={t('business.fields.constraints')}
        hint={t('business.form.constraintsHint')}
        options={CONSTRAINTS.map((c) => ({ value: c, label: t(`business.constraint.${c}`) }))}
      />
      <ChipsField
        control={control}
        name="needs"
        label={t('business.fields.needs')}
        hint={t('business.form.needsHint')}
        options={NEEDS.map((c) => ({ value: c, label: t(`business.need.${c}`) }))}
        color="teal"
      />
      <Textarea
        label={t('business.fields.notes')}
        autosize
        minRows={2}
        {...register('notes')}
        error={fieldError(t, e.notes)}
      />
    </Section>
  );
}
