import {
  Alert,
  Button,
  Checkbox,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { DateField } from '../../components/DateField';
import { useTranslation } from 'react-i18next';
import {
  permitCreateSchema,
  permitUpdateSchema,
  type PermitRuleContext,
  type PermitTypeView,
  type PermitView,
} from '../../../shared/schemas/permit';
import { checkPermitNumber } from '../../../shared/validators/permit';
import { emptyFormOf, formOf, type FormValues as RecordFormValues } from '../../../shared/records/field';
import { permitRecord } from '../../../shared/records/permit';
import { call } from '../../lib/ipc';
import { fieldError, showIpcError } from '../../lib/forms';
import { useInvalidatePermits } from './queries';
import { WarningList } from './PermitWarnings';
import { ModalActions } from '../../components/ModalActions';

/** The record's form values (from its field table) plus what this form adds around them. */
type FormValues = RecordFormValues<typeof permitRecord> & {
  id?: number;
  version?: number;
  businessId: number;
  revoked: boolean;
  reason: string;
};

const EMPTY = emptyFormOf(permitRecord);

const fromPermit = (p: PermitView): FormValues => ({
  ...formOf(permitRecord, p),
  id: p.id,
  version: p.version,
  businessId: p.businessId,
  revoked: p.revokedAt !== null,
  reason: '',
});

/** Add or edit one permit: the same schema as main, warnings (not refusals) shown as the clerk types. */
export function PermitFormModal(props: {
  businessId: number;
  regencyCode: string | null;
  types: PermitTypeView[];
  permit: PermitView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidatePermits();
  const editing = props.permit !== null;
  const rc: PermitRuleContext = useMemo(
    () => ({
      types: props.types.map((x) => ({
        id: x.id,
        numberRule: x.numberRule,
        numberRequired: x.numberRequired,
      })),
      regencyCode: props.regencyCode,
    }),
    [props.types, props.regencyCode],
  );
  const schema = editing ? permitUpdateSchema(rc) : permitCreateSchema(rc);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FormValues>,
    mode: 'onTouched',
    defaultValues: props.permit
      ? fromPermit(props.permit)
      : {
          ...EMPTY,
          businessId: props.businessId,
          typeId: props.types[0]?.id ?? 0,
          issuer: props.types[0]?.defaultIssuer ?? '',
          whileOperating: props.types[0]?.whileOperatingDefault ?? false,
          revoked: false,
          reason: '',
        },
  });
  const e = form.formState.errors;
  const v = useWatch({ control: form.control }) as FormValues;
  const type = props.types.find((x) => x.id === Number(v.typeId));
  const check =
    type && v.number?.trim()
      ? checkPermitNumber(type.numberRule, v.number, {
          regencyCode: props.regencyCode,
          issueDate: v.issueDate || null,
          validUntil: v.validUntil || null,
        })
      : null;

  const submit = form.handleSubmit(async (d) => {
    const body = {
      businessId: d.businessId,
      typeId: Number(d.typeId),
      number: d.number,
      issuer: d.issuer,
      issueDate: d.issueDate,
      validUntil: d.whileOperating ? '' : d.validUntil,
      whileOperating: d.whileOperating,
      revokedAt: d.revoked ? d.revokedAt : '',
      revokedReason: d.revoked ? d.revokedReason : '',
      notes: d.notes,
    };
    try {
      const saved = editing
        ? await call('permit:update', { ...body, id: d.id!, version: d.version!, reason: d.reason })
        : await call('permit:create', body);
      await invalidate();
      notifications.show({
        color: saved.warnings.length ? 'yellow' : 'teal',
        message: t(saved.warnings.length ? 'permits.savedWithWarnings' : 'permits.saved', {
          type: saved.typeShortName,
        }),
      });
      props.onClose();
    } catch (err) {
      showIpcError(err, t, form.setError);
    }
  });

  const onType = (id: string | null) => {
    const prev = props.types.find((x) => x.id === Number(form.getValues('typeId')));
    const next = props.types.find((x) => x.id === Number(id));
    form.setValue('typeId', Number(id));
    if (next && !editing) {
      form.setValue('whileOperating', next.whileOperatingDefault);
      // the previous type's default issuer is replaced; an issuer the clerk typed is kept
      const issuer = form.getValues('issuer') ?? '';
      if (!issuer || issuer === (prev?.defaultIssuer ?? ''))
        form.setValue('issuer', next.defaultIssuer ?? '');
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={t(editing ? 'permits.form.editTitle' : 'permits.form.addTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="permit-form">
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="typeId"
            render={({ field }) => (
              <Select
                label={t('permits.fields.type')}
                data={props.types.map((x) => ({ value: String(x.id), label: `${x.shortName} — ${x.name}` }))}
                value={String(field.value)}
                onChange={onType}
                allowDeselect={false}
                searchable
                withAsterisk
                error={fieldError(t, e.typeId)}
                data-testid="permit-type"
              />
            )}
          />
          <TextInput
            label={t('permits.fields.number')}
            description={type ? t(`permits.numberHint.${type.numberRule}`) : undefined}
            withAsterisk={type?.numberRequired}
            {...form.register('number')}
            error={fieldError(t, e.number)}
            data-testid="permit-number"
          />
          {check?.ok && check.warnings.length > 0 && <WarningList warnings={check.warnings} />}
          <TextInput
            label={t('permits.fields.issuer')}
            {...form.register('issuer')}
            error={fieldError(t, e.issuer)}
          />
          <SimpleGrid cols={2}>
            <DateField
              control={form.control}
              name="issueDate"
              label={t('permits.fields.issueDate')}
              data-testid="permit-issue-date"
            />
            <DateField
              control={form.control}
              name="validUntil"
              label={t('permits.fields.validUntil')}
              disabled={!!v.whileOperating}
              data-testid="permit-valid-until"
            />
          </SimpleGrid>
          <Checkbox label={t('permits.fields.whileOperating')} {...form.register('whileOperating')} />
          <Checkbox label={t('permits.fields.revoked')} {...form.register('revoked')} />
          {v.revoked && (
            <SimpleGrid cols={2}>
              <DateField control={form.control} name="revokedAt" label={t('permits.fields.revokedAt')} />
              <TextInput
                label={t('permits.fields.revokedReason')}
                {...form.register('revokedReason')}
                error={fieldError(t, e.revokedReason)}
              />
            </SimpleGrid>
          )}
          <Textarea label={t('permits.fields.notes')} autosize minRows={2} {...form.register('notes')} />
          {editing && (
            <TextInput
              label={t('permits.fields.reason')}
              withAsterisk
              {...form.register('reason')}
              error={fieldError(t, e.reason)}
              data-testid="permit-reason"
            />
          )}
          {Object.keys(e).length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="permit-form-errors">
              {t('permits.form.fixErrors')}
            </Alert>
          )}
          <ModalActions onCancel={props.onClose}>
            <Button type="submit" loading={form.formState.isSubmitting} data-testid="permit-save">
              {t('common.save')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}
