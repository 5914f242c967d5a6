import type { z } from 'zod';
import { AppError, type AppErrorShape, type FieldErrors, type Result } from '../../shared/errors';
import {
  channels,
  isChannel,
  type ChannelName,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/ipc/contract';
import { accessDenial } from '../../shared/ipc/access';
import { dbOf, type AppContext } from '../app/context';
import { log } from '../app/log';
import { runInSession, type ClientSession } from '../app/sessions';
import { maskDeep } from '../../shared/privacy/mask';

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: AppContext,
) => Promise<OutputOf<C>> | OutputOf<C>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };
export type PartialHandlers<K extends ChannelName> = { [C in K]: Handler<C> };

/** A handler that is the service itself: services take the context first, then the checked input. */
export function serviceHandler<I, O>(
  service: (ctx: AppContext, input: I) => O,
): (input: I, ctx: AppContext) => O {
  return (input, ctx) => service(ctx, input);
}

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

const DENIAL_MESSAGES = {
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN: 'errors.forbidden',
  ALREADY_SET_UP: 'errors.alreadySetUp',
} as const;

/** The office row exists. Read on each call that needs it: a restore can swap the database underneath. */
async function isSetUp(ctx: AppContext): Promise<boolean> {
  return (await dbOf(ctx).selectFrom('office').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * `client`: the session of the client calling (a browser's cookie session, a window's session), found by the
 * transport (sessions.ts). Without one (the command line, unit tests), the app's own session is used.
 */
export type Dispatch = (channel: unknown, input: unknown, client?: ClientSession) => Promise<Result<unknown>>;

/**
 * One dispatcher per app. Checks the channel's access rule (shared/ipc/access.ts), then validates the input
 * with the channel's schema before the handler runs, and always answers with an envelope. Nothing thrown escapes, and no stack trace crosses.
 */
export function createDispatcher(getCtx: () => AppContext, handlers: HandlerMap): Dispatch {
  const dispatch: Dispatch = async (channel, input, client) =>
    client ? runInSession(client, () => dispatchOne(channel, input)) : dispatchOne(channel, input);
  const dispatchOne = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel))
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' } };
    const def = channels[channel];
    const ctx = getCtx();
    // Access first: a caller who may not use the channel learns nothing about its input's fields.
    const denied = await accessDenial(def.access, ctx.session.user?.role ?? null, () => isSetUp(ctx));
    if (denied) {
      const message =
        denied === 'UNAUTHENTICATED' && ctx.session.ended === 'idle'
          ? 'errors.sessionIdle'
          : DENIAL_MESSAGES[denied];
      return { ok: false, error: { code: denied, message } };
    }
    const parsed = (def.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'errors.validation', fields: zodFieldErrors(parsed.error) },
      };
    }
    try {
      const handler = handlers[channel] as (i: unknown, c: AppContext) => unknown;
      const value = await handler(parsed.data, ctx);
      // A viewer (Camat, kabupaten visitor) never receives a full NIK or phone number, whatever the channel.
      return { ok: true, value: ctx.session.user?.role === 'viewer' ? maskDeep(value) : value };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, channel) };
    }
  };
  return dispatch;
}
