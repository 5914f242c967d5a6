import { notifications } from '@mantine/notifications';
import {
  get,
  type FieldError,
  type FieldValues,
  type Path,
  type UseFormReturn,
  type UseFormSetError,
} from 'react-hook-form';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IpcError } from './ipc';

/**
 * Puts main's field errors next to the fields (the same i18n keys the form's own zod check uses) and shows
 * the general message. Returns true when the error was handled as field errors.
 */
export function showIpcError<T extends FieldValues>(
  e: unknown,
  t: TFunction,
  setError?: UseFormSetError<T>,
): void {
  if (e instanceof IpcError) {
    const fields = e.error.fields ?? {};
    if (setError)
      for (const [name, key] of Object.entries(fields))
        setError(name as Path<T>, { type: 'server', message: key });
    notifications.show({
      color: 'red',
      title: t('errors.title', { defaultValue: '' }) || undefined,
      message: t(e.error.message, e.error.params ?? {}),
    });
    return;
  }
  notifications.show({ color: 'red', message: t('errors.internal') });
}

/** Translates a field error (an i18n key) for display; undefined when there is none. */
export function fieldError(t: TFunction, err: { message?: unknown } | undefined): string | undefined {
  if (!err || typeof err.message !== 'string' || !err.message) return undefined;
  return t(err.message);
}

/** `{...field('name')}` on an input: registers it on the form and shows the field's translated error. */
export function useFieldProps<T extends FieldValues>(form: UseFormReturn<T>) {
  const { t } = useTranslation();
  const errors = form.formState.errors;
  return (name: Path<T>) => ({
    ...form.register(name),
    error: fieldError(t, get<typeof errors, FieldError | undefined>(errors, name)),
  });
}

type StringKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * The values of a small form kept outside react-hook-form, with an error key per field (the schema's or
 * main's): `set` changes a field and clears its error, `err` translates the error (with `tOptions`), `text`
 * binds a text input to a string field, and `failed` shows an IPC error with main's field errors in place.
 */
export function useValues<V extends object>(initial: V, tOptions: Record<string, unknown> = {}) {
  const { t } = useTranslation();
  const [v, setV] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof V>(k: K, value: V[K]) => {
    setV((s) => ({ ...s, [k]: value }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };
  const err = (k: string) => (errors[k] ? t(errors[k], tOptions) : undefined);
  const text = <K extends StringKey<V>>(k: K) => ({
    value: v[k] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(k, e.currentTarget.value as V[K]),
    error: err(k),
  });
  const failed = (e: unknown) => {
    if (e instanceof IpcError && e.error.fields) setErrors(e.error.fields);
    showIpcError(e, t);
  };
  return { v, set, err, setErrors, text, failed };
}
