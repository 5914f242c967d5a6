import { dbOf, rawOf } from '../app/context';
import { type PartialHandlers, serviceHandler } from '../ipc/dispatcher';
import type { permitChannels } from '../../shared/ipc/channels/permit';
import {
  archivePermit,
  createPermit,
  createType,
  listPermits,
  listTypes,
  updatePermit,
} from '../services/permits/record';
import { addScanChunk, beginScan, commitScan, pickScan, readScan } from '../services/permits/scans';
import { permitCounts, permitWorklist } from '../services/permits/worklists';
import { localDate } from '../services/business-record';
import { registerPermitHistory } from '../services/permits/history';

registerPermitHistory();

/** Permits of a business, their scans, and the Izin page's worklists (issue 8 items 1, 2, 5). */
export const permitHandlers: PartialHandlers<keyof typeof permitChannels> = {
  'permit:types': (_input, ctx) => listTypes(dbOf(ctx)),
  'permit:typeCreate': serviceHandler(createType),
  'permit:list': ({ businessId, includeArchived }, ctx) => listPermits(ctx, businessId, includeArchived),
  'permit:create': serviceHandler(createPermit),
  'permit:update': serviceHandler(updatePermit),
  'permit:archive': ({ id, reason }, ctx) => archivePermit(ctx, id, reason),
  'permit:scanBegin': serviceHandler(beginScan),
  'permit:scanChunk': (input) => addScanChunk(input),
  'permit:scanCommit': ({ uploadId }, ctx) => commitScan(ctx, uploadId),
  'permit:scanPick': ({ permitId }, ctx) => pickScan(ctx, permitId),
  'permit:scanRead': ({ id }, ctx) => readScan(ctx, id),
  'permit:worklist': (input, ctx) => permitWorklist(rawOf(ctx), input, localDate(ctx.now())),
  'permit:counts': (_input, ctx) => permitCounts(rawOf(ctx), localDate(ctx.now())),
};
