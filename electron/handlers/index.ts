import type { ChannelName } from '../../shared/ipc/contract';
import { exportChannels } from '../../shared/ipc/channels/export';
import { importChannels } from '../../shared/ipc/channels/import';
import { letterChannels } from '../../shared/ipc/channels/letter';
import { reportChannels } from '../../shared/ipc/channels/report';
import type { Handler, HandlerMap, PartialHandlers } from '../ipc/dispatcher';
import { systemHandlers } from './system';
import { businessHandlers } from './business';
import { registryHandlers } from './registry';
import { refdataHandlers } from './refdata';
import { backupHandlers } from './backup';
import { permitHandlers } from './permit';
import { activityHandlers } from './activity';
import { accountHandlers } from './accounts';

/**
 * The handlers of a feature that is not on the first screen, its module imported on the feature's first
 * call (then kept). The bundle makes each such module a chunk of its own, so that the start does not load
 * it nor the packages only it uses (pdfkit, fontkit, qrcode, exceljs, csv-parse: seconds of a start on a
 * slow PC). A failed import is tried again on the next call.
 */
function onFirstCall<K extends ChannelName>(
  names: Record<K, unknown>,
  load: () => Promise<PartialHandlers<K>>,
): PartialHandlers<K> {
  let loading: Promise<PartialHandlers<K>> | null = null;
  const get = () =>
    (loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    }));
  const out: Partial<Record<K, Handler<K>>> = {};
  for (const name of Object.keys(names) as K[]) {
    out[name] = async (input, ctx) => {
      const handler = (await get())[name] as Handler<K>;
      return handler(input, ctx);
    };
  }
  return out as PartialHandlers<K>;
}

/** Every channel of the contract has exactly one handler; the compiler checks the map is complete. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...businessHandlers,
  ...registryHandlers,
  ...refdataHandlers,
  ...onFirstCall(letterChannels, async () => (await import('./letter')).letterHandlers),
  ...backupHandlers,
  ...permitHandlers,
  ...activityHandlers,
  ...accountHandlers,
  ...onFirstCall(exportChannels, async () => (await import('./export')).exportHandlers),
  ...onFirstCall(reportChannels, async () => (await import('./report')).reportHandlers),
  ...onFirstCall(importChannels, async () => (await import('./import')).importHandlers),
};
