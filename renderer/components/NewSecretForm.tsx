import { Button, PasswordInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { showIpcError, useFieldProps } from '../lib/forms';

/**
 * A form that changes a secret (one's password, the backup passphrase) with the current password: sent by
 * `send`; on success the form is emptied and `doneKey` shown, on failure main's field errors go to the fields.
 */
export function useNewSecretForm<T extends FieldValues>(
  schema: z.ZodType<T, T>,
  defaultValues: DefaultValues<T>,
  send: (d: T) => Promise<unknown>,
  doneKey: string,
) {
  const { t } = useTranslation();
  const form = useForm<T>({ resolver: zodResolver(schema), defaultValues });
  const field = useFieldProps(form);
  const save = useMutation({
    mutationFn: send,
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', message: t(doneKey) });
    },
    onError: (err) => showIpcError(err, t, form.setError),
  });
  return { form, field, save };
}

/** Its fields: the current password, the new secret twice (labels `${ns}.${current}`, `.new`, `.confirm`), submit. */
export function NewSecretFields({
  ns,
  current,
  fields: [old, next, confirm],
  loading,
}: {
  ns: string;
  current: string;
  fields: [object, object, object];
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput label={t(`${ns}.${current}`)} autoComplete="current-password" {...old} />
      <PasswordInput label={t(`${ns}.new`)} autoComplete="new-password" {...next} />
      <PasswordInput label={t(`${ns}.confirm`)} autoComplete="new-password" {...confirm} />
      <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
        {t(`${ns}.submit`)}
      </Button>
    </>
  );
}
