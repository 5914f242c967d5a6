import type { z } from 'zod';
import { AppError, type AppErrorShape, type FieldErrors, type Result } from '../../shared/errors';
import {
  channels,
  isChannel,
  type ChannelName,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/ipc/contract';
import type { AppContext } from '../app/context';
import { log } from '../app/log';

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: AppContext,
) => Promise<OutputOf<C>> | OutputOf<C>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };
export type PartialHandlers<K extends ChannelName> = { [C in K]: Handler<C> };

/** Channels that work before the office is set up or anyone is signed in. */
export const PUBLIC_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app:info',
  'app:setLanguage',
  'office:setup',
  'auth:login',
  // the region list is public reference data; the first-run set-up picks the kecamatan from it
  'region:children',
  'region:search',
  'region:get',
  // restore on a new PC, before set-up; the backup handlers require a user once the office is set up
  'backup:drives',
  'backup:list',
  'backup:restoreCheck',
  'backup:restoreApply',
  'backup:restoreDiscard',
  'backup:pickFolder',
]);

/** Zod issues → { 'admin.password': 'validation.passwordTooShort' } (first message per field). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    // Our schemas use i18n keys as messages; zod's own defaults (type errors) become a generic key.
    fields[key] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return fields;
}

function toErrorShape(e: unknown, channel: string): AppErrorShape {
  if (e instanceof AppError) return e.toShape();
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'DISK_FULL', message: 'errors.diskFull' };
  if (code === 'SQLITE_BUSY') return { code: 'CONFLICT', message: 'errors.busy' };
  log.error(`handler ${channel} failed`, e);
  return { code: 'INTERNAL', message: 'errors.internal' };
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * One dispatcher per app. Validates every input with the channel's schema before the handler runs, checks
 * set-up and sign-in, and always answers with an envelope. Nothing thrown escapes, and no stack trace crosses.
 */
export function createDispatcher(getCtx: () => AppContext, handlers: HandlerMap): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel))
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' } };
    const def = channels[channel];
    const parsed = (def.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'errors.validation', fields: zodFieldErrors(parsed.error) },
      };
    }
    const ctx = getCtx();
    if (!PUBLIC_CHANNELS.has(channel) && !ctx.session.user) {
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } };
    }
    try {
      const handler = handlers[channel] as (i: unknown, c: AppContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, channel) };
    }
  };
}
