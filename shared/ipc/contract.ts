import type { z } from 'zod';
import type { ChannelDef } from './define';
import { systemChannels } from './channels/system';
import { businessChannels } from './channels/business';
import { refdataChannels } from './channels/refdata';
import { letterChannels } from './channels/letter';
import { backupChannels } from './channels/backup';
import { permitChannels } from './channels/permit';
import { activityChannels } from './channels/activity';
import type { BackupJobEnd, BackupProgress, Drive } from '../schemas/backup';
import type { BatchDone, BatchProgress } from '../schemas/letter';

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

/**
 * Events pushed from main to the renderer (progress of long jobs). Payload types only.
 * Each domain adds its events here.
 */
export interface Events {
  'app:notice': { level: 'info' | 'warning' | 'error'; message: string };
  'letter:batchProgress': BatchProgress;
  'letter:batchDone': BatchDone;
  'backup:progress': BackupProgress;
  'backup:end': BackupJobEnd;
  'backup:drives': { drives: Drive[] };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = [
  'app:notice',
  'letter:batchProgress',
  'letter:batchDone',
  'backup:progress',
  'backup:end',
  'backup:drives',
];
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
