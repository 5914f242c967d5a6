import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EMPTY_RECORD_FORM } from '../../../shared/records/business';
import { businessCreateSchema, businessUpdateSchema } from '../../../shared/schemas/business';
import { fieldError } from '../../lib/forms';
import type { RecordForm } from './fieldFormat';
import {
  AddressSection,
  BusinessSection,
  NeedsSection,
  OwnerSection,
  ProductionSection,
  WorkforceSection,
  type SectionProps,
} from './form/sections';

/**
 * The business form: one section component per part of the record (form/sections.tsx), over the fields of
 * the field tables (shared/records/business.ts). Everything derived (empty form, resolvers) is built once
 * here at module level: a new object in a hook's dependencies on every render re-runs it in a loop.
 */

/** A new record's form, from the field tables (built once). */
export const EMPTY_FORM: RecordForm = { existingOwnerId: null, ...EMPTY_RECORD_FORM, reason: '' };

const RESOLVERS = {
  create: zodResolver(businessCreateSchema) as unknown as Resolver<RecordForm>,
  edit: zodResolver(businessUpdateSchema) as unknown as Resolver<RecordForm>,
};

type Form = UseFormReturn<RecordForm>;

export interface BusinessFormProps {
  mode: 'create' | 'edit';
  initial: RecordForm;
  /** the status the record had (edit): a change asks for a status reason */
  initialStatus?: string;
  initialKbliTitle?: string | null;
  submitLabel: string;
  submitting: boolean;
  /** receives the validated, normalised values (the schema's output) */
  onSubmit: (data: unknown, form: Form) => void;
  onCancel: () => void;
  /** shown above the buttons (the edit page's reason box is part of the form) */
  extra?: ReactNode;
}

export function BusinessForm(props: BusinessFormProps) {
  const { t } = useTranslation();
  const form = useForm<RecordForm>({
    resolver: RESOLVERS[props.mode],
    mode: 'onTouched',
    defaultValues: props.initial,
  });
  const { register } = form;
  const e = form.formState.errors;
  const section: SectionProps = {
    form,
    mode: props.mode,
    initialStatus: props.initialStatus,
    initialKbliTitle: props.initialKbliTitle,
  };

  return (
    <form onSubmit={form.handleSubmit((d) => props.onSubmit(d, form))} noValidate data-testid="business-form">
      <Stack gap="lg" maw={980}>
        <OwnerSection {...section} />
        <BusinessSection {...section} />
        <AddressSection {...section} />
        <WorkforceSection {...section} />
        <ProductionSection {...section} />
        <NeedsSection {...section} />

        {props.mode === 'edit' && (
          <Paper withBorder p="lg" radius="md" bg="yellow.0" data-testid="section-reason">
            <Textarea
              label={t('business.form.reason')}
              description={t('business.form.reasonHint')}
              withAsterisk
              autosize
              minRows={2}
              {...register('reason')}
              error={fieldError(t, e.reason)}
            />
          </Paper>
        )}
        {props.extra}

        <Paper
          withBorder
          p="sm"
          radius="md"
          pos="sticky"
          bottom={0}
          style={{ zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        >
          <Group justify="space-between">
            <Group gap="xs">
              {Object.keys(e).length > 0 && (
                <Group gap={6} wrap="nowrap">
                  <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />
                  <Text size="sm" c="red.7">
                    {t('errors.validation')}
                  </Text>
                </Group>
              )}
            </Group>
            <Group>
              <Button variant="default" onClick={props.onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={props.submitting}>
                {props.submitLabel}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
