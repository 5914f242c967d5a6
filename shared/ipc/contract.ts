import type { z } from 'zod';
import type { ChannelDef } from './define';
import { systemChannels } from './channels/system';
import { businessChannels } from './channels/business';
import { refdataChannels } from './channels/refdata';
import { letterChannels } from './channels/letter';
import { backupChannels } from './channels/backup';
import { permitChannels } from './channels/permit';
import { activityChannels } from './channels/activity';
import { accountChannels } from './channels/accounts';
import { exportChannels } from './channels/export';
import { reportChannels } from './channels/report';
import { importChannels } from './channels/import';
import type { BackupJobEnd, BackupProgress, Drive } from '../schemas/backup';
import type { BatchDone, BatchProgress } from '../schemas/letter';
import type { ExportEnd, ExportProgress } from '../schemas/export';
import type { ImportEnd, ImportProgress } from '../schemas/import';

/**
 * The one IPC contract. Each domain adds its map in `channels/<domain>.ts` and spreads it here.
 * Names are `domain:verb`.
 */
export const channels = {
  ...systemChannels,
  ...businessChannels,
  ...refdataChannels,
  ...letterChannels,
  ...backupChannels,
  ...permitChannels,
  ...activityChannels,
  ...accountChannels,
  ...exportChannels,
  ...reportChannels,
  ...importChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the renderer may send (before zod's defaults and transforms). */
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What the handler receives (after validation). */
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Channels[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** An event pushed from main to the renderer: its payload type only (nothing is checked at run time). */
const event = <P>(): { readonly __payload?: P } => ({});

/**
 * Events pushed from main to the renderer (progress of long jobs). Each domain adds its events here; the
 * names the preload allows are derived from this map, so there is no second list to keep.
 */
export const events = {
  'app:notice': event<{ level: 'info' | 'warning' | 'error'; message: string }>(),
  'letter:batchProgress': event<BatchProgress>(),
  'letter:batchDone': event<BatchDone>(),
  'backup:progress': event<BackupProgress>(),
  'backup:end': event<BackupJobEnd>(),
  'backup:drives': event<{ drives: Drive[] }>(),
  'export:progress': event<ExportProgress>(),
  'export:end': event<ExportEnd>(),
  'import:progress': event<ImportProgress>(),
  'import:end': event<ImportEnd>(),
} as const;

export type EventName = keyof typeof events;
export type Events = { [E in EventName]: NonNullable<(typeof events)[E]['__payload']> };

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
