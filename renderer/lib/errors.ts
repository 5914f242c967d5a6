import type { TFunction } from 'i18next';
import { IpcError } from './ipc';

/** The clerk's message for a failed call: main's message key with its parameters, or the generic one. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof IpcError) return t(e.error.message, e.error.params ?? {});
  return t('errors.internal');
}
